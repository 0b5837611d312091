package dev.guidegen.content;

import dev.guidegen.problem.SourcePos;

/** A heading of a Markdown body with the anchor id it renders with. */
public record Heading(int level, String text, String id, SourcePos pos) {
}
