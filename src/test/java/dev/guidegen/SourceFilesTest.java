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
    void readingOnlyThePathsAWatcherReportsGivesWhatReadingEverythingGives() throws IOException {
        Path guides = site.resolve("content/guides");
        java.util.List<java.util.function.Function<Path, java.util.List<Path>>> changes = java.util.List.of(
                // a guide edited, then one added, and one removed
                s -> java.util.List.of(edit(guides.resolve("backend-engineer.md"), "Builds APIs.", "Builds services.")),
                s -> java.util.List.of(save(guides.resolve("data-engineer.md"), "---\ntitle: Data Engineer\n---\nMoves data.\n")),
                s -> java.util.List.of(delete(guides.resolve("data-engineer.md"))),
                // a folder made with files in it, then a file saved in it, then the folder removed
                s -> java.util.List.of(save(s.resolve("content/pages/team/about.md"), "---\ntitle: About\n---\nUs.\n")
                        .getParent().getParent()),
                s -> java.util.List.of(save(s.resolve("content/pages/team/more.md"), "---\ntitle: More\n---\nMore.\n")),
                s -> java.util.List.of(deleteTree(s.resolve("content/pages"))),
                // what editors leave beside a file, in a hidden folder or under a hidden name: never read
                s -> java.util.List.of(save(s.resolve("content/.cache/x.md"), "hidden"), save(guides.resolve(".x.md.swp"), "swap"),
                        save(guides.resolve("backend-engineer.md~"), "backup")),
                // a file too large to read, and the same file cut down to size
                s -> java.util.List.of(save(guides.resolve("huge.md"), "x".repeat((int) dev.guidegen.problem.Limits.MAX_FILE_BYTES + 1))),
                s -> java.util.List.of(save(guides.resolve("huge.md"), "---\ntitle: Huge\n---\nNo longer.\n")),
                // a template changed, and a path the watcher reports twice
                s -> java.util.List.of(edit(s.resolve("templates/guide.ftlh"), "</header>", "<p>Edited.</p></header>"),
                        s.resolve("templates/guide.ftlh")));
        dev.guidegen.source.ReadMemo memo = new dev.guidegen.source.ReadMemo();
        SourceTree tree = SourceTree.read(site, memo);
        for (var change : changes) {
            java.util.List<Path> paths = change.apply(site);
            SourceTree updated = tree.update(site, paths, memo);
            SourceTree full = SourceTree.read(site);

            if (!tree.problems().isEmpty()) {
                // A tree with problems is read again whole (see below).
                assertThat(updated).as("an update after %s of a tree with problems", paths).isNull();
                tree = SourceTree.read(site, memo);
                continue;
            }
            assertThat(updated).as("an update after %s", paths).isNotNull();
            assertThat(updated.files().keySet()).isEqualTo(full.files().keySet());
            updated.files().forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(full.bytes(path)));
            assertThat(updated.problems()).containsExactlyInAnyOrderElementsOf(full.problems());
            tree = updated;
        }
    }

    @Test
    void aFolderAndAFileInItReportedTogetherAreReadOnceWithOneProblem() throws IOException {
        dev.guidegen.source.ReadMemo memo = new dev.guidegen.source.ReadMemo();
        SourceTree tree = SourceTree.read(site, memo);
        Path folder = Files.createDirectories(site.resolve("content/images/big"));
        Path huge = save(folder.resolve("huge.png"), "x".repeat((int) dev.guidegen.problem.Limits.MAX_FILE_BYTES + 1));

        SourceTree updated = tree.update(site, java.util.List.of(folder, huge), memo);

        assertThat(updated.problems()).containsExactlyInAnyOrderElementsOf(SourceTree.read(site).problems()).hasSize(1);
    }

    @Test
    void aTreeWithABrokenLinkIsReadAgainWholeSinceAFileMadeElsewhereMayMendIt() throws IOException {
        Path target = site.resolve("content/pages/later.md");
        Files.createSymbolicLink(site.resolve("content/pages/linked.md"), target);
        SourceTree tree = SourceTree.read(site);
        assertThat(tree.problems()).isNotEmpty();
        save(target, "---\ntitle: Later\nsummary: s\n---\nText.\n");

        assertThat(tree.update(site, java.util.List.of(target), null)).isNull();
    }

    @Test
    void aSaveTheWatcherReportsIsReadEvenWhenItsSizeAndTimeLookUnchanged() throws IOException {
        Path guide = site.resolve("content/guides/backend-engineer.md");
        dev.guidegen.source.ReadMemo memo = new dev.guidegen.source.ReadMemo();
        SourceTree.read(site, memo);
        SourceTree tree = SourceTree.read(site, memo);
        var time = Files.getLastModifiedTime(guide);
        // A file system that keeps times to the second: the same size and time after the save.
        edit(guide, "Builds APIs.", "Builds APIS.");
        Files.setLastModifiedTime(guide, time);

        assertThat(new String(tree.update(site, java.util.List.of(guide), memo).bytes(BadInput.ENGINEER),
                java.nio.charset.StandardCharsets.UTF_8)).contains("Builds APIS.");
        assertThat(new String(SourceTree.read(site, memo).bytes(BadInput.ENGINEER), java.nio.charset.StandardCharsets.UTF_8))
                .as("a full read after it, with the memo").contains("Builds APIS.");
    }

    @Test
    void aChangeThroughASymbolicLinkIsLeftToAFullRead() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(outside.resolve("note.md"), "x");
        Path link = Files.createSymbolicLink(site.resolve("content/guides/linked.md"), site.resolve("content/pages/methodology.md"));
        SourceTree tree = SourceTree.read(site);

        assertThat(tree.update(site, java.util.List.of(link), null)).isNull();
        Files.delete(link);
        SourceTree plain = SourceTree.read(site);
        Path folderLink = Files.createSymbolicLink(site.resolve("content/shared"), outside);
        assertThat(plain.update(site, java.util.List.of(folderLink), null)).isNull();
        assertThat(plain.update(site, java.util.List.of(folderLink.resolve("note.md")), null)).isNull();
    }

    private static Path save(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path edit(Path file, String from, String to) {
        try {
            return save(file, Files.readString(file).replace(from, to));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path delete(Path file) {
        try {
            Files.delete(file);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path deleteTree(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(SourceFilesTest::delete);
            return folder;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
    void aSalarySnapshotForAHundredThousandRolesIsReadThoughItIsOverTheLimitForOtherFiles() throws IOException {
        Path snapshot = site.resolve("content/data/salaries.json");
        // 14 MB, as a snapshot of 100,000 roles is: the figures, then blank space to that size.
        Files.writeString(snapshot, Files.readString(snapshot) + " ".repeat(14 * 1024 * 1024));

        Run run = run("build", "--root", site.toString());

        assertThat(run.err()).doesNotContain("error");
        assertThat(run.exit()).isZero();
        try (RandomAccessFile huge = new RandomAccessFile(snapshot.toFile(), "rw")) {
            huge.setLength(65L * 1024 * 1024); // sparse past what was written
        }
        assertThat(run("build", "--root", site.toString()).err())
                .contains("content/data/salaries.json:1:1: error: file is 65 MB; data files may be at most 64 MB")
                .as("one error for the one file: not also a missing snapshot").doesNotContain("missing salary snapshot")
                .contains("Build failed: 1 error, 0 warnings");
    }

    @Test
    void aSiteConfigurationTooLargeToReadIsOneErrorNotAlsoAMissingOne() throws IOException {
        try (RandomAccessFile huge = new RandomAccessFile(site.resolve("content/site.yaml").toFile(), "rw")) {
            huge.setLength(11L * 1024 * 1024);
        }

        Run run = run("build", "--root", site.toString());

        assertThat(run.err()).contains("content/site.yaml:1:1: error: file is 11 MB; files may be at most 10 MB")
                .doesNotContain("missing site configuration");
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
