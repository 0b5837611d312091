package dev.guidegen.problem;

import java.util.Comparator;

/** A place in a source file: path relative to the site root, 1-based line and column. */
public record SourcePos(String path, int line, int col) implements Comparable<SourcePos> {

    private static final Comparator<SourcePos> ORDER = Comparator.comparing(SourcePos::path)
            .thenComparingInt(SourcePos::line)
            .thenComparingInt(SourcePos::col);

    public static SourcePos start(String path) {
        return new SourcePos(path, 1, 1);
    }

    /** This position moved down by {@code lines} lines, as when a front matter offset is added. */
    public SourcePos shiftLines(int lines) {
        return new SourcePos(path, line + lines, col);
    }

    @Override
    public int compareTo(SourcePos other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + col;
    }
}
