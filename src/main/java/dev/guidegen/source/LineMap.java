package dev.guidegen.source;

import dev.guidegen.problem.SourcePos;
import java.util.Arrays;

/** Turns character offsets in a text into 1-based lines and columns. */
public final class LineMap {

    private final int[] lineStarts;
    private final int length;

    public LineMap(String text) {
        length = text.length();
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = i + 1;
        }
        lineStarts = Arrays.copyOf(starts, n);
    }

    /** The offset of {@code pos}'s line and column in the text, at most its length: a line past the last is its end. */
    public int offset(SourcePos pos) {
        int line = pos.line() - 1;
        return line >= lineStarts.length ? length : Math.min(length, lineStarts[Math.max(0, line)] + pos.col() - 1);
    }

    public SourcePos pos(String path, int offset) {
        int idx = Arrays.binarySearch(lineStarts, offset);
        int line = idx >= 0 ? idx : -idx - 2;
        return new SourcePos(path, line + 1, offset - lineStarts[line] + 1);
    }
}
