package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandLineTest {

    @TempDir
    Path root;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    static void write(Path root, InlineSite site) {
        site.tree().files().forEach((path, bytes) -> {
            try {
                Path p = root.resolve(path);
                Files.createDirectories(p.getParent());
                Files.write(p, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    @Test
    void aGoodSiteBuildsWithExitZeroAndOneSummaryLine() {
        write(root, InlineSite.minimal());

        Run run = run("build", "--root", root.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).matches("Built 12 pages \\(2 guides, 1 FAQ page, 3 skill pages, 1 plain page, 0 comparison pages, 5 other pages\\) in \\d+ ms\\n");
        assertThat(root.resolve("site-output/roles/backend-engineer/index.html")).exists();
        assertThat(root.resolve("site-output/index.html")).exists();
    }

    @Test
    void checkRunsTheWholeBuildAndWritesNothing() {
        write(root, InlineSite.minimal());

        Run good = run("check", "--root", root.toString());
        write(root, InlineSite.minimal().edit(BadInput.ENGINEER, "related: [backend-architect]", "related: [backend-architec]"));
        Run bad = run("check", "--root", root.toString());

        assertThat(good.exit()).isZero();
        assertThat(good.out()).isEqualTo("Checked 12 pages (2 guides, 1 FAQ page, 3 skill pages, 1 plain page, 0 comparison pages, "
                + "5 other pages): 0 errors, 0 warnings\n");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).startsWith(BadInput.ENGINEER + ":8:11: error: unknown guide \"backend-architec\" in related");
        assertThat(bad.out()).isEqualTo("Check failed: 1 error, 0 warnings\n");
        assertThat(root.resolve("site-output")).doesNotExist();
    }

    @Test
    void checkPrintsExactlyOneGitHubAnnotationPerProblemAndWritesNothing() {
        write(root, InlineSite.minimal().edit(BadInput.ENGINEER, "related: [backend-architect]", "related: [backend-architec]")
                .edit(BadInput.ARCHITECT, "level: principal", "level: principle")
                .edit(BadInput.ENGINEER, "level: mid", "level: mid\ncolour: blue"));

        Run run = run("check", "--root", root.toString(), "--format", "github");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().map(l -> l.substring(0, l.indexOf("title="))).toList()).containsExactly(
                "::error file=" + BadInput.ARCHITECT + ",line=5,col=8,",
                "::warning file=" + BadInput.ENGINEER + ",line=6,col=1,",
                "::error file=" + BadInput.ENGINEER + ",line=9,col=11,");
        assertThat(run.err()).isEqualTo("Check failed: 2 errors, 1 warning\n");
        assertThat(root.resolve("site-output")).doesNotExist();
    }

    @Test
    void checkPrintsGitHubAnnotationsAtEachProblemsLine() {
        write(root, InlineSite.minimal().edit(BadInput.ENGINEER, "related: [backend-architect]", "related: [backend-architec]")
                .edit(BadInput.ENGINEER, "level: mid", "level: mid\ncolour: blue"));

        Run run = run("check", "--root", root.toString(), "--format", "github");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().toList()).containsExactly(
                "::warning file=" + BadInput.ENGINEER + ",line=6,col=1,title=guidegen::unknown key \"colour\" in guide front matter"
                        + "%0Ahint: known keys: aliases, career_path, compare, draft, experience, faq, group, level, related, salary, skills,"
                        + " summary, title, updated",
                "::error file=" + BadInput.ENGINEER + ",line=9,col=11,title=guidegen::unknown guide \"backend-architec\" in related"
                        + " (did you mean \"backend-architect\"?)%0Ahint: guides: backend-architect, backend-engineer");
        assertThat(run.err()).isEqualTo("Check failed: 1 error, 1 warning\n");
    }

    @Test
    void checkAndBuildPrintProblemsAsJson() throws Exception {
        write(root, InlineSite.minimal().edit(BadInput.ENGINEER, "related: [backend-architect]", "related: [backend-architec]"));

        Run check = run("check", "--root", root.toString(), "--format", "json");
        Run build = run("build", "--root", root.toString(), "--format", "json");

        var problems = new com.fasterxml.jackson.databind.ObjectMapper().readTree(check.out());
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).toString()).isEqualTo("{\"file\":\"" + BadInput.ENGINEER + "\",\"line\":8,\"col\":11,"
                + "\"severity\":\"error\",\"message\":\"unknown guide \\\"backend-architec\\\" in related (did you mean "
                + "\\\"backend-architect\\\"?)\",\"hint\":\"guides: backend-architect, backend-engineer\"}");
        assertThat(build.exit()).isEqualTo(1);
        assertThat(build.out().strip()).isEqualTo(check.out().strip());
        assertThat(run("check", "--root", root.toString(), "--format", "xml").exit()).isEqualTo(2);
    }

    @Test
    void newGuideWritesASkeletonThatBuildsAsItIs() throws Exception {
        write(root, GroupTest.grouped());

        Run made = run("new", "guide", "site-reliability-engineer", "--root", root.toString());
        Run check = run("check", "--root", root.toString());

        assertThat(made.exit()).isZero();
        assertThat(made.out()).isEqualTo("Created content/guides/site-reliability-engineer.md\n");
        String text = Files.readString(root.resolve("content/guides/site-reliability-engineer.md"));
        assertThat(text).startsWith("---\ntitle: Site Reliability Engineer\n").contains("\nupdated: " + java.time.LocalDate.now() + "\n",
                "\ngroup: backend\n", "\n# faq:\n", "\n# draft: true\n");
        assertThat(check.exit()).isZero();
        assertThat(check.out()).endsWith(": 0 errors, 0 warnings\n");
        assertThat(run("new", "page", "careers", "--root", root.toString()).exit()).isZero();
        assertThat(run("check", "--root", root.toString()).exit()).isZero();
    }

    @Test
    void newRefusesABadOrTakenSlugWithAHint() {
        write(root, InlineSite.minimal());

        Run bad = run("new", "guide", "Data Analyst", "--root", root.toString());
        Run taken = run("new", "guide", "Backend-Engineer", "--root", root.toString());
        Run lower = run("new", "guide", "backend-engineer", "--root", root.toString());
        Run reserved = run("new", "page", "salaries", "--root", root.toString());

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("guidegen: \"Data Analyst\" is not a slug: use lowercase letters, digits and single "
                + "hyphens, like data-analyst\n");
        assertThat(taken.exit()).isEqualTo(2);
        assertThat(lower.err()).isEqualTo("guidegen: content/guides/backend-engineer.md exists already (slugs ignore case); "
                + "choose another name\n");
        assertThat(reserved.err()).isEqualTo("guidegen: \"salaries\" is taken by the site's own /salaries/ URL; choose another name\n");
        // The suggestion is made as skill names' URLs are: accents dropped, '+' and '#' spelt out.
        assertThat(run("new", "guide", "Über C++ Dev", "--root", root.toString()).err())
                .endsWith(", like uber-c-plus-plus-dev\n");
    }

    @Test
    void newUsesTheSitesArchetypeWhenThereIsOne() throws Exception {
        write(root, InlineSite.minimal().with("templates/archetypes/page.md",
                "---\ntitle: {{title}}\nsummary: About {{slug}}.\n---\nWritten {{date}}.\n"));

        assertThat(run("new", "page", "team-values", "--root", root.toString()).exit()).isZero();
        assertThat(Files.readString(root.resolve("content/pages/team-values.md")))
                .isEqualTo("---\ntitle: Team Values\nsummary: About team-values.\n---\nWritten " + java.time.LocalDate.now() + ".\n");
        assertThat(run("check", "--root", root.toString()).out()).endsWith(": 0 errors, 0 warnings\n");
    }

    @Test
    void outWritesTheSiteWhereItIsTold() {
        write(root, InlineSite.minimal());

        Run run = run("build", "--root", root.toString(), "--out", root.resolve("elsewhere").toString());

        assertThat(run.exit()).isZero();
        assertThat(root.resolve("elsewhere/salaries/index.html")).exists();
        assertThat(root.resolve("site-output")).doesNotExist();
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run("build", "--no-such-flag").exit()).isEqualTo(2);
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run("build", "--root", root.resolve("missing").toString()).exit()).isEqualTo(2);
    }

    @Test
    void anOutputDirectoryThatWouldReplaceTheSourcesIsRefused() throws IOException {
        write(root, InlineSite.minimal());
        Map<String, String> sources = snapshot(root.resolve("content"));

        for (Path out : List.of(root, root.resolve("content"), root.resolve("templates/assets"), root.getParent())) {
            Run run = run("build", "--root", root.toString(), "--out", out.toString());
            assertThat(run.exit()).as(out.toString()).isEqualTo(2);
            assertThat(run.err()).startsWith("guidegen: --out " + out.toAbsolutePath().normalize());
        }

        assertThat(snapshot(root.resolve("content"))).isEqualTo(sources);
        assertThat(root.resolve("templates/guide.ftlh")).exists();
    }

    @Test
    void problemsAreListedSortedWithHintsBeforeTheFailureLine() {
        write(root, InlineSite.minimal()
                .edit(BadInput.ENGINEER, "related: [backend-architect]", "related: [backend-architec]")
                .edit(BadInput.ARCHITECT, "updated: 2026-10-02", "updated: soon"));

        Run run = run("build", "--root", root.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("""
                content/guides/backend-architect.md:4:10: error: "updated" must be a date written YYYY-MM-DD, not "soon"
                 4 | updated: soon
                   |          ^
                content/guides/backend-engineer.md:8:11: error: unknown guide "backend-architec" in related (did you mean "backend-architect"?)
                 8 | related: [backend-architec]
                   |           ^
                    hint: guides: backend-architect, backend-engineer
                Build failed: 2 errors, 0 warnings; nothing was written
                """);
        assertThat(run.out()).isEmpty();
    }

    static Stream<BadInput> cases() {
        return BadInput.all();
    }

    @ParameterizedTest(name = "{0}: exit 1, the message, and the previous site-output untouched")
    @MethodSource("cases")
    void badInputExitsWithOneAndLeavesThePreviousSiteByteForByte(BadInput bad) throws IOException {
        write(root, InlineSite.minimal());
        assertThat(run("build", "--root", root.toString()).exit()).isZero();
        Map<String, String> before = snapshot(root.resolve("site-output"));
        write(root, bad.edit().apply(InlineSite.minimal()));
        if (bad.name().equals("a missing template")) {
            Files.delete(root.resolve("templates/skill.ftlh"));
        }

        Run run = run("build", "--root", root.toString());

        assertThat(run.exit()).isEqualTo(1);
        for (String error : bad.errors()) {
            assertThat(run.err()).contains(error + "\n");
        }
        assertThat(snapshot(root.resolve("site-output"))).isEqualTo(before);
        try (Stream<Path> siblings = Files.list(root)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).doesNotContain(".site-output.tmp", ".site-output.old");
        }
    }
}
