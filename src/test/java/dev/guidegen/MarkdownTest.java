package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.problem.Problem;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What editors write in Markdown, as the README's Markdown reference describes it: each rule on a small inline site. */
class MarkdownTest {

    static final String ENGINEER = BadInput.ENGINEER;
    static final String PAGE = "roles/backend-engineer/index.html";

    /** The minimal site with the engineer's "Builds APIs." paragraph replaced by {@code markdown}. */
    static InlineSite withBody(String markdown) {
        return InlineSite.minimal().edit(ENGINEER, "Builds APIs.", markdown);
    }

    static List<String> hints(InlineSite.Built built) {
        return built.result().problems().stream().map(Problem::hint).toList();
    }

    @Test
    void aCustomHeadingIdIsTheHeadingsIdForLinksAndTheContentsList() {
        InlineSite.Built built = withBody("Builds APIs. See [the glance](#glance).\n\n## Pay at a glance {#glance}\n\nText.")
                .build();

        var page = built.html(PAGE);
        assertThat(built.problems()).isEmpty();
        assertThat(page.select("h2#glance").text()).isEqualTo("Pay at a glance");
        assertThat(page.select("nav.toc a[href=#glance]").text()).isEqualTo("Pay at a glance");
        assertThat(page.select("a[href=/roles/backend-engineer/#glance]").text()).isEqualTo("the glance");
    }

    @Test
    void aLinkToTheIdAHeadingsTextWouldMakeFailsOnceItHasACustomId() {
        InlineSite.Built built = withBody("See [x](#pay-at-a-glance).\n\n## Pay at a glance {#glance}\n\nText.").build();

        assertThat(built.errors()).containsExactly(ENGINEER + ":16:9: error: broken link \"#pay-at-a-glance\": no heading "
                + "\"#pay-at-a-glance\" in " + ENGINEER);
    }

    @Test
    void aCustomIdWrittenTwiceIsAnErrorAtTheSecondHeading() {
        InlineSite.Built built = withBody("Text.\n\n## One {#same}\n\n## Two {#same}\n\nText.").build();

        assertThat(built.errors()).containsExactly(ENGINEER + ":20:1: error: heading id \"same\" is written twice");
    }

