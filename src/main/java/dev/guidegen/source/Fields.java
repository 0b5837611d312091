package dev.guidegen.source;

import dev.guidegen.problem.DidYouMean;
import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads of a YAML or JSON mapping. A missing required field or a value of the wrong type
 * becomes a problem at the value (or at {@code where}, for a missing field) and an empty result.
 */
public final class Fields {

    private final Node.MapNode map;
    private final SourcePos where;
    private final Problems problems;

    public Fields(Node.MapNode map, SourcePos where, Problems problems) {
        this.map = map;
        this.where = where;
        this.problems = problems;
    }

    /** Reads a mapping, or reports that {@code node} is not one. */
    public static Optional<Fields> of(Node node, String what, SourcePos where, Problems problems) {
        if (node instanceof Node.MapNode m) {
            return Optional.of(new Fields(m, m.pos(), problems));
        }
        problems.error(node == null ? where : node.pos(),
                what + " must be a mapping of fields, not " + (node == null ? "empty" : node.kind()));
        return Optional.empty();
    }

    public Node.MapNode map() {
        return map;
    }

    public SourcePos where() {
        return where;
    }

    public boolean has(String key) {
        Node n = map.get(key);
        return n != null && !(n instanceof Node.Scalar s && s.type() == Node.ScalarType.NULL);
    }

    public SourcePos posOf(String key) {
        Node n = map.get(key);
        return n == null ? where : n.pos();
    }

