package dev.guidegen.content;

import dev.guidegen.source.Ref;
import java.util.List;

/**
 * A plain page from {@code content/pages/<slug>.md}, such as about or methodology; {@code aliases}
 * are its old slugs, whose URLs redirect to it.
 */
public record Page(String slug, String path, String title, String summary, boolean draft, Markdown body, List<Ref> aliases) {

    public Page {
        aliases = List.copyOf(aliases);
    }
}
