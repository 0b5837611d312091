package dev.guidegen.salary;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a set of pay figures was measured. */
public enum Basis {
    PERCENTILES("percentiles", "percentiles"),
    TYPICAL_RANGE("typical_range", "typical range"),
    FULL_RANGE("full_range", "full range"),
    MEDIAN("median", "median"),
    /** A lower bound only: "starts around", "often exceeds". */
    FLOOR("floor", "lower bound"),
    /** A percentage above another group's pay, not an amount of money. */
    PREMIUM("premium", "premium");

    private final String key;
    private final String label;

    Basis(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<Basis> of(String key) {
        return Arrays.stream(values()).filter(b -> b.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Basis::key).toList();
    }
}
