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

    String range(Long low, Long high) {
        return low == null || high == null ? "" : format(low) + "–" + format(high);
    }
}
