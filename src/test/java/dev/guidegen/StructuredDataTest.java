package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/** JSON-LD, the sitemap, robots.txt, the feed and the search index must parse and agree with the visible pages. */
class StructuredDataTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final InlineSite.Built SITE = InlineSite.minimal().build();
    static final String BASE = "https://guides.example.org";

    static JsonNode graph(Document doc) throws Exception {
        var scripts = doc.select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(1);
        JsonNode root = JSON.readTree(scripts.first().data());
        assertThat(root.get("@context").asText()).isEqualTo("https://schema.org");
        return root.get("@graph");
    }

    static JsonNode node(JsonNode graph, String type) {
        for (JsonNode n : graph) {
            if (n.get("@type").asText().equals(type)) {
                return n;
            }
        }
        throw new AssertionError("no " + type + " in " + graph);
    }

    @Test
    void everyPageHasOneParsableGraphWhoseWebPageAndBreadcrumbsMatchThePage() throws Exception {
        for (String path : SITE.paths()) {
            if (!path.endsWith(".html") || path.equals("404.html")) {
                continue;
            }
            Document doc = SITE.html(path);
            JsonNode graph = graph(doc);
            JsonNode page = node(graph, "WebPage");
            assertThat(page.get("description").asText()).as(path).isEqualTo(doc.select("meta[name=description]").attr("content"));
            assertThat(page.get("url").asText()).as(path).isEqualTo(doc.select("link[rel=canonical]").attr("href"));
            assertThat(doc.title()).as(path).contains(page.get("name").asText());
            List<String> crumbs = new ArrayList<>();
            node(graph, "BreadcrumbList").get("itemListElement").forEach(i -> crumbs.add(i.get("name").asText() + " " + i.get("item").asText()));
            List<String> visible = new ArrayList<>();
            doc.select("nav.crumbs a").forEach(a -> visible.add(a.text() + " " + BASE + a.attr("href")));
            if (!visible.isEmpty()) {
                assertThat(crumbs).as(path).isEqualTo(visible);
            }
        }
    }

    @Test
    void aGuideDescribesItsOccupationWithTheVisibleFacts() throws Exception {
        Document doc = SITE.html("roles/backend-architect/index.html");
        JsonNode graph = graph(doc);
        JsonNode job = node(graph, "Occupation");

        assertThat(job.get("name").asText()).isEqualTo(doc.select("h1").text());
        assertThat(job.get("description").asText()).isEqualTo(doc.select(".guide-header .lede").text());
        List<String> skills = new ArrayList<>();
        job.get("skills").forEach(s -> skills.add(s.asText()));
        assertThat(skills).isEqualTo(doc.select("#skills a").eachText());
        assertThat(job.get("experienceRequirements").asText()).isEqualTo("8+ years");
        assertThat(job.get("occupationalCategory").asText()).isEqualTo("Software Engineering");
        assertThat(node(graph, "WebPage").get("dateModified").asText()).isEqualTo(doc.select(".byline time").attr("datetime"))
                .isEqualTo("2026-10-02");

        JsonNode salary = job.get("estimatedSalary").get(0);
        assertThat(salary.get("@type").asText()).isEqualTo("MonetaryAmountDistribution");
        assertThat(salary.get("currency").asText()).isEqualTo("USD");
        assertThat(salary.get("duration").asText()).isEqualTo("P1Y");
        assertThat(salary.get("percentile10").asLong()).isEqualTo(150000);
        assertThat(salary.get("median").asLong()).isEqualTo(240000);
        assertThat(salary.get("percentile90").asLong()).isEqualTo(330000);
        assertThat(doc.select("#salary table").first().text()).contains("$150,000", "$240,000", "$330,000");
    }

    @Test
    void categoryFallbackFiguresAreNeverClaimedAsTheRolesPay() throws Exception {
        JsonNode job = node(graph(SITE.html("roles/backend-engineer/index.html")), "Occupation");
        assertThat(job.has("estimatedSalary")).isFalse();

        InlineSite.Built unsampled = InlineSite.minimal()
                .edit(BadInput.SNAPSHOT, "\"sample\": 45,", "")
                .build();
        assertThat(unsampled.problems()).isEmpty();
        assertThat(node(graph(unsampled.html("roles/backend-architect/index.html")), "Occupation").has("estimatedSalary"))
                .as("figures without a listing count cannot meet the minimum sample").isFalse();
    }

    @Test
    void faqMarkupCarriesTheVisibleQuestionsAndAnswers() throws Exception {
        Document doc = SITE.html("roles/backend-engineer/faq/index.html");
        JsonNode faq = node(graph(doc), "FAQPage");

        List<String> marked = new ArrayList<>();
        faq.get("mainEntity").forEach(q -> marked.add(q.get("name").asText() + " | "
                + Jsoup.parse(q.get("acceptedAnswer").get("text").asText()).text()));
        List<String> visible = new ArrayList<>();
        doc.select("section.qa").forEach(s -> visible.add(s.select("h2").text() + " | " + s.select("p").text()));
        assertThat(marked).isEqualTo(visible).containsExactly("Is it remote? | Often. See the architect.");
    }

    static org.w3c.dom.Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSitemapListsEveryPageWithDatesFromContentAndSnapshot() throws Exception {
        NodeList urls = xml(SITE.file("sitemap.xml")).getElementsByTagName("url");
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < urls.getLength(); i++) {
            var el = (org.w3c.dom.Element) urls.item(i);
            var lastmod = el.getElementsByTagName("lastmod");
            entries.add(el.getElementsByTagName("loc").item(0).getTextContent()
                    + (lastmod.getLength() == 0 ? "" : " " + lastmod.item(0).getTextContent()));
        }
        assertThat(entries).containsExactly(
                BASE + "/ 2026-10-02",
                BASE + "/faq/ 2026-10-02",
                BASE + "/methodology/",
                BASE + "/roles/backend-architect/ 2026-10-02",
                BASE + "/roles/backend-engineer/ 2026-10-01",
                BASE + "/roles/backend-engineer/faq/ 2026-10-01",
                BASE + "/salaries/ 2026-11-01",
                BASE + "/skills/ 2026-10-02",
                BASE + "/skills/api-design/ 2026-10-02",
                BASE + "/skills/distributed-systems/ 2026-10-02",
                BASE + "/skills/sql/ 2026-10-01");
        long pages = SITE.paths().stream().filter(p -> p.endsWith(".html") && !p.equals("404.html")).count();
        assertThat(entries).hasSize((int) pages);
    }

    @Test
    void robotsPointsAtTheSitemap() {
        assertThat(SITE.file("robots.txt")).isEqualTo("User-agent: *\nAllow: /\n\nSitemap: " + BASE + "/sitemap.xml\n");
    }

    @Test
    void theFeedListsGuidesNewestFirstWithTheirVisibleTitlesAndSummaries() throws Exception {
        org.w3c.dom.Document feed = xml(SITE.file("feed.xml"));
        assertThat(feed.getDocumentElement().getAttribute("xmlns")).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = feed.getElementsByTagName("entry");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            var e = (org.w3c.dom.Element) entries.item(i);
            seen.add(e.getElementsByTagName("title").item(0).getTextContent() + " | "
                    + e.getElementsByTagName("updated").item(0).getTextContent() + " | "
                    + e.getElementsByTagName("summary").item(0).getTextContent());
        }
        assertThat(seen).containsExactly(
                "Backend Architect | 2026-10-02T00:00:00Z | Designs the server side.",
                "Backend Engineer | 2026-10-01T00:00:00Z | Builds the server side.");
        assertThat(feed.getElementsByTagName("updated").item(0).getTextContent()).isEqualTo("2026-10-02T00:00:00Z");
        assertThat(SITE.html("index.html").select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("/feed.xml");
    }

    @Test
    void theSearchIndexHoldsEveryRoleAsTheHomePageListsIt() throws Exception {
        JsonNode file = JSON.readTree(SITE.file("search-index.json"));
        assertThat(file.get("more")).isEmpty();
        JsonNode index = file.get("entries");
        assertThat(index).hasSize(2);
        assertThat(index.get(1).toString()).isEqualTo(
                "{\"title\":\"Backend Engineer\",\"summary\":\"Builds the server side.\",\"skills\":[\"API design\",\"SQL\"],"
                        + "\"url\":\"/roles/backend-engineer/\"}");
        Document home = SITE.html("index.html");
        for (JsonNode entry : index) {
            assertThat(home.select(".card a[href=" + entry.get("url").asText() + "]").text()).isEqualTo(entry.get("title").asText());
        }
    }
}
