package dev.guidegen;

import static dev.guidegen.CommandLineTest.run;
import static dev.guidegen.CommandLineTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.CommandLineTest.Run;
import dev.guidegen.pipeline.Build;
import dev.guidegen.source.SourceTree;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build reads from disk: only regular files of a sane size, inside the site root. */
class SourceFilesTest {

    static final String SECRET = "API_TOKEN=guidegen-test-secret-3141";

    @TempDir
    Path dir;
    Path site;

    @BeforeEach
    void writeSite() {
        site = dir.resolve("site");
        write(site, InlineSite.minimal());
    }

    @Test
    void aLinkToAFileOutsideTheRootIsAnErrorNamingTheLinkAndItsTextIsNeverShown() throws IOException {
        Path outside = Files.writeString(dir.resolve("environ"), "---\ntitle: x\n" + SECRET + "\n---\n" + SECRET + "\n");
        Files.createSymbolicLink(site.resolve("content/guides/leak.md"), outside);

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("content/guides/leak.md:1:1: error: symbolic link to a file outside the site root ("
                + outside.toRealPath() + "); it is not read").doesNotContain(SECRET);
        assertThat(site.resolve("site-output")).doesNotExist();
    }

    @Test
    void aLinkToAFolderOutsideTheRootIsNotFollowed() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("stolen.md"), "---\ntitle: Stolen\nsummary: " + SECRET + "\nupdated: 2026-10-01\n---\n");
        Files.createSymbolicLink(site.resolve("templates/extra"), outside);

        SourceTree tree = SourceTree.read(site);

        assertThat(tree.files().keySet()).noneMatch(p -> p.contains("stolen"));
        assertThat(tree.problems()).map(Object::toString).containsExactly(
                "templates/extra:1:1: error: symbolic link to a folder outside the site root (" + outside.toRealPath()
                        + "); it is not read");
    }

    @Test
    void aLinkThatStaysInsideTheRootIsRead() throws IOException {
        Files.createDirectories(site.resolve("drafts"));
        Files.move(site.resolve("content/pages/methodology.md"), site.resolve("drafts/methodology.md"));
        Files.createSymbolicLink(site.resolve("content/pages/methodology.md"), Path.of("../../drafts/methodology.md"));

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(site.resolve("site-output/methodology/index.html")).exists();
    }

    @Test
    void aPipeIsAnErrorAndIsNotOpened() throws Exception {
        Path fifo = site.resolve("content/guides/pipe.md");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("content/guides/pipe.md:1:1: error: not a regular file (a device, pipe or socket); it is not read");
    }

    @Test
    void aFileOverTheSizeLimitIsAnErrorAndIsNotRead() throws IOException {
        try (RandomAccessFile huge = new RandomAccessFile(site.resolve("content/guides/huge.md").toFile(), "rw")) {
            huge.setLength(3L * 1024 * 1024 * 1024); // sparse: takes no disk space
        }

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("content/guides/huge.md:1:1: error: file is 3072 MB; files may be at most 10 MB")
                .doesNotContain("OutOfMemoryError");
    }

    @Test
    void editorSwapAndBackupFilesAreIgnored() throws IOException {
        for (String name : new String[] {".backend-engineer.md.swp", "backend-engineer.md~", ".#backend-engineer.md",
                "#backend-engineer.md#", ".DS_Store", "4913", "backend-engineer.md___jb_tmp___", "Thumbs.db"}) {
            Files.writeString(site.resolve("content/guides/" + name), "not a guide");
        }
        Files.createDirectories(site.resolve("templates/.git"));
        Files.writeString(site.resolve("templates/.git/HEAD"), "ref: refs/heads/main\n");

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void problemsFoundWhileReadingFailTheBuild() {
        // The in-memory build sees the reading problems a SourceTree carries.
        SourceTree tree = SourceTree.read(site);
        var problems = Build.run(new SourceTree(tree.files(), java.util.List.of(new dev.guidegen.problem.Problem(
                dev.guidegen.problem.SourcePos.start("content/guides/x.md"), dev.guidegen.problem.Severity.ERROR,
                "file disappeared while it was being read", null)), true), false).problems();

        assertThat(problems).map(Object::toString).contains("content/guides/x.md:1:1: error: file disappeared while it was being read");
    }

    @Test
    void linksToAGuideThatCouldNotBeReadAreNotReportedAgain() throws IOException {
        Path guide = site.resolve(BadInput.ARCHITECT);
        Path outside = Files.move(guide, dir.resolve("backend-architect.md"));
        Files.createSymbolicLink(guide, outside);

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.contains(": error: "))).containsExactly(
                BadInput.ARCHITECT + ":1:1: error: symbolic link to a file outside the site root (" + outside.toRealPath()
                        + "); it is not read");
    }
}
