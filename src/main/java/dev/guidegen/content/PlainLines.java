package dev.guidegen.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of a Markdown text that stand alone as paragraphs of plain prose, set aside before
 * flexmark parses the text. Most of a guide's characters are in such lines, and flexmark looks at
 * each character of its input several times: to find line ends, to see whether a paragraph is a
 * table, and to parse inlines. Each such line is given to flexmark as a marker of the renderer's
 * set-aside text, {@code U+0003 n U+0004}, which the renderer puts back as the line itself.
 *
 * <p>A line is set aside when it starts with a letter at its first column, holds only what
 * {@link MarkdownParser#plainParagraph} allows, and has a blank line or the text's edge on both
 * sides. Markdown makes such a line a paragraph holding its text as it is, whatever came before:
 * the blank line closes every open list, quote and footnote, and a line starting with a letter in
 * the first column continues none of them. Only fenced code and some raw HTML blocks stay open
 * across blank lines. Flexmark writes what a fence holds escaped, and such a line has nothing to
 * escape, so put back it is what flexmark would have written there too; raw HTML is also read for
 * its links and ids, so from the first line that may start a raw HTML block on, no line is set
 * aside. The marker is such a line as far as blocks go: it starts no block and holds no inline syntax.
 * Plain lines with only blank lines between them are set aside together, as one marker that is
 * put back as their paragraphs, {@code A</p>\n<p>B}, as flexmark writes paragraphs one after the
 * other: flexmark then reads one block where there were several. Only before the first line that
 * holds three backticks or tildes in a row, though: inside a fence the lines are not paragraphs,
 * and nothing before such a line can open one.
 * {@code PlainParagraphTest} holds the result to flexmark's on random documents.
 */
final class PlainLines {

    /** Set-aside markers stay shorter than the eight characters from which the renderer sets text aside itself. */
    private static final int MAX_LINES = 100_000;

    private final String text;
    private final List<String> lines;
    /**
     * Where each marker starts and ends in {@link #text}, where the first line it stands for starts in
     * the original text, and how far the original text is ahead after it.
     */
    private final int[] markerStarts;
    private final int[] markerEnds;
    private final int[] lineStarts;
    private final int[] shiftAfter;
    private final int words;

    private PlainLines(String text, List<String> lines, int[] markerStarts, int[] markerEnds, int[] lineStarts,
            int[] shiftAfter, int words) {
        this.text = text;
        this.lines = lines;
        this.markerStarts = markerStarts;
        this.markerEnds = markerEnds;
        this.lineStarts = lineStarts;
        this.shiftAfter = shiftAfter;
        this.words = words;
    }

    /** The text with its plain lines set aside, or null when it has none. */
    static PlainLines of(String text) {
        char[] chars = text.toCharArray();
        StringBuilder out = null;
        List<String> lines = null;
        int[] starts = null;
        int[] ends = null;
        int[] shifts = null;
        int[] lineStarts = null;
        // Whether only blank lines have followed the last marker, so that the next plain line joins its lines,
        // and those lines' HTML once it stands for more than one.
        boolean open = false;
        StringBuilder joined = null;
        int from = 0; // the part of text not yet copied to out
        int words = 0;
        // From the first line that may start a raw HTML block on, nothing is set aside: some such blocks
        // stay open across blank lines, and their HTML is read for links and ids as it is written.
        boolean rawHtml = false;
        // From the first line that may open a fence on, plain lines are set aside one by one.
        boolean fence = false;
        boolean previousBlank = true;
        int n = text.length();
        for (int start = 0; start <= n; ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            boolean blank = isBlank(chars, start, end);
            if (!blank && startsWithTag(chars, start, end)) {
                rawHtml = true;
            }
            int lineWords = blank || rawHtml || !previousBlank || !(end == n || nextIsBlank(chars, end + 1))
                    || (lines != null && lines.size() >= MAX_LINES) ? -1 : MarkdownParser.plainWords(chars, start, end);
            boolean setAside = lineWords >= 0;
            if (!blank && !setAside) {
                // A plain line holds no backtick or tilde: only another line may open a fence.
                if (!fence && holdsFenceMark(chars, start, end)) {
                    fence = true;
                }
                if (joined != null) {
                    lines.set(lines.size() - 1, joined.toString());
                    joined = null;
                }
                open = false;
            }
            if (setAside) {
                if (out == null) {
                    out = new StringBuilder(n / 4 + 64);
                    lines = new ArrayList<>();
                    starts = new int[16];
                    ends = new int[16];
                    shifts = new int[16];
                    lineStarts = new int[16];
                }
                String line = text.substring(start, end);
                int last = lines.size() - 1;
                if (open && !fence) {
                    // Only blank lines since the last marker: this line's paragraph follows its paragraphs.
                    if (joined == null) {
                        joined = new StringBuilder(lines.get(last));
                    }
                    joined.append("</p>\n<p>").append(line);
                    shifts[last] = end - ends[last];
                } else {
                    if (joined != null) {
                        lines.set(last, joined.toString());
                        joined = null;
                    }
                    out.append(text, from, start);
                    int k = lines.size();
                    if (k == starts.length) {
                        starts = Arrays.copyOf(starts, k * 2);
                        ends = Arrays.copyOf(ends, k * 2);
                        shifts = Arrays.copyOf(shifts, k * 2);
                        lineStarts = Arrays.copyOf(lineStarts, k * 2);
                    }
                    starts[k] = out.length();
                    out.append(MarkdownHtml.TEXT_OPEN).append(k).append(MarkdownHtml.TEXT_CLOSE);
                    ends[k] = out.length();
                    shifts[k] = end - ends[k];
                    lineStarts[k] = start;
                    lines.add(line);
                }
                words += lineWords;
                from = end;
                open = true;
            }
            previousBlank = blank;
            start = end + 1;
        }
        if (out == null) {
            return null;
        }
        if (joined != null) {
            lines.set(lines.size() - 1, joined.toString());
        }
        out.append(text, from, n);
        int k = lines.size();
        return new PlainLines(out.toString(), List.copyOf(lines), Arrays.copyOf(starts, k), Arrays.copyOf(ends, k),
                Arrays.copyOf(lineStarts, k), Arrays.copyOf(shifts, k), words);
    }

    /** The text to parse, each plain line a marker. */
    String text() {
        return text;
    }

    /** The lines set aside, the n-th for the marker holding n: lines set aside together as their paragraphs' HTML. */
    List<String> lines() {
        return lines;
    }

    /** The words of the lines set aside, as {@link MarkdownParser#words} counts them. */
    int words() {
        return words;
    }

    /** The offset in the original text of an offset in {@link #text}; inside a marker, the start of its line. */
    int original(int offset) {
        int i = Arrays.binarySearch(markerStarts, offset);
        int k = i >= 0 ? i : -i - 2; // the last marker starting at or before the offset
        if (k < 0) {
            return offset;
        }
        if (offset < markerEnds[k]) {
            return lineStarts[k];
        }
        return offset + shiftAfter[k];
    }

    /** Whether the line's first character after at most three spaces is '&lt;', as a raw HTML block's is. */
    private static boolean startsWithTag(char[] chars, int start, int end) {
        for (int i = start; i < end && i <= start + 3; i++) {
            if (chars[i] != ' ') {
                return chars[i] == '<';
            }
        }
        return false;
    }

    /** Whether the line holds three backticks or three tildes in a row, as a fence's first line does. */
    private static boolean holdsFenceMark(char[] chars, int start, int end) {
        for (int i = start; i + 2 < end; i++) {
            char c = chars[i];
            if ((c == '`' || c == '~') && chars[i + 1] == c && chars[i + 2] == c) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = chars[i];
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Whether the line from {@code start} holds nothing but spaces and tabs, without looking past its first other character. */
    private static boolean nextIsBlank(char[] chars, int start) {
        for (int i = start; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
