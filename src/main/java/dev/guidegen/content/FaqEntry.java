package dev.guidegen.content;

import dev.guidegen.problem.SourcePos;

/** One question of a guide's FAQ; the answer is Markdown. */
public record FaqEntry(String question, Markdown answer, SourcePos pos) {
}
