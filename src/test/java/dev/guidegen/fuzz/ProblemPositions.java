package dev.guidegen.fuzz;

import dev.guidegen.problem.Problem;
import dev.guidegen.problem.SourcePos;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Checks that problems point at real places: inside the file they name, or at least at line and column 1 or later. */
final class ProblemPositions {

    private ProblemPositions() {
    }

    /**
     * Fails unless every problem for {@code path} lies inside {@code bytes} as the build reads them
     * (BOM dropped, CRLF and CR as LF), column at most one past the end of its line, and every other
     * problem has a line and column of at least 1.
     */
    static void assertInside(List<Problem> problems, String path, byte[] bytes) {
        String[] lines = normalise(new String(bytes, StandardCharsets.UTF_8)).split("\n", -1);
        for (Problem problem : problems) {
            SourcePos pos = problem.pos();
            if (pos.line() < 1 || pos.col() < 1) {
                throw new AssertionError("problem has a line or column below 1: " + describe(problem));
            }
            if (!pos.path().equals(path)) {
                continue;
            }
            if (pos.line() > lines.length) {
                throw new AssertionError("problem points below the last line of " + path + ", which has "
                        + lines.length + " lines: " + describe(problem));
            }
            int length = lines[pos.line() - 1].length();
            if (pos.col() > length + 1) {
                throw new AssertionError("problem points past the end of line " + pos.line() + " of " + path
                        + " (" + length + " characters; the file has " + lines.length + " lines): " + describe(problem));
            }
        }
    }

    private static String describe(Problem problem) {
        return problem + (problem.hint() == null ? "" : " (hint: " + problem.hint() + ")");
    }

    /** What {@code TextDecoder} does to text: a leading BOM dropped, CRLF and CR turned into LF. */
    static String normalise(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
