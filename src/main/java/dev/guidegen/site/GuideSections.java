package dev.guidegen.site;

import java.util.List;

/**
 * The ids of the sections the guide template adds around the body. Links may point at them
 * ({@code backend-architect.md#salary}), and body headings may not take them.
 */
public final class GuideSections {

    public static final List<String> IDS = List.of("contents", "quick-facts", "salary", "career-ladder", "skills",
            "related-roles", "linked-from", "faq");

    /** The id of every page's main element, the target of the skip link. */
    public static final String MAIN = "main";

    private static final java.util.regex.Pattern TEMPLATE_IDS = java.util.regex.Pattern.compile("faq-\\d+(-q)?|pay-chart-.*");

    private GuideSections() {
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
