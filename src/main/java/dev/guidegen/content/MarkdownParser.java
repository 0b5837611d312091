package dev.guidegen.content;

import dev.guidegen.source.Ref;
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
     * so headings and links can be reported where the editor wrote them.
     */
    public Markdown parse(String sourcePath, String text, IntFunction<SourcePos> posOf) {
        Document doc = parser.parse(text);
        doc.set(SOURCE_PATH, sourcePath);
        new HeaderIdGenerator.Factory().create().generateIds(doc);
        List<dev.guidegen.content.Heading> headings = new ArrayList<>();
        List<Ref> links = new ArrayList<>();
        for (Node node : doc.getDescendants()) {
            if (node instanceof Heading h) {
                headings.add(new dev.guidegen.content.Heading(h.getLevel(), h.getText().toString().strip(),
                        h.getAnchorRefId(), posOf.apply(h.getStartOffset())));
            } else if (node instanceof Link link) {
                links.add(ref(link.getUrl(), link.getStartOffset(), posOf));
            } else if (node instanceof Image image) {
                links.add(ref(image.getUrl(), image.getStartOffset(), posOf));
            } else if (node instanceof Reference reference) {
                links.add(ref(reference.getUrl(), reference.getStartOffset(), posOf));
            }
        }
        return new Markdown(doc, headings, links);
    }

    private static Ref ref(BasedSequence url, int fallbackOffset, IntFunction<SourcePos> posOf) {
        int offset = url.isNull() || url.isEmpty() ? fallbackOffset : url.getStartOffset();
        return new Ref(url.toString(), posOf.apply(offset));
    }
}
