package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SiteBehaviourTest {

    static final String ENGINEER = BadInput.ENGINEER;
    static final InlineSite.Built MINIMAL = InlineSite.minimal().build();

    @Test
    void theMinimalSiteBuildsEveryPageWithPrettyUrls() {
        assertThat(MINIMAL.problems()).isEmpty();
        assertThat(MINIMAL.paths().stream().map(p -> p.replaceAll("^(assets/\\w+)\\.[0-9a-f]{8}\\.", "$1.HASH."))).containsExactly(
                "404.html", "_headers",
                "assets/favicon.HASH.svg", "assets/search.HASH.js", "assets/site.HASH.css",
                "faq/index.html", "feed.xml", "index.html", "methodology/index.html", "robots.txt",
                "roles/backend-architect/index.html",
                "roles/backend-engineer/faq/index.html", "roles/backend-engineer/index.html",
                "salaries/index.html", "search-index.json", "sitemap.xml",
                "skills/api-design/index.html", "skills/distributed-systems/index.html", "skills/index.html",
                "skills/sql/index.html");
    }

    @Test
    void markdownLinksToGuidesPagesAndAnchorsBecomeSiteUrls() {
        Document guide = MINIMAL.html("roles/backend-engineer/index.html");
        assertThat(guide.select(".body a").eachAttr("href")).containsExactly("/roles/backend-architect/", "/methodology/");
        assertThat(guide.select("#faq .answer a").eachAttr("href")).containsExactly("/roles/backend-architect/#pay");
        assertThat(MINIMAL.html("roles/backend-engineer/faq/index.html").select("main a[href=/roles/backend-architect/#pay]"))
                .hasSize(1);
    }

    @Test
    void theLadderLinksStepsThatAreGuidesAndMarksTheCurrentOne() {
        Document guide = MINIMAL.html("roles/backend-architect/index.html");
        assertThat(guide.select(".ladder li").eachText())
                .containsExactly("Backend Engineer $197,000–$288,000 (Software Engineering benchmark)", "Staff Engineer",
                        "Backend Architect (this role, $240,000 median)");
        assertThat(guide.select(".ladder a").eachAttr("href")).containsExactly("/roles/backend-engineer/");
        assertThat(guide.select(".ladder [aria-current=step]").text()).startsWith("Backend Architect");
    }

    @Test
    void relatedRolesPutExplicitOnesFirstThenRolesSharingTheMostSkills() {
        InlineSite.Built built = InlineSite.minimal()
                .with("content/guides/api-engineer.md", """
                        ---
                        title: API Engineer
                        summary: Builds APIs.
                        updated: 2026-10-03
                        skills: [API design, SQL, Distributed systems]
                        related: [backend-architect]
                        ---
                        Text.
                        """)
                .build();

        assertThat(built.html("roles/api-engineer/index.html").select("#related-roles th a").eachText())
                .containsExactly("Backend Architect", "Backend Engineer");
        assertThat(built.html("roles/backend-engineer/index.html").select("#related-roles th a").eachText())
                .containsExactly("Backend Architect", "API Engineer");
    }

    @Test
    void aGuideListsTheGuidesThatLinkToIt() {
        assertThat(MINIMAL.html("roles/backend-architect/index.html").select("#linked-from a").eachText())
                .containsExactly("Backend Engineer");
        assertThat(MINIMAL.html("roles/backend-engineer/index.html").select("#linked-from a").eachText())
                .containsExactly("Backend Architect");
    }

    @Test
    void aRoleBelowTheMinimumSampleFallsBackToItsCategoryAndSaysWhy() {
        Document guide = MINIMAL.html("roles/backend-engineer/index.html");
        assertThat(guide.select("#salary .note").text()).isEqualTo("These are category figures, not figures for this role. "
                + "Backend Engineer has only 12 listings, fewer than the 30 needed, so this page shows the Software "
                + "Engineering benchmark instead. Per-role figures will appear once enough listings accumulate.");
        assertThat(guide.select("#salary table").first().text()).contains("$197,000", "$288,000", "322 listings",
                "25th-75th percentile", "1 November 2026");
    }

    @Test
    void aRoleWithEnoughListingsShowsItsOwnFigures() {
        Document guide = MINIMAL.html("roles/backend-architect/index.html");
        assertThat(guide.select("#salary .note")).isEmpty();
        assertThat(guide.select("#quick-facts").text()).contains("Median pay $240,000", "45 listings");
        assertThat(guide.select("#salary table").first().text()).contains("10th percentile $150,000",
                "90th percentile $330,000", "A guide (Pub)");
    }

    @Test
    void warningsNameTheirPlaceButDoNotFailTheBuild() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(ENGINEER, "level: mid", "level: mid\nsumary: Typo.")
                .edit("content/guides/backend-architect.md", "summary: Designs the server side.",
                        "summary: " + "Designs the server side and much more. ".repeat(5).strip())
                .edit("content/guides/backend-architect.md", "[API design, Distributed systems]", "[Api Design, Distributed systems]")
                .edit(BadInput.SNAPSHOT, "\"roles\": {", "\"roles\": {\n    \"unused\": {\"category\": \"software-engineering\"},")
                .edit(ENGINEER, "related: [backend-architect]", "related: [backend-architect, backend-engineer]")
                .with("content/data/salary.json", "{}")
                .build();

        assertThat(built.result().failed()).isFalse();
        assertThat(built.problems()).containsExactly(
                "content/data/salaries.json:13:5: warning: salary role \"unused\" is not used by any guide",
                "content/data/salary.json:1:1: warning: file is not part of the site and is ignored",
                "content/guides/backend-architect.md:3:10: warning: summary is 194 characters; search engines cut it after 160",
                "content/guides/backend-engineer.md:6:1: warning: unknown key \"sumary\" in guide front matter (did you mean \"summary\"?)",
                "content/guides/backend-engineer.md:8:10: warning: skill \"API design\" is written \"Api Design\" elsewhere",
                "content/guides/backend-engineer.md:9:30: warning: \"related\" lists the guide itself");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsAreAcceptedSilently() {
        String crlf = new String(InlineSite.minimal().tree().bytes(ENGINEER), StandardCharsets.UTF_8).replace("\n", "\r\n");
        InlineSite.Built built = InlineSite.minimal().with(ENGINEER, "\uFEFF" + crlf).build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.file("roles/backend-engineer/index.html")).isEqualTo(MINIMAL.file("roles/backend-engineer/index.html"));
    }

    @Test
    void positionsCountFromTheTopOfTheFileWithWindowsLineEndings() {
        String crlf = new String(InlineSite.minimal().tree().bytes(ENGINEER), StandardCharsets.UTF_8).replace("\n", "\r\n");
        InlineSite.Built built = InlineSite.minimal().with(ENGINEER, crlf.replace("(backend-architect.md)", "(nope.md)")).build();

        assertThat(built.errors()).containsExactly(ENGINEER + ":16:43: error: broken link \"nope.md\": no guide \"nope\"");
    }

    @Test
    void contentAndTemplateSyntaxErrorsAreReportedInOneRun() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(ENGINEER, "related: [backend-architect]", "related: [backend-architec]")
                .edit("templates/skill.ftlh", "<#import", "<#imprt")
                .build();

        assertThat(built.errors()).hasSize(2);
        assertThat(built.errors().get(0)).startsWith(ENGINEER + ":8:11: error: unknown guide");
        assertThat(built.errors().get(1)).isEqualTo("templates/skill.ftlh:1:2: error: template syntax error: Unknown directive: #imprt.");
    }

    @Test
    void draftsAreLeftOutUnlessAskedFor() {
        InlineSite site = InlineSite.minimal().with("content/guides/data-engineer.md", """
                ---
                title: Data Engineer
                summary: Moves data.
                updated: 2026-10-05
                draft: true
                ---
                Text.
                """);

        assertThat(site.build().paths()).doesNotContain("roles/data-engineer/index.html");
        assertThat(site.buildWithDrafts().paths()).contains("roles/data-engineer/index.html");
    }

    @Test
    void aLinkToADraftSaysTheGuideIsADraft() {
        InlineSite site = InlineSite.minimal()
                .with("content/guides/data-engineer.md", "---\ntitle: Data Engineer\nsummary: Moves data.\nupdated: 2026-10-05\ndraft: true\n---\n")
                .edit(ENGINEER, "related: [backend-architect]", "related: [backend-architect, data-engineer]");

        assertThat(site.build().errors()).containsExactly(
                ENGINEER + ":8:30: error: guide \"data-engineer\" in related is a draft, left out of this build");
        assertThat(site.buildWithDrafts().errors()).isEmpty();
    }

    @Test
    void everyIndexListsEveryGuide() {
        for (String page : new String[] {"index.html", "salaries/index.html"}) {
            assertThat(MINIMAL.html(page).select("main a[href=/roles/backend-engineer/]")).as(page).isNotEmpty();
            assertThat(MINIMAL.html(page).select("main a[href=/roles/backend-architect/]")).as(page).isNotEmpty();
        }
        // The FAQ hub lists the guides that have questions; the architect has none.
        assertThat(MINIMAL.html("faq/index.html").select("main a[href=/roles/backend-engineer/]")).isNotEmpty();
        assertThat(MINIMAL.html("faq/index.html").select("main a[href=/roles/backend-architect/]")).isEmpty();
        assertThat(MINIMAL.html("skills/api-design/index.html").select("main .card a").eachText())
                .containsExactly("Backend Architect", "Backend Engineer");
    }

    @org.junit.jupiter.api.Test
    void bracketTextWithNoReferenceDefinitionStaysText() {
        InlineSite.Built built = InlineSite.minimal().edit(BadInput.ENGINEER, "Builds APIs.",
                "Builds APIs for [Company Name], see [^1] and [x][nope]. Also [a real one][r].")
                .edit(BadInput.ENGINEER, "## Pay", "[r]: backend-architect.md\n\n## Pay").build();

        org.assertj.core.api.Assertions.assertThat(built.errors()).isEmpty();
        var body = built.html("roles/backend-engineer/index.html").select("main p:contains(Company Name)").first();
        org.assertj.core.api.Assertions.assertThat(body.text()).contains("[Company Name]", "[^1]", "[x][nope]");
        org.assertj.core.api.Assertions.assertThat(body.select("a").eachAttr("href")).containsExactly("/roles/backend-architect/", "/roles/backend-architect/");
    }

    @org.junit.jupiter.api.Test
    void theContentsListShowsHeadingsAsReadersSeeThemNotTheirMarkdown() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ENGINEER, "## What the role is", "## **What** the `role` is")
                .edit(BadInput.ENGINEER, "## Pay", "## 2\\. Pay").build();

        org.assertj.core.api.Assertions.assertThat(built.errors()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(built.html("roles/backend-engineer/index.html").select("nav#contents a").eachText())
                .contains("What the role is", "2. Pay");
    }

    @org.junit.jupiter.api.Test
    void aGuideWithNoQuestionsHasNoFaqPageNoFaqSectionAndNoEntryInTheSitemap() {
        var guide = MINIMAL.html("roles/backend-architect/index.html");

        assertThat(MINIMAL.paths()).doesNotContain("roles/backend-architect/faq/index.html");
        assertThat(guide.select("#faq")).isEmpty();
        assertThat(guide.select("a[href$=/faq/]").eachAttr("href")).containsOnly("/faq/");
        assertThat(guide.text()).doesNotContain("No questions yet");
        assertThat(MINIMAL.file("sitemap.xml")).doesNotContain("/roles/backend-architect/faq/");
    }

    @org.junit.jupiter.api.Test
    void salaryFalseSaysARoleHasNoFiguresWithoutAWarning() {
        InlineSite.Built warned = InlineSite.minimal().with("content/guides/new-role.md",
                "---\ntitle: New Role\nsummary: A role.\nupdated: 2026-10-01\n---\nText.\n").build();
        InlineSite.Built quiet = InlineSite.minimal().with("content/guides/new-role.md",
                "---\ntitle: New Role\nsummary: A role.\nupdated: 2026-10-01\nsalary: false\n---\nText.\n").build();

        assertThat(warned.problems()).containsExactly("content/guides/new-role.md:1:1: warning: salary role \"new-role\" is not in the"
                + " snapshot; the page shows no pay figures");
        assertThat(quiet.problems()).isEmpty();
        assertThat(quiet.paths()).contains("roles/new-role/index.html");
    }
}
