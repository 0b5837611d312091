package dev.guidegen.content;

import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads the files of {@code content/images/}: their URL, and their size from the file's header. */
final class Images {

    /** Formats whose size the JDK reads from the header. */
    private static final Set<String> SIZED = Set.of("png", "jpg", "jpeg", "gif");
    /** Formats copied as they are, without a size. */
    private static final Set<String> UNSIZED = Set.of("svg", "webp", "avif");
    /** One segment of an image's path: it becomes part of a URL as it is. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private Images() {
    }

    static Optional<ImageFile> read(String path, byte[] bytes, Problems problems) {
        SourcePos at = SourcePos.start(path);
        String relative = path.substring(ContentReader.IMAGES.length());
        int dot = relative.lastIndexOf('.');
        String ext = dot < 0 ? "" : relative.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!SIZED.contains(ext) && !UNSIZED.contains(ext)) {
            problems.warning(at, "file is not an image and is ignored", "images are .png, .jpg, .gif, .svg, .webp or .avif");
            return Optional.empty();
        }
        for (String segment : relative.split("/")) {
            if (!SEGMENT.matcher(segment).matches()) {
                problems.error(at, "image name \"" + segment + "\" cannot be part of a URL as it is",
                        "use letters, digits, '.', '-' and '_', like team-chart.png");
                return Optional.empty();
            }
        }
        String url = "/images/" + relative;
        if (ext.equals("svg")) {
            return checkSvg(path, bytes, problems) ? Optional.of(new ImageFile(path, url, bytes, 0, 0)) : Optional.empty();
        }
        if (!SIZED.contains(ext)) {
            return Optional.of(new ImageFile(path, url, bytes, 0, 0));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    int width = reader.getWidth(0);
                    int height = reader.getHeight(0);
                    String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                    if (!sameFormat(ext, format)) {
                        problems.error(at, "file named ." + ext + " holds a " + format.toUpperCase(Locale.ROOT) + " image",
                                "rename it to end in ." + format);
                        return Optional.empty();
                    }
                    return Optional.of(new ImageFile(path, url, bytes, width, height));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable header is reported below, like a file with no known header at all.
        }
        problems.error(at, "not a readable " + ext.toUpperCase(Locale.ROOT) + " image", "save the image again, or replace the file");
        return Optional.empty();
    }

    private static boolean sameFormat(String ext, String format) {
        return format.equals(ext) || (format.equals("jpeg") && ext.equals("jpg"));
    }

    /** SVG elements that run or embed other documents. */
    private static final Set<String> SVG_REFUSED = Set.of("script", "foreignobject", "iframe", "object", "embed", "handler",
            "listener");
    /** SVG elements that can set an attribute, such as a link's href, as the image plays. */
    private static final Set<String> SVG_ANIMATION = Set.of("set", "animate", "animatemotion", "animatetransform");

    /**
     * An SVG is a document: opened on its own, it would run its scripts on the site's own address.
     * One with scripts, event handlers, embedded HTML, unsafe URLs anywhere, animations that set a
     * link, or a DOCTYPE (whose entities could hide any of these) is refused, and so is one that is
     * not UTF-8, which the check could not read as a browser would.
     */
    private static boolean checkSvg(String path, byte[] bytes, Problems problems) {
        SourcePos at = SourcePos.start(path);
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.error(at, "SVG image is not UTF-8 text", "save it again as UTF-8, or export it as PNG");
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("<!doctype") || lower.contains("<!entity")) {
            problems.error(at, "SVG image declares a DOCTYPE, whose entities could hide a script",
                    "remove the DOCTYPE; browsers do not need it");
            return false;
        }
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(text, "", org.jsoup.parser.Parser.xmlParser());
        for (org.jsoup.nodes.Element e : doc.getAllElements()) {
            String tag = local(e.tagName());
            String what = null;
            if (SVG_REFUSED.contains(tag)) {
                what = tag.equals("script") || tag.equals("handler") || tag.equals("listener") ? "a script" : "embedded HTML";
            }
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (local(key).startsWith("on")) {
                    what = what == null ? "an event handler" : what;
                } else if (dev.guidegen.site.Urls.hasUnsafeScheme(a.getValue())) {
                    what = what == null ? "a script link" : what;
                } else if ((key.equals("xmlns") || key.startsWith("xmlns:")) && a.getValue().contains("xhtml")) {
                    what = what == null ? "embedded HTML" : what;
                }
            }
            if (SVG_ANIMATION.contains(tag) && local(e.attr("attributeName").toLowerCase(Locale.ROOT)).equals("href")) {
                what = what == null ? "an animation that changes a link" : what;
            }
            if (what != null) {
                problems.error(at, "SVG image holds " + what + ", which would run on the site's own address",
                        "export the drawing again as plain SVG, or as PNG");
                return false;
            }
        }
        return true;
    }

    /** A name without its namespace prefix: "s:script" is "script". */
    private static String local(String name) {
        return name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }
}
