package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A site of guides as editors paste them from a wiki or a CMS (src/test/resources/sites/migrated-wiki):
 * placeholders, footnotes, task lists, raw HTML, images and wide tables. It builds, every allowed
 * element renders as an element, and every dropped one is reported once where it was written.
 */
class MigratedWikiTest {

    static final InlineSite.Built WIKI = InlineSite.fromResources("migrated-wiki").build();
    static final String ANALYST = "content/guides/data-analyst.md";

    static Element body(String slug) {
        return WIKI.html("roles/" + slug + "/index.html").selectFirst("div.body");
    }

    @Test
    void theWikiBuildsWithOneWarningForEachThingItDropsAndNothingElse() {
        assertThat(WIKI.result().failed()).isFalse();
        assertThat(WIKI.problems()).containsExactly(
                ANALYST + ":33:1: warning: <p> loses align: the site's stylesheet decides how the page looks",
                ANALYST + ":45:1: warning: HTML comment left out of the page",
                ANALYST + ":70:1: warning: <script> is left out: guide pages run no scripts from content",
                ANALYST + ":74:1: warning: <img> loses onerror: event handlers run scripts",
                ANALYST + ":80:1: warning: <iframe> from www.youtube.com is left out: its host is not in html.iframe_hosts"
                        + " in content/site.yaml");
    }

    @Test
    void droppedHtmlIsGoneFromEveryPageAndNothingIsShownAsEscapedTags() {
        for (String path : WIKI.paths()) {
            if (path.endsWith(".html")) {
                var main = WIKI.html(path).selectFirst("main");
                assertThat(main.select("script:not([src^=/assets/]), [onerror], [align], iframe[src*=www.youtube.com]")).as(path).isEmpty();
                assertThat(main.html()).as(path).doesNotContain("alert(1)", "editor note", "<!--");
                assertThat(main.text()).as(path).doesNotContainPattern("</?[a-z]+[ >]");
            }
        }
    }

    @Test
    void allowedHtmlRendersAsElements() {
        Element analyst = body("data-analyst");
        assertThat(analyst.select("td br")).hasSize(2);
        assertThat(analyst.select("kbd").eachText()).containsExactly("Ctrl", "C");
        assertThat(analyst.select("p:containsOwn(centred text)")).hasSize(1);
        assertThat(analyst.select("img[src=https://example.org/x.png][alt=x][loading=lazy]")).hasSize(1);

        Element engineer = body("data-engineer");
        assertThat(engineer.select("details > summary").text()).isEqualTo("Why we moved off cron");
        assertThat(engineer.select("details strong").text()).isEqualTo("crontab");
        assertThat(engineer.select("abbr[title=Extract, transform, load]").text()).isEqualTo("ETL");
        assertThat(engineer.select("iframe[src=https://www.youtube-nocookie.com/embed/xyz789]").attr("title"))
                .isEqualTo("Interview with a data engineer");

        Element scientist = body("data-scientist");
        assertThat(scientist.select("sup, sub, mark")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(body("analytics-manager").select("dl > dt + dd")).isNotEmpty();
    }

    @Test
    void bracketPlaceholdersStayText() {
        Element analyst = body("data-analyst");
        assertThat(analyst.text()).contains("Someone at [Company Name] asks", "stores in [Your City] sell");
        assertThat(analyst.select("a[href*=Company], a[href*=City]")).isEmpty();
    }

    @Test
    void gitHubMarkdownRendersFootnotesStrikethroughTaskListsAndAutolinks() {
        Element engineer = body("data-engineer");
        assertThat(engineer.select("sup#fnref-1 > a.footnote-ref[href=#fn-1]")).hasSize(1);
        assertThat(engineer.select("div.footnotes li#fn-1").text()).startsWith("From the 2025 internal survey");
        assertThat(engineer.select("del").eachText()).contains("Hadoop");
        assertThat(engineer.select("a[href=http://www.example.org]").text()).isEqualTo("www.example.org");
        assertThat(engineer.select("a[href=https://example.org/docs]")).hasSize(1);

        Element analyst = body("data-analyst");
        assertThat(analyst.select("li.task-list-item > input[type=checkbox][disabled]")).hasSize(4);
        assertThat(analyst.select("li.task-list-item > input[checked]")).hasSize(2);
        assertThat(analyst.text()).doesNotContain("[x]", "[ ]");
    }

    @Test
    void customAndRepeatedHeadingsGetTheirIdsAndLinksReachThem() {
        Element engineer = body("data-engineer");
        assertThat(engineer.select("h2#tools").text()).isEqualTo("Tools of the trade");
        assertThat(engineer.select("a[href=/roles/data-engineer/#tools]")).hasSize(1);
        assertThat(body("data-analyst").select("h3").eachAttr("id")).containsExactly("example", "example-1");
        assertThat(WIKI.html("roles/data-engineer/index.html").select("nav.toc a[href=#tools]").text())
                .isEqualTo("Tools of the trade");
    }

    @Test
    void localImagesAreCopiedAndShownWithTheirSizeAndLazyLoading() {
        assertThat(WIKI.paths()).contains("images/pipeline-wide.png", "images/team.png");
        assertThat(body("data-engineer").select("img[src=/images/pipeline-wide.png]").first().attributes().html())
                .isEqualTo(" src=\"/images/pipeline-wide.png\" alt=\"A wide pipeline diagram\" width=\"2400\" height=\"400\""
                        + " loading=\"lazy\"");
        assertThat(body("analytics-manager").select("img[src=/images/team.png][width=640][height=480]")).hasSize(1);
    }

    @Test
    void guidesWithoutPayOrQuestionsHaveNoEmptySectionsAndNoFaqPage() {
        for (String slug : new String[] {"data-engineer", "analytics-manager"}) {
            assertThat(WIKI.paths()).doesNotContain("roles/" + slug + "/faq/index.html");
            assertThat(WIKI.file("sitemap.xml")).doesNotContain("/roles/" + slug + "/faq/");
            var page = WIKI.html("roles/" + slug + "/index.html");
            assertThat(page.select("#faq, a[href=#faq], a[href$=/faq/][href*=" + slug + "]")).isEmpty();
            assertThat(page.text()).doesNotContain("No questions", "No salary", "No skills", "No similar", "No career",
                    "No other guide");
        }
        var manager = WIKI.html("roles/analytics-manager/index.html");
        assertThat(manager.select("#salary, a[href=#salary]")).isEmpty();
        assertThat(manager.select("#quick-facts dt").eachText()).doesNotContain("Pay", "Median pay", "Listings", "Snapshot");
        assertThat(WIKI.html("roles/data-engineer/index.html").select("#related-roles tr:has(a[href=/roles/analytics-manager/]) td")
                .last().text()).isEqualTo("not given");
        assertThat(WIKI.html("faq/index.html").select("main a[href^=/roles/]").eachAttr("href"))
                .allMatch(href -> href.startsWith("/roles/data-analyst/") || href.startsWith("/roles/data-scientist/"))
                .contains("/roles/data-analyst/faq/#faq-2", "/roles/data-scientist/faq/#faq-3");
    }
}
