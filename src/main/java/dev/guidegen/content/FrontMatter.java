package dev.guidegen.content;

import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import java.util.Optional;

/**
 * Splits a Markdown file into its YAML front matter and its body, remembering on which line of
 * the file the front matter starts. The body is the end of the file's text, from the start of a
 * line, so its places are the file's own.
 */
public record FrontMatter(String yaml, int yamlLineOffset, String body) {

    private static final String FENCE = "---";

    public static Optional<FrontMatter> split(String path, String text, Problems problems) {
        if (text.isBlank()) {
            problems.error(SourcePos.start(path), "empty file",
                    "a content file starts with front matter between two \"---\" lines");
            return Optional.empty();
        }
        // Line by line, without a string for each: the body is most of the file, and is taken whole.
        int firstEnd = text.indexOf('\n');
        if (!isFence(text, 0, firstEnd < 0 ? text.length() : firstEnd)) {
            problems.error(SourcePos.start(path), "missing front matter: the first line must be \"---\"",
                    "start the file with \"---\", the fields (title: ..., summary: ...), then another \"---\"");
            return Optional.empty();
        }
        for (int start = firstEnd + 1; firstEnd >= 0; ) {
            int end = text.indexOf('\n', start);
            if (isFence(text, start, end < 0 ? text.length() : end)) {
                String yaml = start == firstEnd + 1 ? "" : text.substring(firstEnd + 1, start - 1);
                String body = end < 0 ? "" : text.substring(end + 1);
                return Optional.of(new FrontMatter(yaml, 1, body));
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
        problems.error(SourcePos.start(path), "front matter is not closed: no \"---\" line after the first",
                "end the front matter with a line holding only \"---\"");
        return Optional.empty();
    }

    /** Whether the line from {@code start} to {@code end} is "---" followed by nothing but white space. */
    private static boolean isFence(String text, int start, int end) {
        return end - start >= FENCE.length() && text.startsWith(FENCE, start) && text.substring(start + FENCE.length(), end).isBlank();
    }
}
