package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What a reader and a search engine see on every page, checked on the shipped site. */
class PageDesignTest {

    static final InlineSite.Built MINIMAL = InlineSite.minimal().build();

    @Test
    void everyPageHasAUniqueTitleADescriptionACanonicalUrlAndSocialTags() {
        InlineSite.Built site = MINIMAL;
        Set<String> titles = new HashSet<>();
        for (String path : site.paths()) {
            if (!path.endsWith(".html")) {
                continue;
            }
            Document doc = site.html(path);
            assertThat(titles.add(doc.title())).as("unique title on " + path + ": " + doc.title()).isTrue();
            assertThat(doc.select("html").attr("lang")).isEqualTo("en");
            assertThat(doc.select("meta[name=description]").attr("content")).as(path).isNotBlank();
            assertThat(doc.select("link[rel=canonical]").attr("href")).as(path).startsWith("https://guides.example.org/");
            assertThat(doc.select("meta[property=og:title]").attr("content")).as(path).isNotBlank();
            assertThat(doc.select("meta[property=og:url]").attr("content")).isEqualTo(doc.select("link[rel=canonical]").attr("href"));
            assertThat(doc.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
            assertThat(doc.select("h1")).as(path).hasSize(1);
        }
        assertThat(MINIMAL.html("roles/backend-engineer/index.html").select("meta[name=description]").attr("content"))
                .isEqualTo("Builds the server side.");
    }

    @Test
    void theStylesheetIsSmallAndThePagesNeedNoScriptToRead() {
        String css = MINIMAL.html("index.html").select("link[rel=stylesheet]").attr("href");
        assertThat(MINIMAL.file(css.substring(1)).length()).isLessThan(15 * 1024);
        for (String path : MINIMAL.paths()) {
            if (path.endsWith(".html")) {
                Document doc = MINIMAL.html(path);
                doc.select("script").remove();
                assertThat(doc.select("main").text()).as(path).isNotBlank();
            }
        }
        Document home = MINIMAL.html("index.html");
        assertThat(home.select(".card")).hasSize(2);
        assertThat(home.select("script[src]").eachAttr("src")).singleElement().asString().matches("/assets/search\\.[0-9a-f]{8}\\.js");
    }

    @Test
    void theGuideChartSaysEveryFigureInTextAndTheTableRepeatsThem() {
        Document guide = MINIMAL.html("roles/backend-architect/index.html");
        Element svg = guide.select("#salary svg").first();
        assertThat(svg.attr("role")).isEqualTo("img");
        String labelledBy = svg.attr("aria-labelledby");
        String desc = svg.select("desc").text();
        assertThat(labelledBy.split(" ")).containsExactly(svg.select("title").attr("id"), svg.select("desc").attr("id"));
        assertThat(desc).isEqualTo("Backend Architect: $190,000–$290,000, median $240,000, 25th-75th percentile, 45 listings. "
                + "Software Engineering benchmark: $197,000–$288,000, 25th-75th percentile, 322 listings.");
        String table = guide.select("#salary table").first().text();
        assertThat(table).contains("$190,000", "$240,000", "$290,000", "45 listings");
    }

    @Test
    void theSalaryIndexDrawsEveryRoleOnOneAxisAndListsTheSameFigures() {
        Document index = MINIMAL.html("salaries/index.html");
        assertThat(index.select("svg desc").text()).isEqualTo(
                "Backend Architect: $190,000–$290,000, median $240,000, 25th-75th percentile, 45 listings. "
                        + "Backend Engineer (category benchmark): $197,000–$288,000, 25th-75th percentile, 322 listings.");
        assertThat(index.select("svg rect.bar")).hasSize(2);
        assertThat(index.select("tbody tr").eachText()).containsExactly(
                "Backend Architect $190,000–$290,000 $240,000 25th-75th percentile 45 listings A guide (Pub)",
                "Backend Engineer $197,000–$288,000 Software Engineering benchmark: only 12 listings, fewer than the 30 needed "
                        + "25th-75th percentile 322 listings A guide (Pub)");
    }

    @Test
    void chartAxesStartAtZeroOrAnyScaleWithoutTrouble() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(BadInput.SNAPSHOT, "\"architect\": {", "\"architect\": {\"stated\": [{\"label\": \"Wide\", "
                        + "\"basis\": \"full_range\", \"low\": 2000, \"high\": 12000000}], ")
                .build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.html("roles/backend-architect/index.html").select("#salary svg text.tick").eachText())
                .containsExactly("$0k", "$2M", "$4M", "$6M", "$8M", "$10M", "$12M");
    }

    @Test
    void faqEntriesOnAGuideAreDisclosureWidgetsAndBreadcrumbsLeadHome() {
        Document guide = MINIMAL.html("roles/backend-engineer/index.html");
        assertThat(guide.select("#faq details summary").eachText()).containsExactly("Is it remote?");
        assertThat(guide.select("nav.crumbs a").eachAttr("href")).containsExactly("/", "/roles/backend-engineer/");
        assertThat(guide.select(".byline").text()).isEqualTo("Updated 1 October 2026 · 1 min read");
        assertThat(guide.select(".byline time").attr("datetime")).isEqualTo("2026-10-01");
    }

    @Test
    void theNotFoundPageLinksBackIntoTheSite() {
        Document notFound = MINIMAL.html("404.html");
        assertThat(notFound.select("main a").eachAttr("href")).contains("/", "/salaries/", "/roles/backend-engineer/",
                "/roles/backend-architect/");
    }
}
