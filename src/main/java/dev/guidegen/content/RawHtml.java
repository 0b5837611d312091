package dev.guidegen.content;

import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import dev.guidegen.site.Urls;
import dev.guidegen.source.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * What raw HTML in Markdown may do. The content stage reports, at its place, every element and
 * attribute that will not reach readers; the render stage then cleans the page's Markdown output
 * with the same jsoup {@link Safelist}, so that what is reported and what is dropped are one rule.
 * {@code iframeHosts} are the hosts whose iframes are kept; {@code unsafe} passes raw HTML through
 * unchanged, for a site that trusts every editor.
 */
public record RawHtml(Set<String> iframeHosts, boolean unsafe) {

    public RawHtml {
        iframeHosts = Set.copyOf(new TreeSet<>(iframeHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList()));
    }

    public static final RawHtml DEFAULT = new RawHtml(Set.of(), false);

    /** The elements raw HTML may use, as the README lists them. */
    public static final List<String> ELEMENTS = List.of("a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption",
            "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
            "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp",
            "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
            "th", "thead", "time", "tr", "u", "ul", "var", "wbr");

    /** Elements whose content is dropped with them: what they hold is code or another document, not text. */
    private static final Set<String> DROPPED_WHOLE = Set.of("script", "style", "iframe", "object", "embed", "template",
            "noscript", "frame", "frameset", "applet", "svg", "math", "audio", "video", "canvas", "head", "title", "meta",
            "link", "base");

    /** Attributes that only change how an element looks; the stylesheet decides that. */
    private static final Set<String> PRESENTATIONAL = Set.of("align", "valign", "bgcolor", "color", "border", "face",
            "size", "style", "class", "cellpadding", "cellspacing", "hspace", "vspace", "nowrap", "clear", "background");

    /** What an id in raw HTML may be: as a written heading id, never holding the '.' of FAQ answers' ids. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** Attributes whose value is a URL that a browser follows or loads. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite");


    private static Safelist rawSafelist() {
        Safelist s = new Safelist().addTags(ELEMENTS.toArray(String[]::new))
                .addAttributes(":all", "id")
                .addAttributes("a", "href", "title")
                .addAttributes("abbr", "title")
                .addAttributes("dfn", "title")
                .addAttributes("img", "src", "alt", "title", "width", "height")
                .addAttributes("td", "colspan", "rowspan")
                .addAttributes("th", "colspan", "rowspan", "scope")
                .addAttributes("col", "span")
                .addAttributes("colgroup", "span")
                .addAttributes("ol", "start", "reversed")
                .addAttributes("li", "value")
                .addAttributes("details", "open")
                .addAttributes("time", "datetime")
                .addAttributes("q", "cite")
                .addAttributes("blockquote", "cite")
                .addAttributes("del", "cite", "datetime")
                .addAttributes("ins", "cite", "datetime");
        return s;
    }

    /**
     * The rule for a whole rendered Markdown text: raw HTML's rule plus the markup that flexmark
     * itself writes (heading ids, footnotes, task list boxes, table alignment, code languages), so
     * that cleaning a page never takes away what the Markdown made. Raw HTML may use that markup
     * too, and is checked against this rule, so that what is reported and what is dropped agree.
     */
    private static final Safelist GENERATED = rawSafelist()
            .addAttributes("sup", "class")
            .addAttributes("a", "class", "aria-label")
            .addAttributes("div", "class")
            .addAttributes("li", "class")
            .addAttributes("img", "loading")
            .addAttributes("code", "class")
            .addAttributes("th", "class").addAttributes("td", "class")
            .addAttributes("table", "tabindex").addAttributes("pre", "tabindex")
            .addTags("input")
            .addAttributes("input", "type", "class", "checked", "disabled", "aria-label");

    /** The class names flexmark writes; raw HTML may use these and no others. */
    private static final java.util.regex.Pattern GENERATED_CLASS = java.util.regex.Pattern.compile(
            "footnotes|footnote-ref|footnote-backref|task-list-item|task-list-item-checkbox|align-(left|center|right)"
                    + "|language-[A-Za-z0-9_+#.-]+");

    private Safelist outputSafelist() {
        Safelist s = new Safelist(GENERATED);
        if (!iframeHosts.isEmpty()) {
            s.addTags("iframe").addAttributes("iframe", IFRAME_ATTRIBUTES.toArray(String[]::new));
        }
        return s;
    }

