package dev.guidegen.content;

import dev.guidegen.source.Ref;
import com.vladsch.flexmark.util.ast.Document;
import java.util.List;

/**
 * A parsed Markdown text: the tree to render, its headings, every link and every image in it with
 * its position, the ids its raw HTML gives elements, and whether it holds raw HTML, which the
 * renderer then cleans.
 */
public record Markdown(Document document, List<Heading> headings, List<Ref> links, List<Ref> images, List<Ref> rawIds,
        boolean rawHtml) {
    public Markdown {
        rawIds = List.copyOf(rawIds);
        headings = List.copyOf(headings);
        links = List.copyOf(links);
        images = List.copyOf(images);
    }
}
