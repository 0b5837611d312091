package dev.guidegen;

import static dev.guidegen.CommandLineTest.run;
import static dev.guidegen.CommandLineTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.CommandLineTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** However bad the input, the report stays readable and small. */
class ReportLimitsTest {

    @TempDir
    Path root;

    @Test
    void tenThousandBrokenLinksOnOneLongLinePrintTwoHundredShortProblemsAndACount() {
        String links = "[x](nowhere.md) ".repeat(10_000);
        write(root, InlineSite.minimal().edit(BadInput.ENGINEER, "Builds APIs.", "Builds APIs. " + links));

        Run run = run("build", "--root", root.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().length()).isLessThan(200_000);
        assertThat(run.err()).contains("... and 9800 more (9800 errors, 0 warnings) not shown; fix these first\n")
                .endsWith("Build failed: 10000 errors, 0 warnings; nothing was written\n");
        assertThat(run.err().lines().filter(l -> l.startsWith(" 16 | ")))
                .hasSize(200).allMatch(l -> l.length() < 140);
    }

    @Test
    void theExcerptOfALongLineShowsTheTextAroundTheColumnWithTheCaretUnderIt() {
        String before = "word ".repeat(100);
        write(root, InlineSite.minimal().edit(BadInput.ENGINEER, "Compare with the [architect](backend-architect.md).",
                before + "[architect](backend-architekt.md) " + "more ".repeat(100)));

        Run run = run("build", "--root", root.toString());

        String[] lines = run.err().split("\n");
        assertThat(lines[0]).startsWith(BadInput.ENGINEER + ":16:" + (14 + before.length() + 12) + ": error: broken link");
        assertThat(lines[1]).startsWith(" 16 | ...").contains("[architect](backend-architekt.md)").endsWith("...");
        assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf("backend-architekt.md"));
    }

    @Test
    void aVeryLongValueInAMessageIsCut() {
        String url = "x".repeat(100_000) + ".md";
        write(root, InlineSite.minimal().edit(BadInput.ENGINEER, "(backend-architect.md)", "(" + url + ")"));

        Run run = run("build", "--root", root.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().length()).isLessThan(2_000);
    }

    @Test
    void errorsAreListedBeforeAnyPileOfWarningsCanHideThem() {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            keys.append("extra").append(i).append(": x\n");
        }
        write(root, InlineSite.minimal().edit(BadInput.ENGINEER, "level: mid", "level: mid\n" + keys)
                .edit(BadInput.ARCHITECT, "updated: 2026-10-02", "updated: 2026-02-30"));

        Run run = run("build", "--root", root.toString());

        assertThat(run.err()).contains(BadInput.ARCHITECT + ":4:10: error: 2026-02-30 is not a date: February 2026 has 28 days")
                .contains("... and 101 more (0 errors, 101 warnings) not shown");
    }
}
