package dev.guidegen.content;

import java.util.List;

/** Everything read from {@code content/} except the salary snapshot: guides and pages sorted by slug. */
public record Content(SiteConfig config, List<Guide> guides, List<Page> pages) {
    public Content {
        guides = List.copyOf(guides);
        pages = List.copyOf(pages);
    }
}
