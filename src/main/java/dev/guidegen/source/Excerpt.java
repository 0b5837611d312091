package dev.guidegen.source;

import dev.guidegen.problem.Limits;
import dev.guidegen.problem.Problem;
import dev.guidegen.problem.Severity;
import dev.guidegen.problem.SourcePos;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line a problem points at, with a caret under its column, as a compiler shows it:
 * <pre>
 *    8 | related: [backend-enginer]
 *      |           ^
 * </pre>
 * Output stays small whatever the input: a long line is shown only around the column, a long
 * message is cut, and after {@link Limits#MAX_PROBLEMS_SHOWN} problems only a count follows.
 */
public final class Excerpt {

    private final SourceTree tree;
    private final Map<String, String[]> lines = new HashMap<>();

    public Excerpt(SourceTree tree) {
        this.tree = tree;
    }

    /** Every problem described, up to the limit, then one line counting the rest. */
    public String describeAll(List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        // Errors are listed before warnings are, so a pile of warnings can never hide what failed the build.
        List<Problem> chosen = problems.stream().sorted(java.util.Comparator.comparing(Problem::severity))
                .limit(Limits.MAX_PROBLEMS_SHOWN).sorted().toList();
        int shown = chosen.size();
        for (Problem p : chosen) {
            out.append(describe(p));
        }
        if (shown < problems.size()) {
            java.util.Set<Problem> listed = new java.util.HashSet<>(chosen);
            List<Problem> rest = problems.stream().filter(p -> !listed.contains(p)).toList();
            long errors = rest.stream().filter(p -> p.severity() == Severity.ERROR).count();
            long warnings = rest.size() - errors;
            out.append("... and ").append(rest.size()).append(" more (").append(errors)
                    .append(errors == 1 ? " error, " : " errors, ").append(warnings)
                    .append(warnings == 1 ? " warning" : " warnings").append(") not shown; fix these first\n");
        }
        return out.toString();
    }

    /** The problem as an editor reads it: the GNU line, the source line with a caret, and the hint. */
    public String describe(Problem p) {
        return cut(p.toString()) + "\n" + of(p.pos()) + (p.hint() == null ? "" : "    hint: " + cut(p.hint()) + "\n");
    }

    private static String cut(String text) {
        return printable(text.length() <= Limits.MAX_MESSAGE_CHARS ? text : text.substring(0, Limits.MAX_MESSAGE_CHARS) + "...");
    }

    /** The two lines to print, or the empty string when the file or line is not there. */
    String of(SourcePos pos) {
        if (!tree.has(pos.path())) {
            return "";
        }
        String[] text = lines.computeIfAbsent(pos.path(), p -> TextDecoder.decodeTrusted(tree.bytes(p)).split("\n", -1));
        if (pos.line() < 1 || pos.line() > text.length) {
            return "";
        }
        String line = text[pos.line() - 1];
        if (line.isBlank()) {
            return "";
        }
        int col = Math.min(Math.max(1, pos.col()), line.length() + 1);
        int from = Math.max(0, col - 1 - Limits.EXCERPT_HALF_WIDTH);
        int to = Math.min(line.length(), col - 1 + Limits.EXCERPT_HALF_WIDTH);
        String shown = (from > 0 ? "..." : "") + printable(line.substring(from, to)) + (to < line.length() ? "..." : "");
        int caret = col - 1 - from + (from > 0 ? 3 : 0);
        String number = String.valueOf(pos.line());
        String gutter = " ".repeat(number.length());
        return " " + number + " | " + shown + "\n " + gutter + " | " + " ".repeat(caret) + "^\n";
    }

    /** Tabs as spaces and other control characters as '?', so the caret lines up and the terminal is safe. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c == '\t' ? ' ' : Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
