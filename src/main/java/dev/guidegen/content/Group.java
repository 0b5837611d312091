package dev.guidegen.content;

/**
 * An occupation group from {@code content/groups/<key>.md}: roles that belong together, like the
 * Handbook's groups. Its body introduces the group on its page.
 */
public record Group(String key, String path, String title, String summary, boolean draft, Markdown body) {
}
