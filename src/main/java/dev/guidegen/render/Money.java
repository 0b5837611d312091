package dev.guidegen.render;

import java.util.Locale;

/** Formats whole amounts of money the way a reader expects: "$142,603". */
final class Money {

    private final String symbol;

    Money(String currency) {
        symbol = switch (currency) {
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            default -> currency + " ";
        };
    }

    String format(Long amount) {
        return amount == null ? "" : symbol + String.format(Locale.ROOT, "%,d", amount);
    }

    /** "$150k" for 150. */
    String thousands(long thousands) {
        return symbol + String.format(Locale.ROOT, "%,d", thousands) + "k";
    }

    /** "$2M" for 2. */
    String millions(long millions) {
        return symbol + String.format(Locale.ROOT, "%,d", millions) + "M";
    }

    String range(Long low, Long high) {
        return low == null || high == null ? "" : format(low) + "–" + format(high);
    }
}
