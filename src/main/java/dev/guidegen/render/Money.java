package dev.guidegen.render;

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
        return amount == null ? "" : symbol + grouped(amount);
    }

    /** "$150k" for 150. */
    String thousands(long thousands) {
        return symbol + grouped(thousands) + "k";
    }

    /** "$2M" for 2. */
    String millions(long millions) {
        return symbol + grouped(millions) + "M";
    }

    /**
     * "1,234,567" for 1234567: what {@code String.format("%,d")} gives in the root locale, without
     * the formatter's cost, which every pay figure on every page would pay.
     */
    static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            b.append('-');
        }
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            b.append(',').append(digits, i, i + 3);
        }
        return b.toString();
    }

    String range(Long low, Long high) {
        return low == null || high == null ? "" : format(low) + "–" + format(high);
    }
}
