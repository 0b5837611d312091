package dev.guidegen.source;

import dev.guidegen.problem.Problem;
import dev.guidegen.problem.SourcePos;
import java.util.HashMap;
import java.util.Map;

/**
 * The line a problem points at, with a caret under its column, as a compiler shows it:
 * <pre>
 *    8 | related: [backend-enginer]
 *      |           ^
 * </pre>
 */
public final class Excerpt {

    private final SourceTree tree;
    private final Map<String, String[]> lines = new HashMap<>();

    public Excerpt(SourceTree tree) {
        this.tree = tree;
    }

    /** The problem as an editor reads it: the GNU line, the source line with a caret, and the hint. */
    public String describe(Problem p) {
        return p + "\n" + of(p.pos()) + (p.hint() == null ? "" : "    hint: " + p.hint() + "\n");
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
        String line = text[pos.line() - 1].replace('\t', ' ');
        if (line.isBlank()) {
            return "";
        }
        String number = String.valueOf(pos.line());
        String gutter = " ".repeat(number.length());
        int col = Math.min(Math.max(1, pos.col()), line.length() + 1);
        return " " + number + " | " + line + "\n " + gutter + " | " + " ".repeat(col - 1) + "^\n";
    }
}