    @Test
    void aHeadingWhoseTextMakesACustomIdThatIsTakenGetsTheNextNumber() {
        InlineSite.Built built = withBody("Text.\n\n## Example\n\n## Other {#example}\n\nText.").build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.html(PAGE).select("div.body h2").eachAttr("id"))
                .containsExactly("what-the-role-is", "example-1", "example", "pay");
    }

    @Test
    void aCustomIdThatIsNotANameIsAnErrorAtTheId() {
        InlineSite.Built built = withBody("Text.\n\n## One {#a.b}\n\nText.").build();

        assertThat(built.errors()).containsExactly(ENGINEER + ":18:10: error: heading id \"a.b\" must start with a letter and "
                + "hold only letters, digits, hyphens and underscores");
    }

    @Test
    void footnotesInFaqAnswersGetIdsOfTheirOwnSoAnswersNeverShareOne() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(ENGINEER, "a: Often. See [the architect](backend-architect.md#pay).",
                        "a: \"Often.[^1]\\n\\n[^1]: Most postings say so.\"\n  - q: Is there on-call?\n    a: \"Yes.[^1]\\n\\n[^1]: Weekly.\"")
                .edit(ENGINEER, "Builds APIs.", "Builds APIs.[^1]\n\n[^1]: Body note.")
                .build();

        var page = built.html(PAGE);
        assertThat(built.problems()).isEmpty();
        assertThat(page.select("[id$=fn-1]").eachAttr("id"))
                .containsExactly("fn-1", "backend-engineer.faq-1.fn-1", "backend-engineer.faq-2.fn-1");
        assertThat(page.select("a.footnote-ref").eachAttr("href"))
                .containsExactly("#fn-1", "#backend-engineer.faq-1.fn-1", "#backend-engineer.faq-2.fn-1");
    }

    @Test
    void anUndefinedFootnoteAndBracketedTextStayAsWritten() {
        InlineSite.Built built = withBody("Builds APIs at [Company Name][^9], see [x][nope].").build();

        var body = built.html(PAGE).selectFirst("div.body");
        assertThat(built.problems()).isEmpty();
        assertThat(body.text()).contains("Builds APIs at [Company Name][^9], see [x][nope].");
        assertThat(body.select("a[href*=Company], a[href*=nope], sup")).isEmpty();
    }

    @Test
    void aDuplicateSlugIsOneErrorNamingBothFilesAndNothingElse() {
        InlineSite site = InlineSite.minimal();
        InlineSite.Built built = site.with("content/guides/Backend-Architect.md",
                new String(site.tree().bytes(BadInput.ARCHITECT), java.nio.charset.StandardCharsets.UTF_8)).build();

        assertThat(built.problems()).containsExactly(BadInput.ARCHITECT + ":1:1: error: duplicate slug \"backend-architect\": "
                + "content/guides/Backend-Architect.md has it too");
    }

    @Test
    void strikethroughAndAutolinksRender() {
        InlineSite.Built built = withBody("Builds ~~SOAP~~ APIs, see www.example.org and <https://example.org/a>.").build();

        var body = built.html(PAGE).selectFirst("div.body");
        assertThat(built.problems()).isEmpty();
        assertThat(body.select("del").text()).isEqualTo("SOAP");
        assertThat(body.select("a").eachAttr("href")).contains("http://www.example.org", "https://example.org/a");
    }

    @Test
    void aTaskListShowsDisabledNamedBoxesNotBrackets() {
        InlineSite.Built built = withBody("Steps:\n\n- [x] Learn SQL\n- [ ] Learn Go\n\nThen:").build();

        var items = built.html(PAGE).select("li.task-list-item");
        assertThat(items.eachText()).containsExactly("Learn SQL", "Learn Go");
        assertThat(items.select("input[type=checkbox][disabled]").eachAttr("aria-label")).containsExactly("done", "not done");
        assertThat(items.select("input[checked]")).hasSize(1);
    }

    @Test
    void allowedRawHtmlRendersAsElementsWithoutAWarning() {
        InlineSite.Built built = withBody("Press <kbd>Ctrl</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <mark>key</mark>,"
                + " <abbr title=\"Application programming interface\">API</abbr>.\n\n"
                + "<details>\n<summary>More</summary>\n\nHidden **text**.\n\n</details>\n\n"
                + "| a | b |\n|---|---|\n| one<br>two | three |\n\n<dl><dt>SLA</dt><dd>Service level agreement</dd></dl>").build();

        var body = built.html(PAGE).selectFirst("div.body");
        assertThat(built.problems()).isEmpty();
        assertThat(body.select("kbd, sub, sup, mark, abbr[title], details > summary, details strong, td > br, dl > dt, dl > dd"))
                .hasSize(10);
        assertThat(body.text()).doesNotContain("<");
    }

    @Test
    void droppedRawHtmlGetsOneWarningEachAtItsLineAndTheTextOfWrappersStays() {
        InlineSite.Built built = withBody("Builds APIs.\n\n<center>Middle</center>\n\n<p align=\"center\" style=\"color:red\">Said</p>"
                + "\n\n<!-- note -->\n\n<style>p{}</style>\n\n<a href=\"https://example.org/\" target=\"_blank\">out</a>").build();

        var body = built.html(PAGE).selectFirst("div.body");
        assertThat(built.problems()).containsExactly(
                ENGINEER + ":18:1: warning: <center> is left out; the text inside it is kept",
                ENGINEER + ":20:1: warning: <p> loses align, style: the site's stylesheet decides how the page looks",
                ENGINEER + ":22:1: warning: HTML comment left out of the page",
                ENGINEER + ":24:1: warning: <style> is left out: the site's stylesheet styles every page",
                ENGINEER + ":26:1: warning: <a> loses target: it is not on the list of attributes that element may keep");
        assertThat(body.select("center, style, [align], [style], [target]")).isEmpty();
        assertThat(body.text()).contains("Middle", "Said", "out").doesNotContain("note", "p{}");
    }

    @Test
    void iframesAreKeptOnlyFromHostsOnTheAllowlist() {
        String embeds = "Builds APIs.\n\n<iframe src=\"https://www.youtube-nocookie.com/embed/a\" title=\"Talk\"></iframe>\n\n"
                + "<iframe src=\"https://evil.example/x\" title=\"Other\"></iframe>";
        InlineSite.Built closed = withBody(embeds).build();
        InlineSite.Built open = withBody(embeds).edit("content/site.yaml", "language: en",
                "language: en\nhtml:\n  iframe_hosts: [www.youtube-nocookie.com]").build();

        assertThat(closed.problems()).containsExactly(
                ENGINEER + ":18:1: warning: <iframe> from www.youtube-nocookie.com is left out: its host is not in "
                        + "html.iframe_hosts in content/site.yaml",
                ENGINEER + ":20:1: warning: <iframe> from evil.example is left out: its host is not in html.iframe_hosts "
                        + "in content/site.yaml");
        assertThat(hints(closed).get(0)).isEqualTo("add www.youtube-nocookie.com to html.iframe_hosts in content/site.yaml"
                + " to allow it, or link to the page instead");
        assertThat(closed.html(PAGE).select("iframe")).isEmpty();
        assertThat(open.problems()).containsExactly(ENGINEER + ":20:1: warning: <iframe> from evil.example is left out: "
                + "its host is not in html.iframe_hosts in content/site.yaml");
        assertThat(open.html(PAGE).select("iframe").eachAttr("src")).containsExactly("https://www.youtube-nocookie.com/embed/a");
    }

    @Test
    void aTrustedSiteMayPassRawHtmlThroughUnchanged() {
        InlineSite.Built built = withBody("Builds APIs.\n\n<div class=\"callout\" style=\"color:red\"><!-- kept -->Note</div>")
                .edit("content/site.yaml", "language: en", "language: en\nhtml:\n  unsafe: true").build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.file(PAGE)).contains("<div class=\"callout\" style=\"color:red\"><!-- kept -->Note</div>");
    }

    @Test
    void rawHtmlLinksAreResolvedAndCheckedLikeMarkdownLinks() {
        InlineSite.Built good = withBody("See the <a href=\"backend-architect.md#pay\">architect</a>.").build();
        InlineSite.Built bad = withBody("See the <a href=\"backend-archtect.md\">architect</a>.").build();

        assertThat(good.html(PAGE).select("div.body a").attr("href")).isEqualTo("/roles/backend-architect/#pay");
        assertThat(bad.errors()).containsExactly(ENGINEER + ":16:18: error: broken link \"backend-archtect.md\": no guide "
                + "\"backend-archtect\" (did you mean \"backend-architect\"?)");
    }

    @Test
    void anIdInRawHtmlIsAnAnchorLinksMayPointAt() {
        InlineSite.Built built = withBody("See [the old anchor](#legacy).\n\n<a id=\"legacy\"></a>Kept from the wiki.").build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.html(PAGE).select("div.body a#legacy")).hasSize(1);
        assertThat(built.html(PAGE).select("a[href=/roles/backend-engineer/#legacy]")).hasSize(1);
    }

    @Test
    void anIdInRawHtmlThatThePageHasOrThatIsNoNameIsAnError() {
        InlineSite.Built built = withBody("Text.\n\n<div id=\"salary\">x</div>\n\n<span id=\"pay\">y</span>\n\n"
                + "<span id=\"a.b\">z</span>\n\n<a name=\"old\"></a>").build();

        assertThat(built.problems()).containsExactly(
                ENGINEER + ":18:10: error: id \"salary\" is already on the page, for its own section",
                ENGINEER + ":20:11: error: id \"pay\" is already on the page, on a heading or another element",
                ENGINEER + ":22:11: error: id \"a.b\" must start with a letter and hold only letters, digits, hyphens and "
                        + "underscores",
                ENGINEER + ":24:1: warning: <a> loses name: an anchor is named with id=\"...\" now");
    }

    @Test
    void aLinkThatFirstFailsInTheOutputCheckIsReportedWhereTheContentWroteIt() {
        InlineSite.Built built = withBody("Builds APIs. Compare [all pay](/salaries/#nowhere).").build();

        assertThat(built.errors()).containsExactly(ENGINEER + ":16:32: error: broken link \"/salaries/#nowhere\": no element "
                + "with id \"nowhere\" on that page (on /roles/backend-engineer/)");
    }

    @Test
    void aLinkWrittenWithTheSitesOwnAddressIsCheckedAsASiteUrl() {
        InlineSite.Built built = withBody("Builds APIs. See https://guides.example.org/old/page/ for more.").build();

        assertThat(built.errors()).containsExactly(ENGINEER + ":16:18: error: broken link "
                + "\"https://guides.example.org/old/page/\": no page at /old/page/");
    }

    static final byte[] PNG = png(40, 30);

    static byte[] png(int width, int height) {
        try {
            var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anImageInContentImagesIsPublishedWithItsSize() {
        InlineSite.Built built = withBody("Builds APIs.\n\n![Team chart](../images/team-chart.png)")
                .with("content/images/team-chart.png", PNG).build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.paths()).contains("images/team-chart.png");
        assertThat(built.html(PAGE).select("div.body img").first().attributes().html())
                .isEqualTo(" src=\"/images/team-chart.png\" alt=\"Team chart\" width=\"40\" height=\"30\" loading=\"lazy\"");
    }

    @Test
    void aMissingImageNamesTheNearestImagesNotPages() {
        InlineSite.Built built = withBody("Builds APIs.\n\n![Team chart](../images/team-chrt.png)\n\n![Logo](/images/logo.png)")
                .with("content/images/team-chart.png", PNG).with("content/images/team-photo.png", PNG).build();

        assertThat(built.errors()).containsExactly(
                ENGINEER + ":18:15: error: broken image \"../images/team-chrt.png\": no file content/images/team-chrt.png "
                        + "(did you mean \"content/images/team-chart.png\"?)",
                ENGINEER + ":20:9: error: broken image \"/images/logo.png\": no image at /images/logo.png");
        assertThat(hints(built)).containsExactly("images: content/images/team-chart.png, content/images/team-photo.png",
                "images: /images/team-chart.png, /images/team-photo.png");
    }

    @Test
    void anImageOutsideContentImagesIsAnError() {
        InlineSite.Built built = withBody("Builds APIs.\n\n![Chart](chart.png)").build();

        assertThat(built.errors()).containsExactly(ENGINEER + ":18:10: error: image \"chart.png\" is not in content/images/");
    }

    @Test
    void anSvgThatWouldRunAScriptIsRefused() {
        InlineSite.Built built = InlineSite.minimal().with("content/images/logo.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>").build();

        assertThat(built.errors()).containsExactly("content/images/logo.svg:1:1: error: SVG image holds a script, which would "
                + "run on the site's own address");
    }

    @Test
    void anSvgThatHidesAScriptIsRefusedHoweverItIsWritten() {
        String[][] cases = {
            {"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:s=\"http://www.w3.org/2000/svg\"><s:script>alert(1)</s:script></svg>",
                "content/images/x.svg:1:1: error: SVG image holds a script, which would run on the site's own address"},
            {"<!DOCTYPE svg [<!ENTITY x \"<script>alert(1)</script>\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>",
                "content/images/x.svg:1:1: error: SVG image declares a DOCTYPE, whose entities could hide a script"},
            {"<svg xmlns=\"http://www.w3.org/2000/svg\"><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"javascript:alert(1)\"/></svg>",
                "content/images/x.svg:1:1: error: SVG image holds embedded HTML, which would run on the site's own address"},
            {"<svg xmlns=\"http://www.w3.org/2000/svg\"><a><set attributeName=\"href\" to=\"https://example.org/\"/></a></svg>",
                "content/images/x.svg:1:1: error: SVG image holds an animation that changes a link, which would run on the site's own address"},
        };
        for (String[] c : cases) {
            assertThat(InlineSite.minimal().with("content/images/x.svg", c[0]).build().errors()).as(c[0]).containsExactly(c[1]);
        }
        byte[] utf16 = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16);
        assertThat(InlineSite.minimal().with("content/images/x.svg", utf16).build().errors())
                .containsExactly("content/images/x.svg:1:1: error: SVG image is not UTF-8 text");
        assertThat(InlineSite.minimal().with("content/images/x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>")
                .build().problems()).isEmpty();
    }

    @Test
    void anEmailAddressBecomesAMailtoLink() {
        InlineSite.Built built = withBody("Write to careers@example.org or <jobs@example.org>.").build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.html(PAGE).select("div.body a").eachAttr("href"))
                .contains("mailto:careers@example.org", "mailto:jobs@example.org");
    }

    @Test
    void privateUseCharactersThatMarkLinksAreRefusedInMarkdown() {
        InlineSite.Built built = withBody("Builds \uE000APIs.").build();

        assertThat(built.errors()).containsExactly(ENGINEER + ":16:8: error: the private-use character U+E000 cannot be used in Markdown");
    }

    @Test
    void aCharacterReferenceToAControlOrMarkerCharacterIsRefusedWhereItIsWritten() {
        InlineSite.Built built = withBody("Builds APIs for a long while &#3; here.\n\nSee [it](backend-architect.md \"&#x1;0&#2;\") and"
                + " `&#127;` and &#xe001;, but &#9; and &#169; are fine.").build();

        assertThat(built.errors()).containsExactly(
                ENGINEER + ":16:30: error: the character reference &#3; stands for the control character U+0003",
                ENGINEER + ":18:32: error: the character reference &#x1; stands for the control character U+0001",
                ENGINEER + ":18:38: error: the character reference &#2; stands for the control character U+0002",
                ENGINEER + ":18:50: error: the character reference &#127; stands for the control character U+007F",
                ENGINEER + ":18:62: error: the character reference &#xe001; stands for the private-use character U+E001,"
                        + " which cannot be used in Markdown");
    }

    @Test
    void aRawLinkWithSpacesAroundItsAddressIsResolved() {
        InlineSite.Built built = withBody("See the <a href=\" backend-architect.md \">architect</a>.").build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.html(PAGE).select("div.body a").attr("href")).isEqualTo("/roles/backend-architect/");
    }

    @Test
    void anIdInAFaqAnswerIsAnError() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(ENGINEER, "a: Often. See [the architect](backend-architect.md#pay).", "a: 'Often. <span id=\"tips\">Tip</span>'")
                .build();

        assertThat(built.errors()).containsExactly(ENGINEER + ":12:26: error: id \"tips\" in a FAQ answer: answers show on "
                + "several pages, where ids could clash");
    }

    @Test
    void rawHtmlInAQuoteOrATableCellOnItsOwnIsCheckedAsWritten() {
        InlineSite.Built built = withBody("Text.\n\n> <div\n> id=\"salary\">quoted</div>\n\n<table><tr>\n\n"
                + "<td onclick=\"x()\">cell</td>\n\n</tr></table>").build();

        assertThat(built.problems()).containsExactly(
                ENGINEER + ":19:7: error: id \"salary\" is already on the page, for its own section",
                ENGINEER + ":23:1: warning: <td> loses onclick: event handlers run scripts");
    }

    @Test
    void classesInRawHtmlAreDroppedWithAWarningExceptThoseTheMarkdownItselfWrites() {
        InlineSite.Built built = withBody("Text.\n\n<div class=\"visually-hidden\">hidden</div>\n\n"
                + "<pre><code class=\"language-sql\">SELECT 1;</code></pre>").build();

        var body = built.html(PAGE).selectFirst("div.body");
        assertThat(built.problems()).containsExactly(
                ENGINEER + ":18:1: warning: <div> loses class: the site's stylesheet decides how the page looks");
        assertThat(body.select("div.visually-hidden")).isEmpty();
        assertThat(body.select("code.language-sql").text()).isEqualTo("SELECT 1;");
    }

    @Test
    void aLinkToQuickFactsFailsWhereItIsWrittenWhenTheGuideHasNoneToShow() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.ARCHITECT, "level: principal\nexperience: 8+ years\n", "")
                .edit(BadInput.ARCHITECT, "salary: architect", "salary: false")
                .edit(ENGINEER, "Builds APIs.", "Builds APIs. See [facts](backend-architect.md#quick-facts).")
                .build();

        assertThat(built.errors()).containsExactly(ENGINEER + ":16:26: error: broken link \"backend-architect.md#quick-facts\": "
                + "no heading \"#quick-facts\" in " + BadInput.ARCHITECT);
    }

    @Test
    void aGuideWithSalaryFalseAndNoQuestionsHasNoFaqPageNoEmptySectionsAndNoWarning() {
        InlineSite.Built built = InlineSite.minimal().with("content/guides/new-role.md",
                "---\ntitle: New Role\nsummary: A role.\nupdated: 2026-10-01\nsalary: false\n---\n## Work\n\nText.\n").build();

        var page = built.html("roles/new-role/index.html");
        assertThat(built.problems()).isEmpty();
        assertThat(built.paths()).doesNotContain("roles/new-role/faq/index.html");
        assertThat(built.file("sitemap.xml")).contains("/roles/new-role/").doesNotContain("/roles/new-role/faq/");
        assertThat(page.select("section").eachAttr("id")).isEmpty();
        assertThat(page.select("nav.toc a").eachAttr("href")).containsExactly("#work");
        assertThat(page.selectFirst("main").text()).doesNotContain("No ", "yet");
    }

    @Test
    void salaryTrueIsAnError() {
        InlineSite.Built built = InlineSite.minimal().edit(ENGINEER, "level: mid", "level: mid\nsalary: true").build();

        assertThat(built.errors()).containsExactly(ENGINEER + ":6:9: error: \"salary\" names a role in "
                + "content/data/salaries.json, or is false; it cannot be true");
    }
}
