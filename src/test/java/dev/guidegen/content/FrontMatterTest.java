package dev.guidegen.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.problem.Problems;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    private static final String[] LINES = {"---", "--- ", "---\t", "---\u2003", "---\u00a0", " ---", "----", "--", "-- -",
        "title: A", "", "  ", "Body text.", "---x", "a: \"---\""};

    @Test
    void theFrontMatterAndBodyAreTheLinesBetweenAndAfterTheFirstTwoFenceLinesWhateverTheLinesAre() {
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int lines = 1 + random.nextInt(8);
            for (int i = 0; i < lines; i++) {
                if (i > 0) {
                    text.append('\n');
                }
                text.append(LINES[random.nextInt(LINES.length)]);
            }
            if (random.nextBoolean()) {
                text.append('\n');
            }
            String s = text.toString();
            Problems problems = new Problems();
            Optional<FrontMatter> split = FrontMatter.split("a.md", s, problems);
            assertThat(split).as(s).isEqualTo(byLines(s));
            assertThat(problems.sorted()).as(s).hasSize(split.isPresent() ? 0 : 1);
        }
    }

    /** The split as a list of lines gives it: the first line and the next one that are "---" but for trailing white space. */
    private static Optional<FrontMatter> byLines(String text) {
        String[] lines = text.split("\n", -1);
        if (text.isBlank() || !lines[0].stripTrailing().equals("---")) {
            return Optional.empty();
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].stripTrailing().equals("---")) {
                return Optional.of(new FrontMatter(String.join("\n", java.util.Arrays.copyOfRange(lines, 1, i)), 1,
                        String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length))));
            }
        }
        return Optional.empty();
    }
}
