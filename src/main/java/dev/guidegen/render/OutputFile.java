package dev.guidegen.render;

/**
 * One file of the built site: its path inside the output directory, its bytes, and the template
 * that made it (empty for copied assets), so a link check can say where a bad link came from.
 */
public record OutputFile(String path, byte[] bytes, String template) {
}
