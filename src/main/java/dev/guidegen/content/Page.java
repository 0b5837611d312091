package dev.guidegen.content;

/** A plain page from {@code content/pages/<slug>.md}, such as about or methodology. */
public record Page(String slug, String path, String title, String summary, boolean draft, Markdown body) {
}
