package dev.guidegen.content;

import dev.guidegen.source.Ref;
import java.util.List;

/**
 * A parsed and rendered Markdown text: its HTML, in which each link the site stage resolves is a
 * marker standing for one of {@code targets}; its headings, every link and every image with its
 * position, the ids its raw HTML gives elements, whether it holds raw HTML, and its word count.
 */
public record Markdown(String html, List<String> targets, List<Heading> headings, List<Ref> links, List<Ref> images,
        List<Ref> rawIds, boolean rawHtml, int words) {
    public Markdown {
        targets = List.copyOf(targets);
        headings = List.copyOf(headings);
        links = List.copyOf(links);
        images = List.copyOf(images);
        rawIds = List.copyOf(rawIds);
    }

    /** The HTML with every marker replaced by what {@code resolve} makes of the URL it stands for. */
    public String html(java.util.function.UnaryOperator<String> resolve) {
        return MarkdownHtml.resolve(html, targets, resolve);
    }
}