    /** True for a class attribute made only of names flexmark writes. */
    private static boolean generatedClass(String value) {
        for (String name : value.strip().split("\\s+")) {
            if (!GENERATED_CLASS.matcher(name).matches()) {
                return false;
            }
        }
        return !value.isBlank();
    }

    private static final List<String> IFRAME_ATTRIBUTES = List.of("src", "title", "width", "height", "allow",
            "allowfullscreen", "loading", "referrerpolicy");

    /**
     * Reports what raw HTML {@code text} loses, each element once, where it is written; adds every
     * link ({@code a href}) and image ({@code img src}) that survives to {@code links} and
     * {@code images}, so that they are checked like Markdown's own, and every element id to
     * {@code ids}, so that links may point at it. {@code posOf} turns an offset in {@code text}
     * into a position in the file.
     */
    public void inspect(String text, IntFunction<SourcePos> posOf, Problems problems, List<Ref> links, List<Ref> images,
            List<Ref> ids) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        // A template context keeps table parts that stand alone, as a block between blank lines does.
        Element context = new Document("").appendElement("template");
        List<Node> nodes = parser.parseFragmentInput(text, context, "");
        java.util.ArrayDeque<Node> queue = new java.util.ArrayDeque<>(nodes);
        while (!queue.isEmpty()) {
            Node node = queue.pollFirst();
            int at = Math.max(0, node.sourceRange().startPos());
            if (node instanceof Comment) {
                if (!unsafe) {
                    problems.warning(posOf.apply(at), "HTML comment left out of the page",
                            "readers never see comments; delete it, or keep the note where editors work");
                }
                continue;
            }
            if (!(node instanceof Element e)) {
                continue;
            }
            String tag = e.normalName();
            if (!unsafe && !allowed(e)) {
                String why = whyDropped(e);
                problems.warning(posOf.apply(at), "<" + tag + "> " + why,
                        tag.equals("iframe") ? iframeHint(e) : tag.equals("script") || tag.equals("style")
                                ? "to show code to readers, put it in a fenced code block" : "the README lists the HTML a guide may use");
                if (DROPPED_WHOLE.contains(tag)) {
                    continue;
                }
            } else if (!unsafe) {
                List<String> lost = new ArrayList<>();
                String reason = null;
                for (Attribute a : e.attributes()) {
                    String why = whyAttributeDropped(tag, a);
                    if (why != null) {
                        lost.add(a.getKey());
                        reason = reason == null ? why : reason;
                    }
                }
                if (!lost.isEmpty()) {
                    problems.warning(posOf.apply(at), "<" + tag + "> loses " + String.join(", ", lost) + ": " + reason,
                            "the README lists the attributes each element may keep");
                }
            }
            if (e.hasAttr("id") && !DROPPED_WHOLE.contains(tag)) {
                var range = e.attributes().sourceRange("id");
                SourcePos idPos = posOf.apply(range.valueRange().isTracked() ? range.valueRange().startPos() : at);
                if (!ID.matcher(e.id()).matches()) {
                    problems.error(idPos, "id \"" + e.id() + "\" must start with a letter and hold only letters, digits, "
                            + "hyphens and underscores", "write it like id=\"day-to-day-work\"");
                } else {
                    ids.add(new Ref(e.id(), idPos));
                }
            }
            collect(e, "a", "href", links, posOf);
            collect(e, "img", "src", images, posOf);
            List<Node> children = e.childNodes();
            for (int i = children.size() - 1; i >= 0; i--) {
                queue.addFirst(children.get(i));
            }
        }
    }

    private void collect(Element e, String tag, String attr, List<Ref> into, IntFunction<SourcePos> posOf) {
        if (!e.normalName().equals(tag) || !e.hasAttr(attr) || Urls.hasUnsafeScheme(e.attr(attr))) {
            return;
        }
        var range = e.attributes().sourceRange(attr);
        int at = range.valueRange().isTracked() ? range.valueRange().startPos()
                : Math.max(0, e.sourceRange().startPos());
        into.add(new Ref(e.attr(attr).strip(), posOf.apply(at)));
    }

    private boolean allowed(Element e) {
        String tag = e.normalName();
        if (tag.equals("iframe")) {
            return iframeHosts.contains(host(e.attr("src")));
        }
        if (tag.equals("input")) {
            return e.attr("type").equalsIgnoreCase("checkbox") && e.hasAttr("disabled");
        }
        return GENERATED.isSafeTag(tag);
    }

    private String whyDropped(Element e) {
        return switch (e.normalName()) {
            case "script", "noscript" -> "is left out: guide pages run no scripts from content";
            case "style" -> "is left out: the site's stylesheet styles every page";
            case "iframe" -> host(e.attr("src")).isEmpty() ? "is left out: it loads no https page"
                    : "from " + host(e.attr("src")) + " is left out: its host is not in html.iframe_hosts in content/site.yaml";
            default -> DROPPED_WHOLE.contains(e.normalName()) ? "is left out, with what it holds"
                    : "is left out; the text inside it is kept";
        };
    }

    private static String iframeHint(Element e) {
        String host = host(e.attr("src"));
        return host.isEmpty() ? "embed pages by their https address"
                : "add " + host + " to html.iframe_hosts in content/site.yaml to allow it, or link to the page instead";
    }

    /** Why an attribute of an allowed element is dropped, or null if it stays. */
    private String whyAttributeDropped(String tag, Attribute a) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        if (tag.equals("iframe")) {
            if (!IFRAME_ATTRIBUTES.contains(key)) {
                return reason(key);
            }
        } else if (!GENERATED.isSafeAttribute(tag, new Element(tag), a)
                || (key.equals("class") && !generatedClass(a.getValue()))) {
            return reason(key);
        }
        if (URL_ATTRIBUTES.contains(key) && Urls.hasUnsafeScheme(a.getValue())) {
            return "the scheme \"" + Urls.scheme(a.getValue()) + ":\" is not allowed";
        }
        return null;
    }

    private static String reason(String key) {
        if (key.equals("name")) {
            return "an anchor is named with id=\"...\" now";
        }
        if (key.startsWith("on")) {
            return "event handlers run scripts";
        }
        if (PRESENTATIONAL.contains(key)) {
            return "the site's stylesheet decides how the page looks";
        }
        return "it is not on the list of attributes that element may keep";
    }

    /** The lowercase host of an https URL, or "" for anything else. */
    static String host(String url) {
        try {
            java.net.URI uri = new java.net.URI(url.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    ? uri.getHost().toLowerCase(Locale.ROOT) : "";
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    /**
     * Cleans one rendered Markdown text by the rule {@link #inspect} reported against: what is not
     * allowed goes, the text inside dropped wrappers stays, and {@code resolve} rewrites each kept
     * link and image URL as the site stage resolved it. {@code image} adds attributes to an image.
     */
    public String clean(String html, UnaryOperator<String> resolve, java.util.function.Consumer<Element> image) {
        Document dirty = Jsoup.parseBodyFragment(html);
        if (!unsafe) {
            for (Element e : dirty.body().select("*")) {
                if (e.normalName().equals("iframe") && !allowed(e)) {
                    e.remove();
                    continue;
                }
                if (DROPPED_WHOLE.contains(e.normalName()) && !e.normalName().equals("iframe")) {
                    e.remove();
                    continue;
                }
                for (String attr : URL_ATTRIBUTES) {
                    if (e.hasAttr(attr) && Urls.hasUnsafeScheme(e.attr(attr))) {
                        e.removeAttr(attr);
                    }
                }
                if (e.normalName().equals("input") && !(e.attr("type").equals("checkbox") && e.hasAttr("disabled"))) {
                    e.remove();
                }
            }
            dirty = new Cleaner(outputSafelist()).clean(dirty);
            for (Element e : dirty.body().select("[class]")) {
                if (!generatedClass(e.attr("class"))) {
                    e.removeAttr("class");
                }
            }
        }
        for (Element a : dirty.body().select("a[href]")) {
            a.attr("href", resolve.apply(a.attr("href").strip()));
        }
        for (Element img : dirty.body().select("img[src]")) {
            img.attr("src", resolve.apply(img.attr("src").strip()));
            image.accept(img);
        }
        dirty.outputSettings().prettyPrint(false).charset(java.nio.charset.StandardCharsets.UTF_8);
        return dirty.body().html();
    }
}
