package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.pipeline.Build;
import dev.guidegen.pipeline.BuildResult;
import dev.guidegen.render.OutputFile;
import dev.guidegen.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The site in this repository's content/ is the first customer: it must build clean and hang together. */
class ShippedSiteTest {

    static final List<String> GUIDES = List.of("backend-architect", "backend-developer", "backend-engineer",
            "backend-software-engineer", "lead-backend-engineer");

    static BuildResult result;
    static Map<String, String> files;

    @BeforeAll
    static void build() {
        result = Build.run(SourceTree.read(Path.of(".")), false);
        files = result.files().stream().collect(Collectors.toMap(OutputFile::path,
                f -> new String(f.bytes(), StandardCharsets.UTF_8)));
    }

    static Document page(String path) {
        assertThat(files).containsKey(path);
        return Jsoup.parse(files.get(path));
    }

    @Test
    void theShippedSiteBuildsWithNoProblemsAndNoWarnings() {
        assertThat(result.problems()).isEmpty();
        assertThat(result.failed()).isFalse();
    }

    @Test
    void everyGuideHasItsPageAndFaqPageAndAppearsOnEveryIndex() {
        Document home = page("index.html");
        // The shipped site has one group: the hubs list it, and its pages list every guide.
        assertThat(home.select("main a[href=/groups/backend/]")).isNotEmpty();
        assertThat(page("faq/index.html").select("main a[href=/faq/backend/]")).isNotEmpty();
        assertThat(page("salaries/index.html").select("main a[href=/salaries/backend/]")).isNotEmpty();
        Document group = page("groups/backend/index.html");
        Document faqHub = page("faq/backend/index.html");
        Document salaries = page("salaries/backend/index.html");
        for (String slug : GUIDES) {
            String url = "/roles/" + slug + "/";
            Document guide = page("roles/" + slug + "/index.html");
            Document faq = page("roles/" + slug + "/faq/index.html");
            assertThat(faq.select("a[href=" + url + "]")).as("FAQ page links back to " + slug).isNotEmpty();
            assertThat(faq.select("main h2")).as(slug + " has at least four questions").hasSizeGreaterThanOrEqualTo(4);
            assertThat(home.select("main a[href=" + url + "]")).as("home lists " + slug).isNotEmpty();
            assertThat(group.select("main a[href=" + url + "]")).as("group page lists " + slug).isNotEmpty();
            assertThat(faqHub.select("main a[href=" + url + "]")).as("FAQ hub lists " + slug).isNotEmpty();
            assertThat(salaries.select("main a[href=" + url + "]")).as("salary index lists " + slug).isNotEmpty();
            List<String> skillUrls = guide.select("#skills a").eachAttr("href");
            assertThat(skillUrls).as(slug + " lists skills").isNotEmpty();
            for (String skillUrl : skillUrls) {
                Document skill = page(skillUrl.substring(1) + "index.html");
                assertThat(skill.select("main a[href=" + url + "]")).as(skillUrl + " lists " + slug).isNotEmpty();
            }
        }
    }

    @Test
    void everyGuideLinksToEveryOtherThroughTheSite() {
        for (String slug : GUIDES) {
            java.util.Set<String> reachable = new java.util.TreeSet<>();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of("/roles/" + slug + "/"));
            while (!todo.isEmpty()) {
                String url = todo.pop();
                if (!reachable.add(url)) {
                    continue;
                }
                page(url.substring(1) + "index.html").select("main a[href^=/roles/]").eachAttr("href").stream()
                        .map(h -> h.replaceAll("#.*", ""))
                        .filter(h -> h.matches("/roles/[a-z-]+/"))
                        .forEach(todo::push);
            }
            assertThat(reachable).as("guides reachable from " + slug)
                    .containsAll(GUIDES.stream().map(g -> "/roles/" + g + "/").toList());
        }
    }

    @Test
    void everyGuideHasTheSameSectionsSoRolesCompareSideBySide() {
        List<String> sections = List.of("What the role is", "Day-to-day work", "Required and nice-to-have skills",
                "Tools and technologies", "Work environment", "How to become one", "Career path", "Pay");
        for (String slug : GUIDES) {
            Document guide = page("roles/" + slug + "/index.html");
            assertThat(guide.select(".body h2").eachText()).as(slug).containsExactlyElementsOf(sections);
            assertThat(guide.select(".body h3").eachText()).as(slug).contains("Required skills", "Nice-to-have skills",
                    "How hiring works");
            assertThat(guide.select("#faq details")).as(slug).hasSizeGreaterThanOrEqualTo(4);
            assertThat(guide.select("#quick-facts dd").eachText()).as(slug).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void everyGuideClimbsTheSameLadderAndEveryRoleOnItLinksToItsGuide() {
        List<String> first = null;
        for (String slug : GUIDES) {
            Document guide = page("roles/" + slug + "/index.html");
            List<String> steps = guide.select(".ladder li > :first-child").eachText();
            if (first == null) {
                first = steps;
            }
            assertThat(steps).as(slug).isEqualTo(first);
            assertThat(guide.select(".ladder [aria-current=step] > :first-child").text()).as(slug)
                    .isEqualTo(guide.select("h1").text());
            List<String> linked = new java.util.ArrayList<>(guide.select(".ladder a").eachAttr("href"));
            linked.add("/roles/" + slug + "/");
            assertThat(linked).as(slug).containsExactlyInAnyOrderElementsOf(GUIDES.stream().map(g -> "/roles/" + g + "/").toList());
        }
    }

    @Test
    void theRoleWithoutItsOwnFiguresShowsTheCategoryBenchmarkAndSaysSo() {
        Document guide = page("roles/backend-engineer/index.html");
        String salary = guide.select("#salary").text();
        assertThat(salary).contains("These are category figures, not figures for this role.")
                .contains("Software Engineering benchmark")
                .contains("Per-role figures will appear once enough listings with salary data accumulate.")
                .contains("$197,000").contains("$288,000").contains("322 listings").contains("1 November 2026");
    }
}
