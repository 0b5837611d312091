package dev.guidegen.content;

import dev.guidegen.source.Ref;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.guidegen.problem.Limits;
import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** The one Markdown parser of a build, and the options its renderer must share with it. */
public final class MarkdownParser {

    /** The file a parsed document came from, so its relative links can be resolved when it is rendered. */
    public static final com.vladsch.flexmark.util.data.DataKey<String> SOURCE_PATH =
            new com.vladsch.flexmark.util.data.DataKey<>("GUIDEGEN_SOURCE_PATH", "");

    private final DataHolder options;
    private final Parser parser;

    public MarkdownParser() {
        options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.ESCAPE_HTML, true)
                .set(HtmlRenderer.SOFT_BREAK, " ")
                .toImmutable();
        parser = Parser.builder(options).build();
    }

    public DataHolder options() {
        return options;
    }

    /**
     * Parses {@code text}; {@code posOf} turns an offset in the text into a position in its file,
     * so headings and links can be reported where the editor wrote them. Text nested deeper than
     * {@link Limits#MAX_MARKDOWN_NESTING} is reported where its nesting starts and gives an empty document.
     */
    public Markdown parse(String sourcePath, String text, IntFunction<SourcePos> posOf, Problems problems) {
        return parse(sourcePath, text, "", posOf, problems);
    }

    /**
     * As {@link #parse(String, String, IntFunction, Problems)}, with every heading id starting with
     * {@code idPrefix}. A FAQ answer's headings show on pages beside the guide's own sections and
     * other guides' answers; a prefix holding a '.', which ids made from heading text never do, keeps
     * them from taking any of those ids.
     */
    public Markdown parse(String sourcePath, String text, String idPrefix, IntFunction<SourcePos> posOf, Problems problems) {
        Document doc;
        try {
            doc = parser.parse(text);
        } catch (StackOverflowError e) {
            problems.error(posOf.apply(0), "Markdown nested too deeply to read", NESTING_HINT);
            return new Markdown(parser.parse(""), List.of(), List.of());
        }
        Node tooDeep = firstTooDeep(doc);
        if (tooDeep != null) {
            problems.error(posOf.apply(tooDeep.getStartOffset()), "Markdown nested more than "
                    + Limits.MAX_MARKDOWN_NESTING + " levels deep (lists, quotes or emphasis inside each other)", NESTING_HINT);
            return new Markdown(parser.parse(""), List.of(), List.of());
        }
        doc.set(SOURCE_PATH, sourcePath);
        new HeaderIdGenerator.Factory().create().generateIds(doc);
        List<dev.guidegen.content.Heading> headings = new ArrayList<>();
        List<Ref> links = new ArrayList<>();
        for (Node node : doc.getDescendants()) {
            if (node instanceof Heading h) {
                if (!idPrefix.isEmpty()) {
                    h.setAnchorRefId(idPrefix + h.getAnchorRefId());
                    h.setExplicitAnchorRefId(true);
                }
                // The text a reader sees, as the contents list shows it: "**Pay**" is "Pay", "2\. Step" is "2. Step".
                String shown = new com.vladsch.flexmark.util.ast.TextCollectingVisitor().collectAndGetText(h).strip();
                headings.add(new dev.guidegen.content.Heading(h.getLevel(), shown,
                        h.getAnchorRefId(), posOf.apply(h.getStartOffset())));
            } else if (node instanceof Link link) {
                links.add(ref(link.getUrl(), link.getStartOffset(), posOf));
            } else if (node instanceof Image image) {
                links.add(ref(image.getUrl(), image.getStartOffset(), posOf));
            } else if (node instanceof Reference reference) {
                links.add(ref(reference.getUrl(), reference.getStartOffset(), posOf));
            } else if (node instanceof AutoLink auto) {
                links.add(ref(auto.getUrl(), auto.getStartOffset(), posOf));
            }
        }
        return new Markdown(doc, headings, links);
    }

    private static final String NESTING_HINT = "flatten the lists or quotes; real guides rarely nest more than a few levels";

    /**
     * The top-level block holding a node nested deeper than the limit, or null. Walked with a
     * stack of its own, so that the check itself cannot overflow.
     */
    private static Node firstTooDeep(Document doc) {
        java.util.ArrayDeque<Node> nodes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        for (Node top = doc.getLastChild(); top != null; top = top.getPrevious()) {
            nodes.push(top);
            depths.push(1);
        }
        Node currentTop = null;
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            if (node.getParent() == doc) {
                currentTop = node;
            }
            if (depth > Limits.MAX_MARKDOWN_NESTING && node.hasChildren()) {
                return currentTop;
            }
            // A list and its items are one level to the editor, as a quote is.
            int childDepth = node instanceof com.vladsch.flexmark.ast.ListBlock ? depth : depth + 1;
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                nodes.push(child);
                depths.push(childDepth);
            }
        }
        return null;
    }

    private static Ref ref(BasedSequence url, int fallbackOffset, IntFunction<SourcePos> posOf) {
        int offset = url.isNull() || url.isEmpty() ? fallbackOffset : url.getStartOffset();
        // As the renderer writes it: backslash escapes and character references resolved, so that
        // "jav&#x61;script:" is checked as what a browser would follow.
        return new Ref(url.unescape(), posOf.apply(offset));
    }
}
