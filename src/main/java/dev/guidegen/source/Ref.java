package dev.guidegen.source;

import dev.guidegen.problem.SourcePos;

/** A string from front matter and where it was written, such as one entry of {@code related}. */
public record Ref(String value, SourcePos pos) {
}
