package dev.guidegen;

import static dev.guidegen.BuildCacheTest.QUICK;
import static dev.guidegen.CommandLineTest.run;
import static dev.guidegen.CommandLineTest.write;
import static dev.guidegen.OutputSafetyTest.everything;
import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.CommandLineTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After a build, an edit of guides' bodies and FAQ answers that keeps every link, image and id is
 * rebuilt the quick way: only each guide's own page and FAQ page are made again, and the output is
 * what a full build writes. Any other edit, a change to the output, or a journal that cannot be
 * trusted sends the build the full way.
 */
class QuickBuildTest {

    private static final String ENGINEER = "content/guides/backend-engineer.md";

    @TempDir
    Path dir;
    Path site;

    @BeforeEach
    void built() throws IOException {
        site = dir.resolve("site");
        write(site, InlineSite.minimal());
        Run first = run("build", "--root", site.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(site.resolve(".guidegen/last-build.bin")).exists();
    }

    @Test
    void anEditedBodyAndAnswerAreRebuiltTheQuickWayIntoWhatAFullBuildWrites() throws IOException {
        edit(ENGINEER, "Builds APIs.", "Builds APIs and the queues behind them.");
        edit(ENGINEER, "a: Often.", "a: Mostly, and more so each year.");

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("; made again only the 2 pages of 1 changed guide (2 rewritten), " + QUICK);
        assertThat(everything(site.resolve("site-output"))).isEqualTo(clean());
        assertThat(site.resolve("site-output/roles/backend-engineer/faq/index.html")).content()
                .contains("Mostly, and more so each year.");
    }

    @Test
    void quickRebuildsOneAfterAnotherAddUpToWhatAFullBuildWrites() throws IOException {
        edit(ENGINEER, "Builds APIs.", "Builds APIs, first.");
        assertThat(run("build", "--root", site.toString()).out()).contains(QUICK);
        edit("content/guides/backend-architect.md", "Owns the design.", "Owns the design, second.");
        assertThat(run("build", "--root", site.toString()).out()).contains(QUICK);
        edit(ENGINEER, "Builds APIs, first.", "Builds APIs, third.");

        Run third = run("build", "--root", site.toString());

        assertThat(third.out()).contains("1 changed guide (1 rewritten)");
        assertThat(everything(site.resolve("site-output"))).isEqualTo(clean());
    }

    @Test
    void aBuildWithNothingChangedSaysSoAndLeavesTheOutputAsItWas() throws IOException {
        var before = everything(site.resolve("site-output"));
        // Written again with the same bytes: a new time and inode, the same digest.
        Path template = site.resolve("templates/guide.ftlh");
        byte[] same = Files.readAllBytes(template);
        Files.delete(template);
        Files.write(template, same);

        Run run = run("build", "--root", site.toString());

        assertThat(run.out()).contains("; nothing had changed since the last build, whose output stands");
        assertThat(everything(site.resolve("site-output"))).isEqualTo(before);
    }

    @Test
    void anEditThatOtherPagesShowGoesTheFullWay() throws IOException {
        edit("content/guides/backend-architect.md", "title: Backend Architect", "title: Server Architect");

        Run run = run("build", "--root", site.toString());

        assertThat(run.out()).doesNotContain(QUICK).contains("content files from the cache");
        assertThat(everything(site.resolve("site-output"))).isEqualTo(clean());
    }

    @Test
    void aBodyThatLinksElsewhereOrGainsAHeadingGoesTheFullWay() throws IOException {
        for (String[] change : new String[][] {
            {"Compare with the [architect](backend-architect.md).", "Compare with the [architect](backend-architect.md#pay)."},
            {"## Pay", "## Pay and benefits"},
        }) {
            edit(ENGINEER, change[0], change[1]);

            Run run = run("build", "--root", site.toString());

            assertThat(run.out()).as(change[1]).doesNotContain(QUICK);
            assertThat(everything(site.resolve("site-output"))).as(change[1]).isEqualTo(clean());
        }
    }

    @Test
    void anEditThatGivesTheGuideAProblemGoesTheFullWayAndReportsIt() throws IOException {
        edit(ENGINEER, "Builds APIs.", "Builds APIs. See [nothing](missing.md).");

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out() + run.err()).doesNotContain(QUICK).contains("missing.md");
    }

    @Test
    void aFileChangedOrAddedByHandInTheOutputSendsTheRebuildTheFullWay() throws IOException {
        Path out = site.resolve("site-output");
        String body = "Builds APIs.";
        for (Path hand : new Path[] {out.resolve("roles/backend-architect/index.html"), out.resolve("roles/extra.html")}) {
            Files.writeString(hand, "changed by hand");
            edit(ENGINEER, body, body + " Again.");
            body += " Again.";

            Run run = run("build", "--root", site.toString());

            assertThat(run.out()).as(hand.toString()).doesNotContain(QUICK);
            assertThat(everything(out)).as(hand.toString()).isEqualTo(clean());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"last-build.bin", "frames.bin"})
    void aJournalOrFrameThatFailsItsCheckIsNotUsed(String name) throws IOException {
        Path file = site.resolve(".guidegen").resolve(name);
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 1;
        Files.write(file, bytes);
        // Its size, time and inode as they were: only its checksum can tell.
        Files.setLastModifiedTime(file, time);
        edit(ENGINEER, "Builds APIs.", "Builds APIs and queues.");
        edit("content/guides/backend-architect.md", "Owns the design.", "Owns the whole design.");

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain(QUICK);
        assertThat(everything(site.resolve("site-output"))).isEqualTo(clean());
    }

