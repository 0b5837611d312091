package dev.guidegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build command lines read without picocli, for a quick rebuild: only the plainest forms, each
 * read as picocli reads it; every other one is left to picocli.
 */
class QuickCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void thePlainestBuildCommandLinesAreReadAsPicocliReadsThem() throws IOException {
        Files.createDirectories(dir.resolve("content"));
        String root = dir.toString();

        assertThat(Main.QuickCommandLine.of(new String[] {"build", "--root", root}))
                .isEqualTo(new Main.QuickCommandLine(dir, null, null, false));
        assertThat(Main.QuickCommandLine.of(new String[] {"build", "--root=" + root, "--drafts", "--out", "o", "--cache-dir=c"}))
                .isEqualTo(new Main.QuickCommandLine(dir, "o", "c", true));
    }

    @Test
    void everyOtherCommandLineIsLeftToPicocli() throws IOException {
        Files.createDirectories(dir.resolve("content"));
        String root = dir.toString();
        String[][] others = {
            {},
            {"check", "--root", root},
            {"build", "--root", root, "--format", "github"},
            {"build", "--root", root, "--no-cache"},
            {"build", "--root", root, "--help"},
            {"build", "--root", root, "-h"},
            {"build", "--root", root, "--root", root},
            {"build", "--root", root, "--drafts", "--drafts"},
            {"build", "--root", root, "--drafts=true"},
            {"build", "--root", root, "--out"},
            {"build", "--root", root, "--out", "--drafts"},
            {"build", "--root", root, "--out="},
            {"build", "--root", root, "extra"},
            {"build", "@args.txt"},
            {"build", "--out", "@out"},
            {"build", "--root", dir.resolve("no-such-site").toString()},
        };
        for (String[] args : others) {
            assertThat(Main.QuickCommandLine.of(args)).as(String.join(" ", args)).isNull();
        }
    }
}
