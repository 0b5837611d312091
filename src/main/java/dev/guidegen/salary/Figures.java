package dev.guidegen.salary;

import dev.guidegen.problem.SourcePos;

/**
 * Pay figures and how they were measured. {@code basis} is one of {@link Basis}; the figures a
 * basis does not use are null. {@code sample} is the number of listings behind them, when known.
 * A premium is given in percent ({@code pctLow} to {@code pctHigh}) over the group named by {@code over}.
 */
public record Figures(Basis basis, Long p10, Long p25, Long median, Long p75, Long p90, Long low, Long high,
        Long pctLow, Long pctHigh, String over, Integer sample, String source, SourcePos pos) {

    public boolean isEmpty() {
        return basis == null;
    }

    /** The lower end of the band a chart or table shows: p25, else p10, else low. */
    public Long bandLow() {
        return p25 != null ? p25 : p10 != null ? p10 : low;
    }

    public Long bandHigh() {
        return p75 != null ? p75 : p90 != null ? p90 : high;
    }

    /** How the figures were measured, in words a reader understands, e.g. "25th-75th percentile". */
    public String basisLabel() {
        if (basis == null) {
            return "";
        }
        if (basis == Basis.PERCENTILES) {
            Long lo = bandLow();
            Long hi = bandHigh();
            if (lo != null && hi != null) {
                return ordinal(lo.equals(p25) ? 25 : 10) + "-" + ordinal(hi.equals(p75) ? 75 : 90) + " percentile";
            }
            return median != null ? "median" : "percentiles";
        }
        return basis.label();
    }

    private static String ordinal(int n) {
        return n + "th";
    }
}
