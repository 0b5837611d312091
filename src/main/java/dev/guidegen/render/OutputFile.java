package dev.guidegen.render;

/**
 * One file of the built site: its path inside the output directory, its bytes, and the template
 * that made it (empty for copied assets), so a link check can say where a bad link came from. A
 * page just rendered also carries its text, so that the link check need not decode its bytes again;
 * whatever keeps files past that keeps them {@link #withoutText()}.
 */
public record OutputFile(String path, byte[] bytes, String template, String text) {

    public OutputFile(String path, byte[] bytes, String template) {
        this(path, bytes, template, null);
    }

    /** The same file without its text, to be kept. */
    public OutputFile withoutText() {
        return text == null ? this : new OutputFile(path, bytes, template, null);
    }
}
