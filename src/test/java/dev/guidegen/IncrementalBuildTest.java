package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.pipeline.Build;
import dev.guidegen.pipeline.BuildResult;
import dev.guidegen.render.OutputFile;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rebuild that takes unchanged files from the previous build must make exactly what a clean build
 * of the same sources makes: every file byte for byte, and every problem.
 */
class IncrementalBuildTest {

    private static final String ENGINEER = "content/guides/backend-engineer.md";
    private static final String ARCHITECT = "content/guides/backend-architect.md";
    private static final String DATA_ENGINEER = "content/guides/data-engineer.md";

    static Stream<Arguments> edits() {
        Map<String, Edit> edits = new LinkedHashMap<>();
        edits.put("a guide's body", new Edit(InlineSite::minimal,
                s -> s.edit(ENGINEER, "Builds APIs.", "Builds APIs and the queues behind them.")));
        edits.put("a FAQ answer", new Edit(InlineSite::minimal, s -> s.edit(ENGINEER, "a: Often.", "a: Mostly.")));
        edits.put("a guide's title, which other pages show", new Edit(InlineSite::minimal,
                s -> s.edit(ARCHITECT, "title: Backend Architect", "title: Server Architect")));
        edits.put("the salary snapshot", new Edit(InlineSite::minimal,
                s -> s.edit("content/data/salaries.json", "\"median\": 240000", "\"median\": 250000")));
        edits.put("a template", new Edit(InlineSite::minimal,
                s -> s.edit("templates/guide.ftlh", "</header>", "<p>Edited.</p></header>")));
        edits.put("a deleted guide", new Edit(InlineSite::minimal,
                s -> s.without(ARCHITECT).edit(ENGINEER, "related: [backend-architect]", "related: []")
                        .edit(ENGINEER, "career_path: [backend-engineer, Staff Engineer, backend-architect]", "")
                        .edit(ENGINEER, "See [the architect](backend-architect.md#pay).", "Yes.")
                        .edit(ENGINEER, " Compare with the [architect](backend-architect.md).", "")));
        edits.put("a new guide", new Edit(InlineSite::minimal, s -> s.with("content/guides/data-engineer.md", """
                ---
                title: Data Engineer
                summary: Builds pipelines.
                updated: 2026-10-03
                level: mid
                skills: [SQL]
                related: [backend-engineer]
                salary: false
                ---
                ## What the role is

                Moves data.
                """)));
        edits.put("a guide renamed, the same guides in number and the same text", new Edit(InlineSite::minimal,
                s -> s.without(ENGINEER).with("content/guides/server-engineer.md", s.tree().bytes(ENGINEER))));
        edits.put("a new page", new Edit(InlineSite::minimal, s -> s.with("content/pages/about.md", """
                ---
                title: About
                summary: Who we are.
                ---
                We write guides.
                """)));
        edits.put("a body that now links to another guide, which lists it among the roles linking there", new Edit(
                InlineSite::minimal, s -> s.edit(ARCHITECT, "Owns the design.", "Owns the design with the [engineers](backend-engineer.md).")));
        edits.put("a body that no longer links to a guide", new Edit(InlineSite::minimal,
                s -> s.edit(ENGINEER, " Compare with the [architect](backend-architect.md).", "")));
        edits.put("a body's headings, which its contents list shows", new Edit(InlineSite::minimal,
                s -> s.edit(ENGINEER, "## What the role is", "## What the job is")));
        edits.put("a heading renamed that a page taken as it was links to", new Edit(
                () -> InlineSite.minimal().with("templates/home.ftlh", new String(InlineSite.minimal().tree()
                        .bytes("templates/home.ftlh"), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("</h1>", "</h1><p><a href=\"/roles/backend-engineer/#what-the-role-is\">The role</a></p>")),
                s -> s.edit(ENGINEER, "## What the role is", "## What the job is")));
        edits.put("a body that gains a javascript: link, which the site stage refuses", new Edit(InlineSite::minimal,
                s -> s.edit(ENGINEER, "Builds APIs.", "Builds [APIs](javascript:alert(1)).")));
        edits.put("a draft's pay key, which decides whether a snapshot role is used", new Edit(
                () -> InlineSite.minimal()
                        .edit("content/data/salaries.json", "\"architect\": {", """
                                "data-engineer": {"category": "software-engineering", "basis": "percentiles",
                                  "p25": 100000, "median": 120000, "p75": 140000, "sample": 40, "source": "guide"},
                                "architect": {""")
                        .with(DATA_ENGINEER, """
                                ---
                                title: Data Engineer
                                summary: Builds pipelines.
                                updated: 2026-10-03
                                draft: true
                                salary: data-engineer
                                ---
                                Moves data.
                                """),
                s -> s.edit(DATA_ENGINEER, "salary: data-engineer", "salary: false")));
        edits.put("a guide that now breaks a link", new Edit(InlineSite::minimal,
                s -> s.edit(ENGINEER, "(backend-architect.md#pay)", "(backend-architect.md#wages)")));
        edits.put("a summary too long, whose warning stays while the file is unchanged", new Edit(
                () -> InlineSite.minimal().edit(ARCHITECT, "summary: Designs the server side.", "summary: " + "Designs. ".repeat(30)),
                s -> s.edit(ENGINEER, "Builds APIs.", "Builds services.")));
        edits.put("site.yaml's raw HTML rules, which every Markdown file reads", new Edit(
                () -> InlineSite.minimal().edit(ENGINEER, "Builds APIs.", "Builds APIs.\n\n<iframe src=\"https://video.example.org/v/1\" title=\"Talk\"></iframe>"),
                s -> s.edit("content/site.yaml", "language: en", "language: en\nhtml:\n  iframe_hosts: [video.example.org]"), false));
        edits.put("an image that a guide shows, replaced by one of another size", new Edit(
                () -> InlineSite.fromResources("migrated-wiki"),
                s -> s.with("content/images/pipeline-wide.png", s.tree().bytes("content/images/team.png")), false));
        edits.put("an image removed that a guide shows", new Edit(
                () -> InlineSite.fromResources("migrated-wiki"), s -> s.without("content/images/pipeline-wide.png"), false));
        edits.put("a guide's body in a site with images", new Edit(
                () -> InlineSite.fromResources("migrated-wiki"), s -> s.edit(DATA_ENGINEER, "pipeline", "data pipeline")));
        return edits.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** {@code reuses} is false for an edit that every Markdown file's parse reads, which reparses them all. */
    record Edit(java.util.function.Supplier<InlineSite> before, UnaryOperator<InlineSite> change, boolean reuses) {
        Edit(java.util.function.Supplier<InlineSite> before, UnaryOperator<InlineSite> change) {
            this(before, change, true);
        }

        @Override
        public String toString() {
            return "edit";
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void aRebuildInTheSameProcessMakesWhatACleanBuildMakesAfterEditing(String what, Edit edit) {
        InlineSite before = edit.before().get();
        InlineSite after = edit.change().apply(before);
        Build.Memo memo = new Build.Memo();
        Build.run(before.tree(), false, memo);
        BuildResult rebuilt = Build.run(after.tree(), false, memo);
        BuildResult clean = Build.run(after.tree(), false);

        assertThat(rebuilt.problems()).isEqualTo(clean.problems());
        assertThat(files(rebuilt)).isEqualTo(files(clean));
        assertThat(rebuilt.stats()).isEqualTo(clean.stats());
        if (edit.reuses()) {
            assertThat(memo.parses().reused()).as("files taken from the memo").isPositive();
        } else {
            assertThat(memo.parses().reused()).as("files taken from the memo").isZero();
        }
    }

    @org.junit.jupiter.api.Test
    void aRebuildAfterABodyEditParsesRendersAndScansOnlyThatGuide() {
        InlineSite before = InlineSite.minimal();
        InlineSite after = before.edit(ENGINEER, "Builds APIs.", "Builds APIs and queues.");
        Build.Memo memo = new Build.Memo();
        BuildResult first = Build.run(before.tree(), false, memo);
        BuildResult rebuilt = Build.run(after.tree(), false, memo);

        long pages = pages(rebuilt);
        assertThat(memo.parses().reused()).isEqualTo(2); // the other guide and the page
        assertThat(memo.snapshots().reused()).isEqualTo(1);
        // The guide's FAQ page is made from the same view of the role, so it is rendered again too;
        // its bytes come out the same, so it is not scanned again.
        assertThat(memo.pages().reused()).isEqualTo(pages - 2);
        assertThat(memo.scans().reused()).isEqualTo(pages - 1);
        // Its links are checked again; every other page's were settled by the last check.
        assertThat(memo.scans().checked()).isEqualTo(1);
        java.util.Set<String> changed = new java.util.TreeSet<>();
        Map<String, String> old = files(first);
        files(rebuilt).forEach((path, text) -> {
            if (!text.equals(old.get(path))) {
                changed.add(path);
            }
        });
        assertThat(changed).containsExactly("roles/backend-engineer/index.html");
    }

    @org.junit.jupiter.api.Test
    void aBodyEditRendersOnlyTheGuidesOwnPagesAndTakesTheRestAsTheyWere() {
        InlineSite before = InlineSite.minimal();
        InlineSite after = before.edit(ENGINEER, "Builds APIs.", "Builds APIs and queues.");
        Build.Memo memo = new Build.Memo();
        Build.run(before.tree(), false, memo);
        BuildResult rebuilt = Build.run(after.tree(), false, memo);

        long pages = pages(rebuilt);
        assertThat(memo.pages().takenUnchanged()).isEqualTo(pages - 2); // all but its page and its FAQ page
        assertThat(memo.sites().taken()).as("the site taken as it was, with the guide's new body").isTrue();
        assertThat(files(rebuilt)).isEqualTo(files(Build.run(after.tree(), false)));
    }

    @org.junit.jupiter.api.Test
    void aRebuildWithNothingChangedTakesEveryPageAsItWasAndTheNextEditStillMatchesACleanBuild() {
        InlineSite before = InlineSite.minimal();
        InlineSite after = before.edit(ENGINEER, "Builds APIs.", "Builds APIs and queues.");
        Build.Memo memo = new Build.Memo();
        BuildResult first = Build.run(before.tree(), false, memo);
        BuildResult again = Build.run(before.tree(), false, memo);

        long pages = pages(again);
        assertThat(memo.pages().takenUnchanged()).isEqualTo(pages);
        assertThat(memo.scans().checked()).isZero();
        assertThat(files(again)).isEqualTo(files(first));
        assertThat(again.problems()).isEqualTo(first.problems());
        BuildResult rebuilt = Build.run(after.tree(), false, memo);
        assertThat(files(rebuilt)).isEqualTo(files(Build.run(after.tree(), false)));
    }

    @org.junit.jupiter.api.Test
    void aBuildAfterAFailedOneWorksOutEveryPageAgainAndMatchesACleanBuild() {
        InlineSite good = InlineSite.minimal();
        InlineSite broken = good.edit(ENGINEER, "Builds APIs.", "Builds [APIs](nowhere.md).");
        InlineSite fixed = good.edit(ENGINEER, "Builds APIs.", "Builds services.");
        Build.Memo memo = new Build.Memo();
        Build.run(good.tree(), false, memo);
        assertThat(Build.run(broken.tree(), false, memo).failed()).isTrue();
        BuildResult rebuilt = Build.run(fixed.tree(), false, memo);

        assertThat(memo.pages().takenUnchanged()).isZero();
        assertThat(rebuilt.problems()).isEmpty();
        assertThat(files(rebuilt)).isEqualTo(files(Build.run(fixed.tree(), false)));
    }

    @org.junit.jupiter.api.Test
    void editsOfEveryKindOneAfterAnotherThroughOneMemoEachMatchACleanBuild() {
        InlineSite start = InlineSite.minimal();
        InlineSite body = start.edit(ENGINEER, "Builds APIs.", "Builds APIs and queues.");
        InlineSite bodyAgain = body.edit(ENGINEER, "Builds APIs and queues.", "Builds APIs, queues and caches.");
        InlineSite title = bodyAgain.edit(ARCHITECT, "title: Backend Architect", "title: Server Architect");
        InlineSite broken = title.edit(ENGINEER, "Builds APIs, queues and caches.", "Builds [APIs](nowhere.md).");
        InlineSite template = title.edit("templates/guide.ftlh", "</header>", "<p>Edited.</p></header>");
        InlineSite brokenTemplate = template.edit("templates/guide.ftlh", "<p>Edited.</p>", "<a href=\"/no-such-page/\">x</a>");
        InlineSite badSyntax = template.edit("templates/guide.ftlh", "<p>Edited.</p>", "<p>Edited.</p><#if>");
        java.util.List<InlineSite> sites = java.util.List.of(start, body, bodyAgain, body, title, broken, title, bodyAgain,
                template, brokenTemplate, template, badSyntax, badSyntax, template, template.edit(ENGINEER,
                        "Builds APIs, queues and caches.", "Builds APIs."), start, start);
        Build.Memo memo = new Build.Memo();
        int settled = 0;
        for (int i = 0; i < sites.size(); i++) {
            BuildResult rebuilt = Build.run(sites.get(i).tree(), false, memo);
            BuildResult clean = Build.run(sites.get(i).tree(), false);
            assertThat(rebuilt.problems()).as("problems of build %d", i).isEqualTo(clean.problems());
            assertThat(files(rebuilt)).as("files of build %d", i).isEqualTo(files(clean));
            assertThat(rebuilt.stats()).as("counts of build %d", i).isEqualTo(clean.stats());
            if (memo.sites().taken()) {
                settled++; // the site taken as it was: the settled way, after a build that succeeded
            }
        }
        assertThat(Build.run(broken.tree(), false).failed()).isTrue();
        assertThat(Build.run(brokenTemplate.tree(), false).failed()).isTrue();
        assertThat(Build.run(badSyntax.tree(), false).problems()).anySatisfy(
                p -> assertThat(p.toString()).contains("templates/guide.ftlh").contains("template syntax error"));
        assertThat(settled).as("builds that took the other pages as they were").isGreaterThanOrEqualTo(4);
    }

    @org.junit.jupiter.api.Test
    void aSettledRebuildWhoseLinkCheckFailsReportsItAsACleanBuildDoesAndTheNextMatchesToo() {
        // Raw HTML's src on a video is no target the site stage follows, so such an edit is one of the body alone.
        InlineSite start = InlineSite.minimal().edit("content/site.yaml", "language: en", "language: en\nhtml:\n  unsafe: true");
        InlineSite missing = start.edit(ENGINEER, "Builds APIs.", "Builds APIs.\n\n<video src=\"/missing.mp4\"></video>");
        InlineSite fixed = start.edit(ENGINEER, "Builds APIs.", "Builds APIs and queues.");
        Build.Memo memo = new Build.Memo();
        assertThat(Build.run(start.tree(), false, memo).failed()).isFalse();

        BuildResult rebuilt = Build.run(missing.tree(), false, memo);
        assertThat(memo.sites().taken()).as("the settled way").isTrue();
        BuildResult clean = Build.run(missing.tree(), false);
        assertThat(clean.problems()).anySatisfy(p -> assertThat(p.message()).contains("broken link \"/missing.mp4\""));
        assertThat(rebuilt.problems()).isEqualTo(clean.problems());
        assertThat(rebuilt.stats()).isEqualTo(clean.stats());

        for (InlineSite next : java.util.List.of(fixed, start, fixed)) {
            BuildResult again = Build.run(next.tree(), false, memo);
            BuildResult cleanAgain = Build.run(next.tree(), false);
            assertThat(again.problems()).isEqualTo(cleanAgain.problems());
            assertThat(files(again)).isEqualTo(files(cleanAgain));
            assertThat(again.stats()).isEqualTo(cleanAgain.stats());
        }
    }

    /**
     * A hundred builds through one memo, each changing one thing of the site at random (with a fixed
     * seed): the engineer's body text, its FAQ answer, the architect's body, a title, a template.
     * Most are edits of bodies alone, which go the settled way; now and then one breaks a link,
     * in raw HTML the site stage does not follow, in Markdown it does, or in the template. Each
     * build must make what a clean build of the same sources makes.
     */
    @org.junit.jupiter.api.Test
    void aLongWalkOfEditsThroughOneMemoMatchesACleanBuildAtEveryStep() {
        // For each thing: what it is in the minimal site, what else it may become, and (last) what breaks a link.
        String[][] choices = {
            {"Builds APIs.", "Builds APIs and queues.", "Builds APIs, queues and caches.",
                "Builds APIs.\n\n<p id=\"extra\">Raw.</p>", "Builds APIs.\n\n## A heading of its own\n\nMore text.",
                "Builds APIs.\n\n<video src=\"/missing.mp4\"></video>"},
            {"a: Often. See [the architect](backend-architect.md#pay).", "a: Mostly. See [the architect](backend-architect.md#pay).",
                "a: Often. See [the architect](backend-architect.md#no-such-anchor)."},
            {"Owns the design.", "Owns the design and its reviews.", "Owns the design.\n\n## Pay history\n\nRose.",
                "Owns the design, see [nowhere](nowhere.md)."},
            {"title: Backend Architect", "title: Server Architect"},
            {"</header>", "<p>Edited.</p></header>", "<a href=\"/no-such-page/\">x</a></header>"},
        };
        String[] files = {ENGINEER, ENGINEER, ARCHITECT, ARCHITECT, "templates/guide.ftlh"};
        boolean[] breaks = {true, true, true, false, true};
        int[] now = new int[choices.length];
        java.util.Random random = new java.util.Random(5);
        Build.Memo memo = new Build.Memo();
        int settled = 0;
        int failed = 0;
        int settledAndFailed = 0;
        for (int step = 0; step < 100; step++) {
            // Bodies change most often, as an editor's do; each step changes something, and breaks a link one time in six.
            int what = random.nextInt(10) < 7 ? random.nextInt(3) : 3 + random.nextInt(choices.length - 3);
            int fine = breaks[what] ? choices[what].length - 1 : choices[what].length;
            int next = breaks[what] && random.nextInt(6) == 0 ? fine : random.nextInt(fine);
            now[what] = next == now[what] ? (next + 1) % fine : next;
            InlineSite site = InlineSite.minimal().edit("content/site.yaml", "language: en", "language: en\nhtml:\n  unsafe: true");
            for (int k = 0; k < choices.length; k++) {
                if (now[k] != 0) {
                    site = site.edit(files[k], choices[k][0], choices[k][now[k]]);
                }
            }
            BuildResult rebuilt = Build.run(site.tree(), false, memo);
            boolean wasSettled = memo.sites().taken();
            BuildResult clean = Build.run(site.tree(), false);
            String at = "step " + step + ", choices " + java.util.Arrays.toString(now);
            assertThat(rebuilt.problems()).as(at).isEqualTo(clean.problems());
            assertThat(files(rebuilt)).as(at).isEqualTo(files(clean));
            assertThat(rebuilt.stats()).as(at).isEqualTo(clean.stats());
            settled += wasSettled ? 1 : 0;
            failed += clean.failed() ? 1 : 0;
            settledAndFailed += wasSettled && clean.failed() ? 1 : 0;
        }
        assertThat(settled).as("builds that went the settled way").isGreaterThanOrEqualTo(10);
        assertThat(failed).as("builds that failed").isBetween(3, 70);
        assertThat(settledAndFailed).as("builds that went the settled way and failed").isPositive();
    }

    /** How many pages a build made. */
    private static long pages(BuildResult result) {
        return result.files().stream().filter(f -> f.path().endsWith(".html")).count();
    }

    /** Each file's path and text, so that a difference shows as text. */
    private static Map<String, String> files(BuildResult result) {
        Map<String, String> files = new LinkedHashMap<>();
        for (OutputFile f : result.files()) {
            files.put(f.path(), new String(f.bytes(), StandardCharsets.UTF_8));
        }
        return files;
    }
}
