package dev.guidegen.content;

import java.util.List;

/**
 * Everything read from {@code content/} except the salary snapshot: guides and pages sorted by slug.
 * {@code unreadable} names the guides whose files exist but could not be read, so that links to them
 * are not reported a second time as links to nothing; {@code drafts} are the draft guides and pages
 * left out of this build, so that a link to one can say so. {@code images} are the files of
 * {@code content/images/} by their source path.
 */
public record Content(SiteConfig config, List<Guide> guides, List<Page> pages, java.util.Set<String> unreadable,
        List<Guide> drafts, List<Page> draftPages, java.util.SortedMap<String, ImageFile> images, List<Group> groups,
        List<Group> draftGroups) {
    public Content {
        groups = List.copyOf(groups);
        draftGroups = List.copyOf(draftGroups);
        images = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(images));
        guides = List.copyOf(guides);
        pages = List.copyOf(pages);
        unreadable = java.util.Set.copyOf(unreadable);
        drafts = List.copyOf(drafts);
        draftPages = List.copyOf(draftPages);
    }
}
