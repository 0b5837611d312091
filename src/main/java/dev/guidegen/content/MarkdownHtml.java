package dev.guidegen.content;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.Escaping;
import dev.guidegen.site.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Renders a parsed Markdown text to HTML right after it is parsed, so that its tree need not be
 * kept. Links that the site stage resolves (content files, anchors, images) cannot be written yet:
 * each is written as a marker, {@code U+0001 n U+0002}, standing for the n-th of
 * {@link Markdown#targets}, which the render stage replaces with the resolved URL.
 *
 * <p>The markers are control characters, which no text reaches Markdown with: the decoder turns
 * them into spaces and a front matter value holding one is refused. A document of Latin-1 text
 * then stays a string of one byte a character, which a site holds for every guide until its pages
 * are written.
 */
final class MarkdownHtml {

    static final char OPEN = '\u0001';
    static final char CLOSE = '\u0002';
    /** The markers of runs of plain text set aside while flexmark writes ({@link #PLAIN_TEXT}). */
    static final char TEXT_OPEN = '\u0003';
    static final char TEXT_CLOSE = '\u0004';
    /**
     * The link markers while jsoup cleans raw HTML, which writes a control character as a character
     * reference: two private-use characters, which Markdown may not hold.
     */
    static final char RAW_OPEN = '\uE000';
    static final char RAW_CLOSE = '\uE001';

    /** The targets a document's markers stand for, filled while it renders. */
    private static final DataKey<List<String>> TARGETS = new DataKey<>("GUIDEGEN_TARGETS", List.of());
    /**
     * The runs of plain text a document's render set aside ({@link #PLAIN_TEXT}), each written as
     * {@code U+0003 n U+0004} and put back in one pass.
     */
    private static final DataKey<List<String>> TEXTS = new DataKey<>("GUIDEGEN_TEXTS", List.of());
    /** The images of content/images/ by path, to give local images their size. */
    private static final DataKey<Map<String, ImageFile>> IMAGES = new DataKey<>("GUIDEGEN_IMAGES", Map.of());

    private final HtmlRenderer renderer;

    MarkdownHtml(DataHolder options) {
        renderer = HtmlRenderer.builder(options).nodeRendererFactory(o -> PLAIN_TEXT).linkResolverFactory(new LinkResolverFactory() {
            @Override
            public Set<Class<?>> getAfterDependents() {
                return null;
            }

            @Override
            public Set<Class<?>> getBeforeDependents() {
                return null;
            }

            @Override
            public boolean affectsGlobalScope() {
                return false;
            }

            @Override
            public LinkResolver apply(LinkResolverBasicContext context) {
                List<String> targets = TARGETS.get(context.getDocument());
                return (Node node, LinkResolverBasicContext ctx, ResolvedLink link) -> {
                    // "[note]" with no reference definition is text an editor wrote, not a link: leave it as text.
                    if (node instanceof com.vladsch.flexmark.ast.RefNode ref && !ref.isDefined()) {
                        return link;
                    }
                    // An email address gets its "mailto:" after it is resolved: it is never a content link.
                    if (node instanceof com.vladsch.flexmark.ast.MailLink) {
                        return link.withStatus(LinkStatus.VALID);
                    }
                    return link.withStatus(LinkStatus.VALID).withUrl(marker(link.getUrl(), targets));
                };
            }
        }).attributeProviderFactory(new IndependentAttributeProviderFactory() {
            @Override
            public AttributeProvider apply(com.vladsch.flexmark.html.renderer.LinkResolverContext context) {
                Document doc = context.getDocument();
                String source = MarkdownParser.SOURCE_PATH.get(doc);
                Map<String, ImageFile> images = IMAGES.get(doc);
                List<String> targets = TARGETS.get(doc);
                return (node, part, attributes) -> attributes(node, part, attributes, source, images, targets);
            }
        }).build();
    }

    /**
     * Text as flexmark writes it (escapes undone, line ends made {@code \n}, HTML's special characters
     * escaped), without that work for the common run of text that has none of those characters. Such
     * a run on one line is set aside and a short marker written in its place: flexmark's writer
     * looks at each character it is given, and most of a page's characters are in such runs.
     */
    private static final NodeRenderer PLAIN_TEXT = () -> Set.of(new NodeRenderingHandler<>(Text.class, (node, context, html) -> {
        com.vladsch.flexmark.util.sequence.BasedSequence chars = node.getChars();
        // The text itself where it is a piece of the document's string, as it nearly always is.
        Object base = chars.getBase();
        int start = chars.getStartOffset();
        boolean piece = base instanceof String && chars.getEndOffset() - start == chars.length();
        String text = piece ? (String) base : null;
        boolean oneLine = true;
        for (int i = 0, n = chars.length(); i < n; i++) {
            switch (piece ? text.charAt(start + i) : chars.charAt(i)) {
                case '\\', '&', '\r', '<', '>', '"' -> {
                    html.text(Escaping.normalizeEOL(chars.unescape()));
                    return;
                }
                case '\n' -> oneLine = false;
                default -> {
                }
            }
        }
        String run = piece ? text.substring(start, start + chars.length()) : chars.toString();
        if (!oneLine || run.length() < 8) {
            html.append(run);
            return;
        }
        List<String> texts = TEXTS.get(context.getDocument());
        texts.add(run);
        html.append(TEXT_OPEN + Integer.toString(texts.size() - 1) + TEXT_CLOSE);
    }));

    /** The HTML with each run of text that {@link #PLAIN_TEXT} set aside put back in its place. */
    private static String putBack(String html, List<String> texts) {
        if (texts.isEmpty()) {
            return html;
        }
        int length = html.length();
        for (String t : texts) {
            length += t.length();
        }
        StringBuilder out = new StringBuilder(length);
        int from = 0;
        for (int at = html.indexOf(TEXT_OPEN); at >= 0; at = html.indexOf(TEXT_OPEN, at + 1)) {
            int end = html.indexOf(TEXT_CLOSE, at);
            if (end < 0) {
                break;
            }
            int n = 0;
            boolean digits = end > at + 1 && end - at < 11;
            for (int i = at + 1; digits && i < end; i++) {
                char c = html.charAt(i);
                digits = c >= '0' && c <= '9';
                n = n * 10 + (c - '0');
            }
            if (!digits || n >= texts.size()) {
                continue; // not one of ours: text cannot hold one, but it is never worth a crash
            }
            out.append(html, from, at).append(texts.get(n));
            from = end + 1;
            at = end;
        }
        return out.append(html, from, html.length()).toString();
    }

    /** A marker for a URL the site stage may resolve; any other URL as it is. */
    static String marker(String url, List<String> targets) {
        return marker(url, targets, OPEN, CLOSE);
    }

    private static String marker(String url, List<String> targets, char open, char close) {
        // A bare "www." autolink gets its "http://" after it is resolved: it is external all the same.
        if (url.isEmpty() || url.startsWith("/") || Urls.isExternal(url) || Urls.hasUnsafeScheme(url)
                || url.regionMatches(true, 0, "www.", 0, 4)) {
            return url;
        }
        targets.add(url);
        return open + Integer.toString(targets.size() - 1) + close;
    }

    /**
     * True for a marker this document's render wrote, as it stands while jsoup cleans raw HTML.
     * Markdown holding U+E000 or U+E001 is refused before.
     */
    private static boolean isRawMarker(String value, List<String> targets) {
        if (value.length() < 3 || value.charAt(0) != RAW_OPEN || value.charAt(value.length() - 1) != RAW_CLOSE) {
            return false;
        }
        for (int i = 1; i < value.length() - 1; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return value.length() < 12 && Integer.parseInt(value, 1, value.length() - 1, 10) < targets.size();
    }

    private static void attributes(Node node, AttributablePart part, MutableAttributes attributes, String source,
            Map<String, ImageFile> images, List<String> targets) {
        if (node instanceof Image image && (part == AttributablePart.NODE || part == AttributablePart.LINK)) {
            image(source, image.getUrl().unescape(), images, attributes::addValue);
        } else if (node instanceof TableCell cell && cell.getAlignment() != null) {
            // "align" is obsolete HTML: the stylesheet aligns by class.
            attributes.remove("align");
            attributes.addValue("class", "align-" + cell.getAlignment().cellAlignment().name().toLowerCase(java.util.Locale.ROOT));
        } else if ((node instanceof com.vladsch.flexmark.ast.FencedCodeBlock || node instanceof com.vladsch.flexmark.ast.IndentedCodeBlock)
                && part == AttributablePart.NODE) {
            // A long line scrolls inside the block; a keyboard reaches it to scroll it.
            attributes.addValue("tabindex", "0");
        } else if (node instanceof TableBlock) {
            // A wide table scrolls inside the page; a keyboard reaches it to scroll it.
            attributes.addValue("tabindex", "0");
        }
    }

    /** Lazy loading for every image, and the size of a local one, so that nothing moves as it loads. */
    private static void image(String source, String url, Map<String, ImageFile> images, BiConsumer<String, String> set) {
        ImageFile file = null;
        if (url.startsWith("/images/")) {
            file = images.get(ContentReader.IMAGES + url.substring("/images/".length()));
        } else if (!url.isEmpty() && !Urls.isExternal(url)) {
            String path = Urls.normalise(source.substring(0, source.lastIndexOf('/') + 1) + url);
            file = path == null ? null : images.get(path);
        }
        if (file != null && file.hasSize()) {
            set.accept("width", Integer.toString(file.width()));
            set.accept("height", Integer.toString(file.height()));
        }
        set.accept("loading", "lazy");
    }

    /** The document's HTML with its markers, and the targets they stand for. */
    record Rendered(String html, List<String> targets) {
    }

    /**
     * Renders {@code doc}, whose text's plain lines were set aside ({@link PlainLines}) as {@code lines}:
     * the first of the runs of text to put back.
     */
    Rendered render(Document doc, boolean rawHtml, RawHtml html, Map<String, ImageFile> images, List<String> lines) {
        List<String> targets = new ArrayList<>();
        doc.set(TARGETS, targets);
        doc.set(IMAGES, images);
        List<String> texts = new ArrayList<>(lines);
        doc.set(TEXTS, texts);
        String out = putBack(renderer.render(doc), texts);
        String source = MarkdownParser.SOURCE_PATH.get(doc);
        if (rawHtml && !html.unsafe()) {
            String raw = out.replace(OPEN, RAW_OPEN).replace(CLOSE, RAW_CLOSE);
            out = html.clean(raw, url -> isRawMarker(url, targets) ? url : marker(url, targets, RAW_OPEN, RAW_CLOSE), img -> {
                if (!img.hasAttr("loading")) {
                    String src = img.attr("src");
                    String written = isRawMarker(src, targets) ? targets.get(Integer.parseInt(src, 1, src.length() - 1, 10)) : src;
                    image(source, written, images, (k, v) -> {
                        if (!img.hasAttr(k)) {
                            img.attr(k, v);
                        }
                    });
                }
            });
            out = latin1IfItCan(out.replace(RAW_OPEN, OPEN).replace(RAW_CLOSE, CLOSE));
        }
        String prefix = MarkdownParser.ID_PREFIX.get(doc);
        if (!prefix.isEmpty() && out.contains("fnref-")) {
            out = out.replace("id=\"fn-", "id=\"" + prefix + "fn-").replace("href=\"#fn-", "href=\"#" + prefix + "fn-")
                    .replace("id=\"fnref-", "id=\"" + prefix + "fnref-").replace("href=\"#fnref-", "href=\"#" + prefix + "fnref-");
        }
        return new Rendered(out, List.copyOf(targets));
    }

    /** The same text, held one byte a character when every character is Latin-1. */
    private static String latin1IfItCan(String text) {
        return new String(text.toCharArray());
    }

    /**
     * The HTML with each marker in an attribute replaced by what {@code resolve} makes of its
     * target, escaped as an attribute value.
     */
    static String resolve(String html, List<String> targets, java.util.function.UnaryOperator<String> resolve) {
        if (targets.isEmpty()) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 64 * targets.size());
        int from = 0;
        for (int at = html.indexOf(OPEN); at >= 0; at = html.indexOf(OPEN, at + 1)) {
            int end = html.indexOf(CLOSE, at);
            if (end < 0 || at < 2 || html.charAt(at - 1) != '"' || html.charAt(at - 2) != '=') {
                continue; // not one of ours: markers stand alone as attribute values
            }
            int n;
            try {
                n = Integer.parseInt(html, at + 1, end, 10);
            } catch (NumberFormatException e) {
                continue;
            }
            if (n < 0 || n >= targets.size()) {
                continue;
            }
            out.append(html, from, at).append(escape(resolve.apply(targets.get(n))));
            from = end + 1;
        }
        return out.append(html, from, html.length()).toString();
    }

    /** {@code value} as flexmark escapes an attribute's: without a matcher for the many that need nothing escaped. */
    private static String escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"') {
                return com.vladsch.flexmark.util.sequence.Escaping.escapeHtml(value, false);
            }
        }
        return value;
    }
}
