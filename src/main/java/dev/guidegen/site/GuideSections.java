package dev.guidegen.site;

import java.util.List;

/**
 * The ids of the sections the guide template adds around the body. Links may point at them
 * ({@code backend-architect.md#salary}), and body headings may not take them.
 */
public final class GuideSections {

    public static final List<String> IDS = List.of("contents", "quick-facts", "salary", "career-ladder", "skills",
            "related-roles", "linked-from", "faq");

    private GuideSections() {
    }
}
