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

    /** Each line the quick reading takes, read by picocli with the build command's own options. */
    @Test
    void whatTheQuickReadingTakesPicocliReadsTheSameWay() throws IOException {
        Files.createDirectories(dir.resolve("content"));
        String root = dir.toString();
        String[][] taken = {
            {"build", "--root", root},
            {"build", "--root=" + root, "--drafts"},
            {"build", "--drafts", "--root", root, "--out", "o", "--cache-dir", "c"},
            {"build", "--cache-dir=c", "--out=o", "--root=" + root},
        };
        for (String[] args : taken) {
            Main.QuickCommandLine quick = Main.QuickCommandLine.of(args);
            picocli.CommandLine.ParseResult build = Main.commandLine("build").parseArgs(args).subcommand();
            assertThat(quick).as(String.join(" ", args)).isEqualTo(new Main.QuickCommandLine(
                    build.matchedOptionValue("--root", Path.of(".")), build.matchedOptionValue("--out", null),
                    build.matchedOptionValue("--cache-dir", null), build.matchedOptionValue("--drafts", false)));
        }
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
