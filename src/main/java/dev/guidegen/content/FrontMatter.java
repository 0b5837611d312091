package dev.guidegen.content;

import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import java.util.Optional;

/**
 * Splits a Markdown file into its YAML front matter and its body, remembering on which line of
 * the file each one starts so that positions inside them can be turned back into file positions.
 */
public record FrontMatter(String yaml, int yamlLineOffset, String body, int bodyLineOffset) {

    private static final String FENCE = "---";

    public static Optional<FrontMatter> split(String path, String text, Problems problems) {
        if (text.isBlank()) {
            problems.error(SourcePos.start(path), "empty file",
                    "a content file starts with front matter between two \"---\" lines");
            return Optional.empty();
        }
        String[] lines = text.split("\n", -1);
        if (!lines[0].stripTrailing().equals(FENCE)) {
            problems.error(SourcePos.start(path), "missing front matter: the first line must be \"---\"",
                    "start the file with \"---\", the fields (title: ..., summary: ...), then another \"---\"");
            return Optional.empty();
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].stripTrailing().equals(FENCE)) {
                String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i));
                String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
                return Optional.of(new FrontMatter(yaml, 1, body, i + 1));
            }
        }
        problems.error(SourcePos.start(path), "front matter is not closed: no \"---\" line after the first",
                "end the front matter with a line holding only \"---\"");
        return Optional.empty();
    }
}
