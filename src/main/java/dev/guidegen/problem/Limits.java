package dev.guidegen.problem;

/**
 * Every limit a build keeps to, with why it has that value. A limit is what keeps a hostile or
 * mistaken input from turning into a crash, a hang or an endless error report.
 */
public final class Limits {

    private Limits() {
    }

    /** The largest source file read: guides are tens of kilobytes, so 10 MB is a mistake, not a guide. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /**
     * The largest file read under {@code content/data/}: the salary snapshot grows with the roles, by
     * about 140 bytes each, so 100,000 roles take 14 MB; 64 MB leaves room for 400,000.
     */
    public static final long MAX_DATA_FILE_BYTES = 64L * 1024 * 1024;

    /** The largest source file read at {@code path} (relative to the site root, with forward slashes). */
    public static long maxFileBytes(String path) {
        return path.startsWith("content/data/") ? MAX_DATA_FILE_BYTES : MAX_FILE_BYTES;
    }

    /**
     * How deep Markdown blocks and spans may sit inside each other. Real guides rarely pass ten;
     * 1,000 leaves room for machine-made content and still renders within {@link #STACK_BYTES}.
     */
    public static final int MAX_MARKDOWN_NESTING = 1_000;

    /**
     * How deep template directives, macro calls and includes may nest while a page renders. A real
     * layout is a few dozen deep, and a recursive macro or function over a tree a few hundred; one
     * that calls itself without end reaches this at once.
     */
    public static final int MAX_TEMPLATE_NESTING = 2_000;

    /** The stack of each build thread: enough for {@link #MAX_MARKDOWN_NESTING} levels, with room to spare. */
    public static final long STACK_BYTES = 256L * 1024 * 1024;

    /** Characters of a source line shown on each side of the column, so one long line cannot flood the terminal. */
    public static final int EXCERPT_HALF_WIDTH = 60;

    /** The longest message or hint printed; a value quoted in a message is cut to fit. */
    public static final int MAX_MESSAGE_CHARS = 300;

    /** Problems listed in full; after these, a count of the rest. An editor fixes the first ones first. */
    public static final int MAX_PROBLEMS_SHOWN = 200;

    /** The longest URL segment made from a skill name; file systems refuse names over 255 bytes. */
    public static final int MAX_SLUG_CHARS = 100;
}
