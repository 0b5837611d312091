package dev.guidegen;

import static dev.guidegen.CommandLineTest.run;
import static dev.guidegen.CommandLineTest.write;
import static dev.guidegen.OutputSafetyTest.everything;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.CommandLineTest.Run;
import dev.guidegen.content.ParseCodec;
import dev.guidegen.content.ParseMemo;
import dev.guidegen.pipeline.Build;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code build} keeps each content file's parse in {@code <root>/.guidegen/} and takes it from there
 * while the file is unchanged: a build from the cache writes exactly what a build without it writes,
 * and a cache that is damaged, or from another guidegen, is never used.
 */
class BuildCacheTest {

    @TempDir
    Path dir;

    static Stream<org.junit.jupiter.params.provider.Arguments> edits() {
        return IncrementalBuildTest.edits();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void aBuildFromTheCacheAfterAnEditWritesWhatABuildWithoutItWrites(String what, IncrementalBuildTest.Edit edit)
            throws IOException {
        Path site = dir.resolve("site");
        InlineSite before = edit.before().get();
        write(site, before);
        assertThat(run("build", "--root", site.toString()).exit()).isZero();
        assertThat(site.resolve(".guidegen/parses.bin")).exists();
        // The second build keeps the first one's output as the spare, which the third brings up to date.
        assertThat(fullBuild(site).exit()).isZero();
        assertThat(OutputSafetyTest.spareOf(site).resolve(".guidegen-output")).exists();
        Map<String, String> before2 = everything(site.resolve("site-output"));
        replaceSources(site, edit.change().apply(before));

        Run cached = run("build", "--root", site.toString());
        Run clean = run("build", "--root", site.toString(), "--no-cache", "--out", dir.resolve("clean").toString());

        assertThat(cached.exit()).isEqualTo(clean.exit());
        assertThat(withoutSummary(cached.out())).isEqualTo(withoutSummary(clean.out()));
        assertThat(withoutSummary(cached.err())).isEqualTo(withoutSummary(clean.err()));
        if (clean.exit() == 0) {
            assertThat(everything(site.resolve("site-output"))).isEqualTo(everything(dir.resolve("clean")));
            Map<String, String> spare = everything(OutputSafetyTest.spareOf(site));
            assertThat(spare).as("the output replaced, kept as the spare, naming the output it was")
                    .containsKey(".guidegen-spare-of");
            spare.remove(".guidegen-spare-of");
            assertThat(spare).as("the output replaced, kept as the spare").isEqualTo(before2);
        } else {
            assertThat(everything(OutputSafetyTest.spareOf(site))).as("the spare, after a failed build").isNotEmpty();
            assertThat(everything(site.resolve("site-output"))).isEqualTo(before2);
        }
        if (edit.reuses() && clean.exit() == 0) {
            assertThat(cached.out()).as(cached.err()).containsAnyOf(" content files from the cache", QUICK);
        } else {
            assertThat(cached.out()).doesNotContain("from the cache").doesNotContain(QUICK);
        }
    }

    /** What a quick rebuild's summary says. */
    static final String QUICK = "and took every other page as the last build left it";

    /**
     * Builds the site at {@code site} the full way, without what the last build left for a quick
     * rebuild ({@code last-build.bin}), which the tests of the parse cache and the spare output are
     * not about.
     */
    static Run fullBuild(Path site, String... more) throws IOException {
        Files.deleteIfExists(site.resolve(".guidegen/last-build.bin"));
        List<String> args = new java.util.ArrayList<>(List.of("build", "--root", site.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void everyParseReadBackFromTheCacheEqualsTheParseItWasWrittenFrom() throws IOException {
        ParseMemo parses = new ParseMemo();
        Build.runWithParses(InlineSite.fromResources("migrated-wiki").tree(), false, parses, null, null, f -> { });
        Map<String, ParseMemo.Stored> all = parses.export();
        assertThat(all).hasSizeGreaterThanOrEqualTo(5);

        for (ParseMemo.Stored stored : all.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ParseCodec.write(new DataOutputStream(bytes), stored);
            ParseMemo.Stored back = ParseCodec.read(new ParseCodec.Reader(
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), bytes.size()));

            assertThat(back.value()).isEqualTo(stored.value());
            assertThat(back.problems()).isEqualTo(stored.problems());
            assertThat(back.bytes()).isEqualTo(stored.bytes());
            assertThat(back.context()).isEqualTo(stored.context());
        }
    }

    @Test
    void aStringWithALoneSurrogateReadsBackAsItWas() throws IOException {
        // The summary's only character beyond ASCII is a lone surrogate, which UTF-8 would write as one '?'.
        ParseMemo.Stored stored = new ParseMemo.Stored(new byte[dev.guidegen.work.Digest.LENGTH], new byte[dev.guidegen.work.Digest.LENGTH], new dev.guidegen.content.Page("about",
                "content/pages/about.md", "\uD800 About \uDC00 us \uD83D\uDE00", "A summary \uDC00", false, null, List.of()),
                List.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ParseCodec.write(new DataOutputStream(bytes), stored);

        ParseMemo.Stored back = ParseCodec.read(new ParseCodec.Reader(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), bytes.size()));

        assertThat(back.value()).isEqualTo(stored.value());
    }

    @Test
    void aCacheCutShortOrChangedIsIgnoredWithOneLineAndTheSiteIsBuiltAllTheSame() throws IOException {
        Path site = dir.resolve("site");
        write(site, InlineSite.minimal());
        assertThat(run("build", "--root", site.toString()).exit()).isZero();
        Map<String, String> built = everything(site.resolve("site-output"));
        Path cache = site.resolve(".guidegen/parses.bin");
        byte[] good = Files.readAllBytes(cache);

        byte[] changed = good.clone();
        changed[changed.length / 2] ^= 1;
        for (byte[] bad : new byte[][] {java.util.Arrays.copyOf(good, good.length - 9), changed}) {
            Files.write(cache, bad);

            Run run = fullBuild(site);

            assertThat(run.exit()).isZero();
            assertThat(run.err()).isEqualTo("guidegen: ignoring the build cache " + cache
                    + ": its bytes do not match its checksum (it was cut short or changed); this build parses every file\n");
            assertThat(run.out()).doesNotContain("from the cache");
            assertThat(everything(site.resolve("site-output"))).isEqualTo(built);
            assertThat(cache).hasBinaryContent(good);
        }
    }

    @Test
    void aCacheWrittenByAnotherGuidegenIsQuietlyNotUsed() throws IOException {
        Path site = dir.resolve("site");
        write(site, InlineSite.minimal());
        assertThat(run("build", "--root", site.toString()).exit()).isZero();
        Path cache = site.resolve(".guidegen/parses.bin");
        byte[] bytes = Files.readAllBytes(cache);
        int fingerprint = "guidegen build cache 2\n".length();
        bytes[fingerprint] = (byte) (bytes[fingerprint] == '0' ? '1' : '0');
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 8);
        java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).putLong(crc.getValue());
        Files.write(cache, bytes);

        Run run = fullBuild(site);

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("from the cache");
        assertThat(fullBuild(site).out()).contains(" content files from the cache");
    }

    @Test
    void aFailedBuildStillKeepsItsParsesSoTheBuildAfterTheFixReadsTheOtherFilesFromTheCache() throws IOException {
        Path site = dir.resolve("site");
        String guide = "content/guides/backend-engineer.md";
        String good = new String(InlineSite.minimal().tree().bytes(guide), java.nio.charset.StandardCharsets.UTF_8);
        write(site, InlineSite.minimal().with(guide, good.replace("(backend-architect.md)", "(nope.md)")));

        Run failed = run("build", "--root", site.toString());
        Files.writeString(site.resolve(guide), good);
        Run fixed = run("build", "--root", site.toString());

        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("broken link \"nope.md\"");
        assertThat(fixed.exit()).as(fixed.err()).isZero();
        assertThat(fixed.out()).contains("; 2 of 3 content files from the cache");
    }

    @Test
    void noCacheNeitherReadsNorWritesOneAndCacheDirPutsItElsewhere() throws IOException {
        Path site = dir.resolve("site");
        write(site, InlineSite.minimal());
        Path elsewhere = dir.resolve("cache");

        assertThat(run("build", "--root", site.toString(), "--no-cache").exit()).isZero();
        assertThat(site.resolve(".guidegen")).doesNotExist();
        assertThat(run("build", "--root", site.toString(), "--cache-dir", elsewhere.toString()).exit()).isZero();
        Files.delete(elsewhere.resolve("last-build.bin"));
        Run again = run("build", "--root", site.toString(), "--cache-dir", elsewhere.toString());

        assertThat(site.resolve(".guidegen")).doesNotExist();
        assertThat(elsewhere.resolve("parses.bin")).exists();
        assertThat(again.out()).contains("3 of 3 content files from the cache");
        assertThat(run("build", "--root", site.toString(), "--no-cache").out()).doesNotContain("from the cache");
    }

    @Test
    void aCacheDirAmongTheSourcesOrInTheOutputIsRefusedInOneLine() throws IOException {
        Path site = dir.resolve("site");
        write(site, InlineSite.minimal());
        Map<String, String> sources = everything(site);

        for (String bad : new String[] {"content/cache", "templates", "site-output/cache", "."}) {
            Run run = run("build", "--root", site.toString(), "--cache-dir", site.resolve(bad).toString());

            assertThat(run.exit()).as(bad).isEqualTo(2);
            assertThat(run.err()).as(bad).startsWith("guidegen: --cache-dir " + site.resolve(bad)).contains("; choose a directory of its own with --cache-dir, or build with --no-cache");
            assertThat(run.err().lines()).hasSize(1);
        }
        assertThat(everything(site)).isEqualTo(sources);
    }

    @Test
    void aCacheDirHoldingFilesGuidegenDidNotMakeIsRefusedAndLeftAsItWas() throws IOException {
        Path site = dir.resolve("site");
        write(site, InlineSite.minimal());
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "my notes");
        Files.writeString(mine.resolve("parses.bin"), "my own parses, not a cache");
        Files.createDirectories(mine.resolve("output-0123456789ab"));
        Map<String, String> before = everything(mine);

        Run run = run("build", "--root", site.toString(), "--cache-dir", mine.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("guidegen: --cache-dir " + mine + " holds files that guidegen did not make"
                + " (notes.txt, output-0123456789ab, parses.bin), which it would not replace; choose a new or empty directory"
                + " with --cache-dir, or build with --no-cache\n");
        assertThat(everything(mine)).isEqualTo(before);
        assertThat(site.resolve("site-output")).doesNotExist();
        assertThat(run("build", "--root", site.toString(), "--cache-dir", mine.toString(), "--no-cache").exit()).isZero();
        assertThat(everything(mine)).isEqualTo(before);
    }

    @Test
    void aCacheDirIsTaggedAsACacheAndOneMadeBeforeTagsWereWrittenIsStillUsed() throws IOException {
        Path site = dir.resolve("site");
        write(site, InlineSite.minimal());
        Path cache = dir.resolve("cache");

        assertThat(run("build", "--root", site.toString(), "--cache-dir", cache.toString()).exit()).isZero();
        assertThat(Files.readString(cache.resolve("CACHEDIR.TAG"))).startsWith("Signature: 8a477f597d28d172789f06886806bc55\n");
        assertThat(site.resolve(".guidegen")).doesNotExist();
        assertThat(run("build", "--root", site.toString()).exit()).isZero();
        assertThat(Files.readString(site.resolve(".guidegen/CACHEDIR.TAG")).lines()).hasSize(3);
        // A cache made before guidegen tagged its directories holds only its own files: it is still guidegen's.
        // With what a killed build leaves, and a spare output where an earlier guidegen kept it.
        Files.delete(cache.resolve("CACHEDIR.TAG"));
        Files.delete(cache.resolve("last-build.bin"));
        Files.writeString(cache.resolve(".parses.bin.999999999.123.tmp"), "half written");
        Files.createDirectories(cache.resolve("output"));
        Files.writeString(cache.resolve("output/.guidegen-output"), "");
        Run again = run("build", "--root", site.toString(), "--cache-dir", cache.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("3 of 3 content files from the cache");
        assertThat(cache.resolve("CACHEDIR.TAG")).exists();
        // Another program's tag does not make a directory guidegen's.
        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Files.writeString(theirs.resolve("CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n# made by another tool\n");
        Files.writeString(theirs.resolve("frames.bin"), "their frames");
        assertThat(run("build", "--root", site.toString(), "--cache-dir", theirs.toString()).err())
                .contains("holds files that guidegen did not make (CACHEDIR.TAG, frames.bin)");
        assertThat(theirs.resolve("frames.bin")).hasContent("their frames");
    }

    @Test
    void aCacheDirThatCannotBeMadeLeavesTheSiteBuiltWithOneLine() throws IOException {
        Path site = dir.resolve("site");
        write(site, InlineSite.minimal());
        Files.writeString(dir.resolve("a-file"), "not a folder");
        Path cache = dir.resolve("a-file/cache");

        Run run = run("build", "--root", site.toString(), "--cache-dir", cache.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(l -> l.contains(cache.toString()))).containsExactly(
                "guidegen: the build cache cannot be kept in " + cache + ": not a directory"
                        + "; this build goes without it");
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(site.resolve("site-output/index.html")).exists();
        assertThat(dir.resolve("a-file")).hasContent("not a folder");
    }

    @Test
    void aDefaultCacheDirThatIsALinkToNothingIsRefusedInOneLine() throws IOException {
        Path site = dir.resolve("site");
        write(site, InlineSite.minimal());
        Files.createSymbolicLink(site.resolve(".guidegen"), dir.resolve("gone"));

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("guidegen: the build cache's directory " + site.toAbsolutePath().resolve(".guidegen")
                + " is a symbolic link to " + dir.resolve("gone") + ", which does not exist; choose a directory of its own"
                + " with --cache-dir, or build with --no-cache\n");
        assertThat(site.resolve("site-output")).doesNotExist();
    }

    @Test
    void aCacheFileLargerThanAnyCacheIsIgnoredWithOneLine() throws IOException {
        Path site = dir.resolve("site");
        write(site, InlineSite.minimal());
        Path cache = Files.createDirectories(site.resolve(".guidegen")).resolve("parses.bin");
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(cache.toFile(), "rw")) {
            huge.setLength(3L << 30); // sparse: it takes no room
        }

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEqualTo("guidegen: ignoring the build cache " + cache.toAbsolutePath()
                + ": it is larger than any cache guidegen writes (2047 MB); this build parses every file\n");
    }

    /** The output without the line that says how long the build took and what it took from the cache. */
    private static String withoutSummary(String output) {
        return output.lines().filter(l -> !l.startsWith("Built ")).reduce("", (a, b) -> a + b + "\n");
    }

    /** Replaces content/ and templates/ with the site's, so that files the edit removed are gone. */
    private static void replaceSources(Path root, InlineSite site) throws IOException {
        for (String folder : new String[] {"content", "templates"}) {
            try (Stream<Path> walk = Files.walk(root.resolve(folder))) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        write(root, site);
        assertThat(new String(Files.readAllBytes(root.resolve("content/site.yaml")), StandardCharsets.UTF_8)).isNotEmpty();
    }
}
