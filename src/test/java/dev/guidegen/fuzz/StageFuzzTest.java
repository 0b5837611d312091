package dev.guidegen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.code_intelligence.jazzer.mutation.annotation.WithUtf8Length;
import dev.guidegen.InlineSite;
import dev.guidegen.pipeline.Build;
import dev.guidegen.content.ContentReader;
import dev.guidegen.content.MarkdownParser;
import dev.guidegen.problem.Problems;
import dev.guidegen.salary.SnapshotReader;
import dev.guidegen.source.SourceTree;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz tests for the three kinds of text an editor writes: guide front matter, the salary snapshot
 * and Markdown bodies. Whatever the text, no exception may escape and every problem must point at
 * a real place in the file it names.
 *
 * <p>Without {@code JAZZER_FUZZ} set, each test replays its seed corpus in
 * {@code src/test/resources/dev/guidegen/fuzz/StageFuzzTestInputs/<method>/}, one raw UTF-8 text
 * per file. With {@code JAZZER_FUZZ=1}, Jazzer fuzzes one test at a time (see DEVELOPERS.md).
 */
class StageFuzzTest {

    static final String GUIDE = "content/guides/backend-engineer.md";
    static final String SNAPSHOT = ContentReader.SNAPSHOT;

    /** A short valid body for the front matter test. */
    private static final String BODY = "## What the role is\n\nBuilds APIs.\n";

    /** The guide's own front matter in {@link InlineSite#MINIMAL}, fences included, for the body test. */
    private static final String FRONT_MATTER = minimalFrontMatter();

    /** The minimal site once; each input replaces one file of it. */
    private static final InlineSite SITE = InlineSite.minimal();

    @FuzzTest(maxDuration = "3m")
    void anyFrontMatterIsReadWithoutCrashingAndProblemsPointIntoTheGuide(
            @NotNull @WithUtf8Length(max = 4096) String yaml) {
        byte[] file = ("---\n" + yaml + "\n---\n" + BODY).getBytes(StandardCharsets.UTF_8);
        SourceTree tree = SITE.with(GUIDE, file).tree();

        Problems problems = new Problems();
        new ContentReader(new MarkdownParser(), false, problems).read(tree);

        ProblemPositions.assertInside(problems.sorted(), GUIDE, file);
    }

    @FuzzTest(maxDuration = "3m")
    void anySnapshotIsReadWithoutCrashingAndProblemsPointIntoTheSnapshot(
            @NotNull @WithUtf8Length(max = 4096) String json) {
        byte[] file = json.getBytes(StandardCharsets.UTF_8);
        SourceTree tree = SITE.with(SNAPSHOT, file).tree();

        Problems problems = new Problems();
        new SnapshotReader(problems).read(tree);

        ProblemPositions.assertInside(problems.sorted(), SNAPSHOT, file);
    }

    @FuzzTest(maxDuration = "3m")
    void anyGuideBodyBuildsWithoutCrashingAndProblemsPointIntoTheGuide(
            @NotNull @WithUtf8Length(max = 4096) String markdown) {
        byte[] file = (FRONT_MATTER + markdown).getBytes(StandardCharsets.UTF_8);
        SourceTree tree = SITE.with(GUIDE, file).tree();

        var result = Build.run(tree, false);

        ProblemPositions.assertInside(result.problems(), GUIDE, file);
    }

    private static String minimalFrontMatter() {
        String guide = InlineSite.MINIMAL.substring(InlineSite.MINIMAL.indexOf("-- " + GUIDE + " --\n") + GUIDE.length() + 7);
        int close = guide.indexOf("\n---\n", 4);
        return guide.substring(0, close + 5);
    }
}
