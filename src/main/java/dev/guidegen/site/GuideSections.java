package dev.guidegen.site;

import java.util.List;

/**
 * The ids of the sections the guide template adds around the body. Links may point at them
 * ({@code backend-architect.md#salary}), and body headings may not take them.
 */
public final class GuideSections {

    public static final List<String> IDS = List.of("contents", "quick-facts", "salary", "career-ladder", "skills",
            "related-roles", "linked-from", "comparisons", "faq");

    /** The id of every page's main element, the target of the skip link. */
    public static final String MAIN = "main";

    private static final java.util.regex.Pattern TEMPLATE_IDS = java.util.regex.Pattern.compile("faq-\\d+(-q)?|pay-chart-.*");

    private GuideSections() {
    }

    /**
     * The section ids a guide's page has: a section with nothing to show is left out. Similar roles,
     * backlinks and comparisons depend on the whole site, so they count as present here, and the output check
     * finds a link to one that is not.
     */
    public static java.util.Set<String> idsOf(dev.guidegen.content.Guide g, dev.guidegen.salary.Pay pay) {
        java.util.Set<String> ids = new java.util.TreeSet<>(List.of("contents", "related-roles", "linked-from", "comparisons"));
        // As templates/guide.ftlh decides: quick facts need pay figures, a level, an experience or a group;
        // the salary section needs figures, stated figures or a reason there are none.
        if (pay.hasFigures() || !g.level().isEmpty() || !g.experience().isEmpty() || g.group() != null) {
            ids.add("quick-facts");
        }
        if (pay.hasFigures() || pay.reason() != null || (pay.role() != null && !pay.role().stated().isEmpty())) {
            ids.add("salary");
        }
        if (!g.careerPath().isEmpty()) {
            ids.add("career-ladder");
        }
        if (!g.skills().isEmpty()) {
            ids.add("skills");
        }
        if (!g.faq().isEmpty()) {
            ids.add("faq");
        }
        return ids;
    }

    /** The id of the n-th FAQ entry (from 1), on the guide page and the role's FAQ page. */
    public static String faqId(int n) {
        return "faq-" + n;
    }

    /** True for an id the templates write themselves, which a body heading must not take too. */
    public static boolean isTaken(String id) {
        return IDS.contains(id) || MAIN.equals(id) || TEMPLATE_IDS.matcher(id).matches();
    }
}
