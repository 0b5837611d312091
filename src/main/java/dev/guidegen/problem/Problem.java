package dev.guidegen.problem;

import java.util.Comparator;

/**
 * One thing wrong with the input, as data. {@link #toString()} gives the GNU form
 * {@code path:line:col: error: message}; the hint, when there is one, says how to fix it.
 */
public record Problem(SourcePos pos, Severity severity, String message, String hint) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::pos)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message);

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return pos + ": " + severity.label() + ": " + message;
    }
}
