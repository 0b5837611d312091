package dev.guidegen.problem;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the nearest known name to a misspelt one, for "did you mean" suggestions. */
public final class DidYouMean {

    private DidYouMean() {
    }

    public static Optional<String> nearest(String wrong, Collection<String> known) {
        String needle = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known.stream().sorted().toList()) {
            int d = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, needle.length() / 3);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** " (did you mean "x"?)" or the empty string. */
    public static String suffix(String wrong, Collection<String> known) {
        return nearest(wrong, known).map(n -> " (did you mean \"" + n + "\"?)").orElse("");
    }

    /** "what: a, b, c" naming at most eight of the known names, for a hint. */
    public static String known(String what, Collection<String> names) {
        return known(what, null, names);
    }

    /**
     * As {@link #known(String, Collection)}, but when there are more than eight, the eight nearest to
     * {@code wrong} are named, nearest first: with a hundred guides, the alphabet's first eight help no one.
     */
    public static String known(String what, String wrong, Collection<String> names) {
        String needle = wrong == null ? null : wrong.toLowerCase(Locale.ROOT);
        java.util.List<String> sorted = names.size() <= 8 || needle == null ? names.stream().sorted().toList()
                : names.stream().sorted(java.util.Comparator.<String>comparingInt(n -> distance(needle, n.toLowerCase(Locale.ROOT)))
                        .thenComparing(java.util.Comparator.naturalOrder())).toList();
        String shown = String.join(", ", sorted.subList(0, Math.min(8, sorted.size())));
        return what + ": " + (sorted.size() > 8 ? shown + ", ... (" + sorted.size() + " in all)" : shown);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
