package dev.guidegen;

import static dev.guidegen.CommandLineTest.run;
import static dev.guidegen.CommandLineTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.CommandLineTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build writes only where guidegen owns the output, however the paths are spelt. */
class OutputSafetyTest {

    @TempDir
    Path dir;
    Path site;

    @BeforeEach
    void writeSite() {
        site = dir.resolve("site");
        write(site, InlineSite.minimal());
    }

    /** Every file and link under {@code top}, with a hash of each file's bytes. */
    static Map<String, String> everything(Path top) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path p : walk.toList()) {
                String key = top.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    all.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    all.put(key, Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p))));
                } else {
                    all.put(key, "dir");
                }
            }
        }
        return all;
    }

    private void assertRefused(Run run, String message) {
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void anOutputReachedThroughASymlinkToTheRootIsRefusedAndTheSourcesStay() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link"), site);
        Map<String, String> before = everything(dir);

        assertRefused(run("build", "--root", site.toString(), "--out", link.resolve("content").toString()),
                "lies inside content/, and would be replaced as a whole");
        assertRefused(run("build", "--root", link.toString(), "--out", site.resolve("templates").toString()),
                "lies inside templates/, and would be replaced as a whole");
        assertRefused(run("build", "--root", link.toString(), "--out", link.toString()), "holds the site root");

        assertThat(everything(dir)).isEqualTo(before);
    }

    @Test
    void anEmptyOutIsRefusedRatherThanReplacingTheWorkingDirectory() throws IOException {
        Map<String, String> before = everything(dir);

        assertRefused(run("build", "--root", site.toString(), "--out", ""), "--out is empty");
        assertRefused(run("build", "--root", site.toString(), "--out", "  "), "--out is empty");

        assertThat(everything(dir)).isEqualTo(before);
    }

    @Test
    void anOutThatIsAFileIsRefusedAndTheFileKept() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes\n");

        assertRefused(run("build", "--root", site.toString(), "--out", notes.toString()),
                "--out " + notes + " is a file, not a directory");

        assertThat(notes).hasContent("my notes");
    }

    @Test
    void aForeignNonEmptyDirectoryIsNeverWipedAndTheMessageSaysWhatToDo() throws IOException {
        Path photos = Files.createDirectories(dir.resolve("photos/2026"));
        Files.write(photos.resolve("beach.jpg"), new byte[] {1, 2, 3});
        Map<String, String> before = everything(dir);

        Run run = run("build", "--root", site.toString(), "--out", dir.resolve("photos").toString());

        assertRefused(run, "is a directory guidegen did not write (it has no .guidegen-output file), so it will not be "
                + "replaced; empty or remove it yourself, or choose another directory");
        assertThat(everything(dir)).isEqualTo(before);
    }

    @Test
    void anEmptyDirectoryOrOneWrittenByGuidegenIsReplacedAndCarriesTheMarker() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));

        assertThat(run("build", "--root", site.toString(), "--out", out.toString()).exit()).isZero();
        assertThat(out.resolve(".guidegen-output")).exists();
        Files.writeString(out.resolve("stale.html"), "old");
        assertThat(run("build", "--root", site.toString(), "--out", out.toString()).exit()).isZero();

        assertThat(out.resolve("stale.html")).doesNotExist();
        assertThat(out.resolve("roles/backend-engineer/index.html")).exists();
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("site", "out");
        }
    }

    @Test
    void aRebuildKeepsTheFilesThatDidNotChangeAndWritesTheOnesThatDid() throws IOException {
        Path out = site.resolve("site-output");
        assertThat(run("build", "--root", site.toString()).exit()).isZero();
        Object architect = fileKey(out.resolve("roles/backend-architect/index.html"));
        Object engineer = fileKey(out.resolve("roles/backend-engineer/index.html"));
        Path guide = site.resolve("content/guides/backend-engineer.md");
        Files.writeString(guide, Files.readString(guide).replace("Builds APIs.", "Builds APIs and queues."));

        assertThat(run("build", "--root", site.toString()).exit()).isZero();

        assertThat(fileKey(out.resolve("roles/backend-architect/index.html"))).isEqualTo(architect);
        assertThat(fileKey(out.resolve("roles/backend-engineer/index.html"))).isNotEqualTo(engineer);
        assertThat(out.resolve("roles/backend-engineer/index.html")).content().contains("Builds APIs and queues.");
    }

    @Test
    void aRebuildNeverWritesIntoTheSiteItReplacesEvenWhenAPageKeepsItsSize() throws IOException {
        Path out = site.resolve("site-output");
        assertThat(run("build", "--root", site.toString()).exit()).isZero();
        Path page = out.resolve("roles/backend-engineer/index.html");
        byte[] before = Files.readAllBytes(page);
        Path elsewhere = Files.createLink(dir.resolve("kept.html"), page);
        Path guide = site.resolve("content/guides/backend-engineer.md");
        Files.writeString(guide, Files.readString(guide).replace("Builds APIs.", "Mended APIs."));

        assertThat(run("build", "--root", site.toString()).exit()).isZero();

        assertThat(page).content().contains("Mended APIs.");
        assertThat(Files.size(page)).as("the same size, so the old page is linked in and compared").isEqualTo(before.length);
        assertThat(Files.readString(elsewhere)).as("the replaced site's page").contains("Builds APIs.")
                .doesNotContain("Mended APIs.");
    }

    @Test
    void aFileChangedByHandInTheOutputIsWrittenAgainNotKept() throws IOException {
        Path out = site.resolve("site-output");
        assertThat(run("build", "--root", site.toString()).exit()).isZero();
        Map<String, String> built = everything(out);
        Path page = out.resolve("roles/backend-architect/index.html");
        byte[] bytes = Files.readAllBytes(page);
        bytes[bytes.length / 2] = (byte) (bytes[bytes.length / 2] == 'x' ? 'y' : 'x');
        Files.write(page, bytes);

        assertThat(run("build", "--root", site.toString()).exit()).isZero();

        assertThat(everything(out)).isEqualTo(built);
    }

    @Test
    void aSpareOutputHoldingALinkIsNotUsedAndWhatTheLinkPointsAtIsLeftAlone() throws IOException {
        assertThat(run("build", "--root", site.toString()).exit()).isZero();
        assertThat(BuildCacheTest.fullBuild(site).exit()).isZero();
        Path spare = spareOf(site);
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("index.html"), "not ours");
        Path page = spare.resolve("roles/backend-engineer");
        try (Stream<Path> walk = Files.walk(page)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.createSymbolicLink(page, outside);

        assertThat(BuildCacheTest.fullBuild(site).exit()).isZero();
        assertThat(run("build", "--root", site.toString(), "--no-cache", "--out", dir.resolve("clean").toString()).exit()).isZero();

        assertThat(everything(outside)).isEqualTo(Map.of("", "dir", "index.html", Integer.toHexString(
                java.util.Arrays.hashCode("not ours".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertThat(everything(site.resolve("site-output"))).isEqualTo(everything(dir.resolve("clean")));
        assertThat(Files.isSymbolicLink(spare.resolve("roles/backend-engineer"))).isFalse();
    }

    @Test
    void aSpareOutputThatIsALinkIsNeverWrittenThrough() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve(".guidegen-output"), "made to look like ours");
        Files.writeString(outside.resolve("index.html"), "not ours");
        Map<String, String> kept = everything(outside);
        Files.createDirectories(site.resolve(".guidegen"));
        Files.createSymbolicLink(spareOf(site), outside);

        assertThat(run("build", "--root", site.toString()).exit()).isZero();
        assertThat(run("build", "--root", site.toString()).exit()).isZero();
        assertThat(run("build", "--root", site.toString(), "--no-cache", "--out", dir.resolve("clean").toString()).exit()).isZero();

        assertThat(everything(outside)).isEqualTo(kept);
        assertThat(everything(site.resolve("site-output"))).isEqualTo(everything(dir.resolve("clean")));
    }

    @Test
    void aSpareIsTakenOnlyForTheOutputItWasNeverForAnotherSitesOutput() throws IOException {
        Path shared = dir.resolve("shared");
        Path other = dir.resolve("other");
        write(other, InlineSite.minimal().edit("content/site.yaml", "title: Test Guides", "title: Other Guides"));
        // A cache directory that guidegen made, into which another site's output was then built.
        assertThat(run("build", "--root", site.toString(), "--cache-dir", shared.toString()).exit()).isZero();
        assertThat(run("build", "--root", other.toString(), "--out", shared.resolve("output").toString()).exit()).isZero();
        Map<String, String> othersOutput = everything(shared.resolve("output"));

        for (int i = 0; i < 3; i++) {
            assertThat(run("build", "--root", site.toString(), "--cache-dir", shared.toString()).exit()).isZero();
        }

        assertThat(everything(shared.resolve("output"))).isEqualTo(othersOutput);
        assertThat(run("build", "--root", site.toString(), "--no-cache", "--out", dir.resolve("clean").toString()).exit()).isZero();
        assertThat(everything(site.resolve("site-output"))).isEqualTo(everything(dir.resolve("clean")));
    }

    @Test
    void aCacheDirInAFolderTheSourcesReachThroughALinkIsRefused() throws IOException {
        Path gen = Files.createDirectories(site.resolve("gen"));
        Files.move(site.resolve("content/guides"), gen.resolve("guides"));
        Files.createSymbolicLink(site.resolve("content/guides"), Path.of("../gen/guides"));
        Map<String, String> before = everything(dir);

        assertRefused(run("build", "--root", site.toString(), "--cache-dir", gen.resolve("guides/cache").toString()),
                "overlaps " + gen.toRealPath().resolve("guides") + ", which the sources reach through a symbolic link");

        assertThat(everything(dir)).isEqualTo(before);
    }

    @Test
    void anEmptyCacheDirIsRefusedInOneLine() {
        assertRefused(run("build", "--root", site.toString(), "--cache-dir", ""), "--cache-dir is empty");
        assertThat(site.resolve("site-output")).doesNotExist();
    }

    @Test
    void aFileInTheSpareWhereAFolderMustNowBeIsReplacedByIt() throws IOException {
        Path out = dir.resolve("out");
        Path spare = dir.resolve("spare");
        List<List<dev.guidegen.render.OutputFile>> sites = List.of(
                List.of(file("index.html", "home"), file("a", "a file")),
                List.of(file("index.html", "home"), file("a", "a file")),
                List.of(file("index.html", "home"), file("a/b/index.html", "b"), file("a/c/index.html", "c"), file("a/index.html", "a")));
        for (List<dev.guidegen.render.OutputFile> files : sites) {
            dev.guidegen.output.SiteWriter.Staging staging = dev.guidegen.output.SiteWriter.open(out, spare);
            try {
                files.parallelStream().forEach(staging::write);
                staging.commit();
            } finally {
                staging.abortUnlessCommitted();
            }
        }

        assertThat(everything(out)).containsOnlyKeys("", ".guidegen-output", "index.html", "a", "a/index.html", "a/b",
                "a/b/index.html", "a/c", "a/c/index.html");
        assertThat(out.resolve("a/b/index.html")).hasContent("b");
    }

    @Test
    void theSparesMarkerIsWrittenAnewNeverIntoTheFileThere() throws IOException {
        assertThat(run("build", "--root", site.toString()).exit()).isZero();
        assertThat(BuildCacheTest.fullBuild(site).exit()).isZero();
        Path precious = Files.writeString(dir.resolve("precious.txt"), "kept");
        Files.delete(spareOf(site).resolve(".guidegen-output"));
        Files.createLink(spareOf(site).resolve(".guidegen-output"), precious);

        assertThat(BuildCacheTest.fullBuild(site).exit()).isZero();

        assertThat(precious).hasContent("kept");
    }

    private static dev.guidegen.render.OutputFile file(String path, String text) {
        return new dev.guidegen.render.OutputFile(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }

    /** Where the default build cache of the site at {@code root} keeps the spare of its default output. */
    static Path spareOf(Path root) throws IOException {
        Path real = root.toRealPath();
        return dev.guidegen.output.SiteWriter.spareIn(real.resolve(".guidegen"), real.resolve("site-output"));
    }

    private static Object fileKey(Path p) throws IOException {
        return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    @Test
    void anOutputThatIsASymlinkIsWrittenWhereItPointsAndTheLinkStays() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real-out"));
        Path link = Files.createSymbolicLink(dir.resolve("out-link"), real);

        assertThat(run("build", "--root", site.toString(), "--out", link.toString()).exit()).isZero();

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real.resolve("index.html")).exists();
    }

    @Test
    void anOutputThatCannotBeCreatedIsOneLineWithExitThree() throws IOException {
        Files.writeString(dir.resolve("file"), "x");

        Run run = run("build", "--root", site.toString(), "--out", dir.resolve("file/out").toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).startsWith("guidegen: cannot write the site to " + dir.resolve("file/out"))
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void buildsWritingOneOutputAtOnceAllFinishAndLeaveOneCompleteSite() throws Exception {
        Path out = dir.resolve("out");
        assertThat(run("build", "--root", site.toString(), "--out", out.toString()).exit()).isZero();
        Map<String, String> expected = everything(out);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Run>> runs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            runs.add(pool.submit(() -> run("build", "--root", site.toString(), "--out", out.toString())));
        }
        for (Future<Run> r : runs) {
            Run run = r.get();
            assertThat(run.exit()).as(run.err()).isZero();
        }
        pool.shutdown();

        assertThat(everything(out)).isEqualTo(expected);
        try (Stream<Path> siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("site", "out");
        }
    }

    @Test
    void theOutputIsReadableByOthersAsAnyDirectoryIs() throws IOException {
        assertThat(run("build", "--root", site.toString()).exit()).isZero();

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(site.resolve("site-output"))))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void anOutputHoldingAFolderTheSourcesReachThroughALinkIsRefused() throws IOException {
        Path gen = Files.createDirectories(site.resolve("gen"));
        Files.writeString(gen.resolve(".guidegen-output"), "");
        Files.move(site.resolve("content/guides"), gen.resolve("guides"));
        Files.createSymbolicLink(site.resolve("content/guides"), Path.of("../gen/guides"));
        Map<String, String> before = everything(dir);

        assertRefused(run("build", "--root", site.toString(), "--out", gen.toString()),
                "holds " + gen.toRealPath().resolve("guides") + ", which the sources reach through a symbolic link");

        assertThat(everything(dir)).isEqualTo(before);
    }

    @Test
    void contentLinkedToAFolderOutsideTheRootIsNotRead() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("environ"), "SECRET=1\n");
        Path content = site.resolve("content");
        Files.move(content, dir.resolve("content-real"));
        Files.createSymbolicLink(content, elsewhere);

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("content:1:1: error: folder content/ is a symbolic link to a folder outside the site root ("
                + elsewhere.toRealPath() + "); it is not read").doesNotContain("SECRET");
    }

    @Test
    void directoriesLeftByAKilledBuildAreRemovedButNoOthers() throws IOException {
        Path leftover = Files.createDirectories(dir.resolve(".site-output.tmp-2147483646-77/roles"));
        Path others = Files.createDirectories(dir.resolve(".site-output.tmp-mine"));
        Path out = dir.resolve("site-output");

        assertThat(run("build", "--root", site.toString(), "--out", out.toString()).exit()).isZero();

        assertThat(leftover.getParent()).doesNotExist();
        assertThat(others).exists();
    }
}
