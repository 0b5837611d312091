package dev.guidegen.content;

import dev.guidegen.source.Ref;
import com.vladsch.flexmark.util.ast.Document;
import java.util.List;

/** A parsed Markdown text: the tree to render, its headings, and every link in it with its position. */
public record Markdown(Document document, List<Heading> headings, List<Ref> links) {
    public Markdown {
        headings = List.copyOf(headings);
        links = List.copyOf(links);
    }
}
