package dev.guidegen.salary;

/**
 * What a guide shows for pay: the role's own figures, or its category benchmark when the role has
 * too little data ({@code fallback} true, {@code reason} saying why), or nothing at all.
 */
public record Pay(RoleSalary role, Category category, Figures shown, boolean fallback, String reason) {

    public boolean hasFigures() {
        return shown != null && !shown.isEmpty();
    }

    /**
     * Decides between a role's figures and its category's. A role falls back when it has no entry,
     * no headline figures, or a sample below {@code minSample}; figures without a stated sample are
     * published figures, shown as the role's own with their source.
     */
    public static Pay resolve(RoleSalary role, Category category, int minSample) {
        if (role == null) {
            return new Pay(null, null, null, false, null); // nothing to show, and nothing to explain
        }
        Figures own = role.figures();
        String reason = null;
        if (own.isEmpty()) {
            reason = "no per-role figures yet";
        } else if (own.sample() != null && own.sample() < minSample) {
            reason = "only " + own.sample() + " listings, fewer than the " + minSample + " needed";
        }
        if (reason == null) {
            return new Pay(role, category, own, false, null);
        }
        return new Pay(role, category, category == null ? null : category.figures(), category != null, reason);
    }
}