    public Optional<Ref> string(String key, boolean required) {
        Node n = present(key, required);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof Node.Scalar s && s.type() != Node.ScalarType.NULL && s.type() != Node.ScalarType.BOOLEAN) {
            if (s.text().isBlank()) {
                problems.error(s.pos(), "\"" + key + "\" is empty");
                return Optional.empty();
            }
            for (int i = 0; i < s.text().length(); i++) {
                char c = s.text().charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
                    // An escape such as "\x01" in a quoted value makes one; web pages and feeds may not contain it.
                    problems.error(s.pos(), String.format("\"%s\" holds the control character U+%04X", key, (int) c),
                            "remove the escape sequence that makes it");
                    return Optional.empty();
                }
            }
            return Optional.of(new Ref(s.text().strip(), s.pos()));
        }
        problems.error(n.pos(), "\"" + key + "\" must be a string, not " + n.kind(), quoteHint(key, n));
        return Optional.empty();
    }

    /** The years a date may fall in: anything else is a typing mistake in a career guide or a pay snapshot. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public Optional<LocalDate> date(String key, boolean required) {
        return string(key, required).flatMap(ref -> {
            if (!DATE.matcher(ref.value()).matches()) {
                problems.error(ref.pos(), "\"" + key + "\" must be a date written YYYY-MM-DD, not \"" + ref.value() + "\"");
                return Optional.empty();
            }
            LocalDate date;
            try {
                date = LocalDate.parse(ref.value());
            } catch (DateTimeParseException e) {
                problems.error(ref.pos(), ref.value() + " is not a date: " + whyNotADate(ref.value()),
                        "\"" + key + "\" is written YYYY-MM-DD");
                return Optional.empty();
            }
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                problems.error(ref.pos(), "\"" + key + "\" must be a date between " + FIRST_YEAR + " and " + LAST_YEAR
                        + ", not \"" + ref.value() + "\"", "check the year");
                return Optional.empty();
            }
            return Optional.of(date);
        });
    }

    /** Why a YYYY-MM-DD text that does not parse names no day, as a person would say it. */
    static String whyNotADate(String text) {
        int year = Integer.parseInt(text.substring(0, 4));
        int month = Integer.parseInt(text.substring(5, 7));
        int day = Integer.parseInt(text.substring(8, 10));
        if (month < 1 || month > 12) {
            return "there is no month " + month;
        }
        java.time.YearMonth ym = java.time.YearMonth.of(year, month);
        String name = ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        if (day == 0) {
            return "days start at 01";
        }
        if (month == 2 && day == 29) {
            return year + " is not a leap year";
        }
        return name + (month == 2 ? " " + year : "") + " has " + ym.lengthOfMonth() + " days";
    }

    /** YAML's words for yes and no, in any case, as editors write them. */
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "off");

    public Optional<Boolean> bool(String key) {
        Node n = present(key, false);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof Node.Scalar s && s.type() != Node.ScalarType.NULL) {
            String word = s.text().strip().toLowerCase(java.util.Locale.ROOT);
            if (TRUE_WORDS.contains(word)) {
                return Optional.of(true);
            }
            if (FALSE_WORDS.contains(word)) {
                return Optional.of(false);
            }
        }
        problems.error(n.pos(), "\"" + key + "\" must be true or false, not " + describe(n),
                "write " + key + ": true or " + key + ": false (yes/no and on/off also work)");
        return Optional.empty();
    }

    /** For a value YAML read as a boolean where text was meant, such as "title: No". */
    private static String quoteHint(String key, Node n) {
        return n instanceof Node.Scalar s && s.type() == Node.ScalarType.BOOLEAN
                ? "YAML reads " + s.text() + " as a boolean; to mean the word, quote it: " + key + ": \"" + s.text() + "\""
                : null;
    }

    public Optional<Long> integer(String key, boolean required) {
        Node n = present(key, required);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof Node.Scalar s && s.type() == Node.ScalarType.INTEGER) {
            try {
                return Optional.of(Long.parseLong(s.text()));
            } catch (NumberFormatException e) {
                problems.error(s.pos(), "\"" + key + "\" must be a whole number written in plain digits, not " + s.text());
                return Optional.empty();
            }
        }
        problems.error(n.pos(), "\"" + key + "\" must be a whole number, not " + describe(n));
        return Optional.empty();
    }

    /** A whole number from 0 to Integer.MAX_VALUE. */
    public Optional<Integer> count(String key, boolean required) {
        return integer(key, required).flatMap(v -> {
            if (v < 0 || v > Integer.MAX_VALUE) {
                problems.error(posOf(key), "\"" + key + "\" must be zero or more, not " + v);
                return Optional.empty();
            }
            return Optional.of(v.intValue());
        });
    }

    /** A list of strings, each with its own position. */
    public List<Ref> strings(String key, String itemsAre) {
        Node n = present(key, false);
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof Node.ListNode list)) {
            problems.error(n.pos(), "\"" + key + "\" must be a list of " + itemsAre + ", not " + describe(n),
                    "write one item per line, each starting with \"- \"");
            return List.of();
        }
        List<Ref> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof Node.Scalar s && s.type() != Node.ScalarType.NULL && s.type() != Node.ScalarType.BOOLEAN
                    && !s.text().isBlank()) {
                out.add(new Ref(s.text().strip(), s.pos()));
            } else {
                boolean empty = item instanceof Node.Scalar blank && blank.type() != Node.ScalarType.NULL
                        && blank.type() != Node.ScalarType.BOOLEAN && blank.text().isBlank();
                problems.error(item.pos(), "each item of \"" + key + "\" must be one of the " + itemsAre
                        + ", not " + (empty ? "an empty string" : item.kind()), quoteHint("- ", item) == null ? null
                        : "YAML reads " + ((Node.Scalar) item).text() + " as a boolean; to mean the word, quote it: \""
                                + ((Node.Scalar) item).text() + "\"");
            }
        }
        return out;
    }

    /** A list whose items are mappings, each handed back as its own {@code Fields}. */
    public List<Fields> mappings(String key, String itemsAre) {
        Node n = present(key, false);
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof Node.ListNode list)) {
            problems.error(n.pos(), "\"" + key + "\" must be a list of " + itemsAre + ", not " + describe(n));
            return List.of();
        }
        List<Fields> out = new ArrayList<>();
        for (Node item : list.items()) {
            Fields.of(item, "each item of \"" + key + "\"", item.pos(), problems).ifPresent(out::add);
        }
        return out;
    }

    /** Warns about keys that are not in {@code known}, suggesting the nearest known one. */
    public void warnUnknown(Set<String> known, String where) {
        warnUnknown(known, Set.of(), where);
    }

    /**
     * As {@link #warnUnknown(Set, String)}, but an unknown key nearest to one of {@code guarded} is an
     * error: a misspelt guarded key (a draft flag) would otherwise be ignored with only a warning.
     */
    public void warnUnknown(Set<String> known, Set<String> guarded, String where) {
        for (Node.Entry e : map.entries().values()) {
            if (known.contains(e.key())) {
                continue;
            }
            Optional<String> nearest = DidYouMean.nearest(e.key(), known);
            String message = "unknown key \"" + e.key() + "\" in " + where
                    + nearest.map(n -> " (did you mean \"" + n + "\"?)").orElse("");
            if (nearest.filter(guarded::contains).isPresent()) {
                problems.error(e.keyPos(), message, "write " + nearest.get() + " exactly; misspelt, it would be ignored");
            } else {
                problems.warning(e.keyPos(), message, "known keys: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private Node present(String key, boolean required) {
        Node n = map.get(key);
        if (n == null || (n instanceof Node.Scalar s && s.type() == Node.ScalarType.NULL)) {
            if (required) {
                problems.error(n == null ? where : n.pos(), "missing required field \"" + key + "\"");
            }
            return null;
        }
        return n;
    }

    private static String describe(Node n) {
        return n instanceof Node.Scalar s && s.type() != Node.ScalarType.NULL ? n.kind() + " (\"" + s.text() + "\")" : n.kind();
    }
}
