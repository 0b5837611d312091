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

    /**
     * An SVG is a document: opened on its own, it would run its scripts on the site's origin. One
     * with scripts, event handlers or embedded HTML is refused.
     */
    private static boolean checkSvg(String path, byte[] bytes, Problems problems) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), "",
                org.jsoup.parser.Parser.xmlParser());
        for (org.jsoup.nodes.Element e : doc.getAllElements()) {
            String tag = e.normalName().toLowerCase(Locale.ROOT);
            boolean handler = e.attributes().asList().stream().anyMatch(a -> a.getKey().toLowerCase(Locale.ROOT).startsWith("on"));
            boolean link = e.attributes().asList().stream().anyMatch(a -> a.getKey().toLowerCase(Locale.ROOT).endsWith("href")
                    && dev.guidegen.site.Urls.hasUnsafeScheme(a.getValue()));
            if (tag.equals("script") || tag.equals("foreignobject") || handler || link) {
                problems.error(SourcePos.start(path), "SVG image holds " + (tag.equals("script") ? "a script"
                        : tag.equals("foreignobject") ? "embedded HTML" : handler ? "an event handler" : "a script link")
                        + ", which would run on the site's own address", "export the drawing again as plain SVG, or as PNG");
                return false;
            }
        }
        return true;
    }
}
