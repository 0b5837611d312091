package dev.guidegen.salary;

/**
 * Whether two roles' pay may be subtracted, and if so the difference at the median. Figures are
 * subtracted only when both are the roles' own (never a category benchmark), have the same basis,
 * state a median, and rest on at least the minimum sample; otherwise {@code why} says, in words, why not.
 */
public record PayComparison(Long medianDifference, String why) {

    public boolean subtractable() {
        return medianDifference != null;
    }

    /** The second role's median minus the first's, or the reason there is none. */
    public static PayComparison of(String titleA, Pay a, String titleB, Pay b, int minSample) {
        String why = whyNot(titleA, a, minSample);
        if (why == null) {
            why = whyNot(titleB, b, minSample);
        }
        if (why == null && a.shown().basis() != b.shown().basis()) {
            why = "their figures are measured differently (" + titleA + ": " + a.shown().basisLabel() + "; " + titleB + ": "
                    + b.shown().basisLabel() + ")";
        }
        if (why == null && (a.shown().median() == null || b.shown().median() == null)) {
            why = (a.shown().median() == null ? titleA : titleB) + " has no median to compare";
        }
        return why == null ? new PayComparison(b.shown().median() - a.shown().median(), null) : new PayComparison(null, why);
    }

    private static String whyNot(String title, Pay pay, int minSample) {
        if (!pay.hasFigures()) {
            return title + " has no pay figures";
        }
        if (pay.fallback()) {
            return title + " shows the " + (pay.category() == null ? "category" : pay.category().label())
                    + " benchmark, not figures of its own";
        }
        Integer sample = pay.shown().sample();
        if (sample == null) {
            return title + "'s figures do not say how many listings they rest on";
        }
        if (sample < minSample) {
            return title + "'s figures rest on " + sample + " listings, fewer than the " + minSample + " needed";
        }
        return null;
    }
}