    @Test
    void aBuildIntoAnotherOutputOrWithDraftsGoesTheFullWay() throws IOException {
        edit(ENGINEER, "Builds APIs.", "Builds APIs and queues.");

        Run elsewhere = run("build", "--root", site.toString(), "--out", dir.resolve("other").toString());
        Run drafts = run("build", "--root", site.toString(), "--out", dir.resolve("other").toString(), "--drafts");

        assertThat(elsewhere.out()).doesNotContain(QUICK);
        assertThat(drafts.out()).doesNotContain(QUICK);
    }

    @Test
    void whatABuildKilledWhileWritingTheCacheLeftIsDeletedByTheNextFullBuild() throws IOException {
        Path cache = site.resolve(".guidegen");
        long pid = ProcessHandle.current().pid();
        Path dead = Files.writeString(cache.resolve(".frames.bin.999999999.1.tmp"), "cut short");
        Path deadDelta = Files.writeString(cache.resolve(".last-build.delta.999999999.2.tmp"), "cut short");
        Path live = Files.writeString(cache.resolve(".last-build.bin." + pid + ".3.tmp"), "being written");
        edit("content/guides/backend-architect.md", "title: Backend Architect", "title: Server Architect");

        assertThat(run("build", "--root", site.toString()).exit()).isZero();

        assertThat(dead).doesNotExist();
        assertThat(deadDelta).doesNotExist();
        assertThat(live).exists();
    }

    @Test
    void aQuickRebuildPrintsNoProblemsAsEachFormatSaysIt() throws IOException {
        edit(ENGINEER, "Builds APIs.", "Builds APIs and queues.");

        Run json = run("build", "--root", site.toString(), "--format", "json");

        assertThat(json.out()).isEqualTo("[]\n");
        assertThat(json.err()).contains(QUICK);
    }

    @Test
    void aGuideNestedAsDeepAsAFullBuildAllowsIsRebuiltWithoutAStackTrace() throws IOException {
        edit(ENGINEER, "Builds APIs.", "Builds APIs.\n\n" + "> ".repeat(750) + "deep");
        assertThat(run("build", "--root", site.toString()).exit()).isZero();
        edit(ENGINEER, "deep", "deeper");

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(everything(site.resolve("site-output"))).isEqualTo(clean());
    }

    @Test
    void theFaqHubListsQuestionsWithoutAnswersSoAnEditedAnswerChangesNoHubPage() throws IOException {
        Path hub = site.resolve("templates/faq.ftlh");
        Files.writeString(hub, Files.readString(hub).replace("${q.question}</a>", "${q.question}</a> ${q.answerHtml}"));

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("templates/faq.ftlh:").contains("answerHtml");
    }

    @Test
    void aQuickRebuildGoesTheFullWayWhileAnotherBuildHoldsTheCachesLock() throws IOException {
        edit(ENGINEER, "Builds APIs.", "Builds APIs and queues.");
        Run run;
        try (java.nio.channels.FileChannel held = java.nio.channels.FileChannel.open(site.resolve(".guidegen/.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock lock = held.lock()) {
            run = run("build", "--root", site.toString());
        }

        assertThat(run.exit()).isZero();
        assertThat(run.out()).doesNotContain(QUICK);
        assertThat(everything(site.resolve("site-output"))).isEqualTo(clean());
    }

    @Test
    void aLockThatIsAFolderIsNamedInOneLineAndTheSiteIsBuiltTheFullWay() throws IOException {
        Path lock = site.resolve(".guidegen/.lock");
        Files.deleteIfExists(lock);
        Files.createDirectory(lock);
        edit(ENGINEER, "Builds APIs.", "Builds APIs and queues.");

        Run run = run("build", "--root", site.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).doesNotContain(QUICK);
        assertThat(run.err()).isEqualTo("guidegen: cannot take the build cache's lock " + lock.toRealPath()
                + ": is a directory; the site is built, but no build goes the quick way until it can be taken\n");
        assertThat(everything(site.resolve("site-output"))).isEqualTo(clean());
    }

    @Test
    void noCacheNeverGoesTheQuickWay() throws IOException {
        edit(ENGINEER, "Builds APIs.", "Builds APIs and queues.");

        assertThat(run("build", "--root", site.toString(), "--no-cache").out()).doesNotContain(QUICK);
    }

    private void edit(String path, String from, String to) throws IOException {
        Path file = site.resolve(path);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    /** What a full build without the cache writes from the sources as they are now. */
    private java.util.Map<String, String> clean() throws IOException {
        Path out = dir.resolve("clean-" + System.nanoTime());
        Run run = run("build", "--root", site.toString(), "--no-cache", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        return everything(out);
    }
}
