package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** What a static host reads besides the pages: cache rules in _headers, and redirects for renamed roles. */
class HostFilesTest {

    private static final String ENGINEER = BadInput.ENGINEER;
    private static final String REVALIDATE = "  Cache-Control: public, max-age=0, must-revalidate\n";

    @Test
    void headersGiveAssetsAYearAndEveryOtherTopLevelNameItsOwnRuleToRevalidate() {
        InlineSite.Built built = InlineSite.minimal().build();

        StringBuilder expected = new StringBuilder("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n");
        for (String path : new String[] {"/", "/404.html", "/_headers", "/faq/*", "/feed.xml", "/index.html", "/methodology/*",
                "/robots.txt", "/roles/*", "/salaries/*", "/search-index.json", "/sitemap.xml", "/skills/*"}) {
            expected.append(path).append('\n').append(REVALIDATE);
        }
        assertThat(built.file("_headers")).isEqualTo(expected.toString());
    }

    @Test
    void siteYamlMayGiveOtherCacheRulesAndABadOneIsAnErrorAtItsPlace() {
        InlineSite site = InlineSite.minimal().edit("content/site.yaml", "language: en",
                "language: en\ncache:\n  assets: public, max-age=604800\n  pages: public, max-age=60");
        String headers = site.build().file("_headers");
        assertThat(headers).startsWith("/assets/*\n  Cache-Control: public, max-age=604800\n/\n  Cache-Control: public, max-age=60\n");
        assertThat(headers).doesNotContain("must-revalidate");

        InlineSite.Built bad = InlineSite.minimal().edit("content/site.yaml", "language: en",
                "language: en\ncache:\n  pages: \"public,\\nmax-age=60\"\n  asset: x").build();
        assertThat(bad.problems()).containsExactly(
                "content/site.yaml:5:10: error: \"pages\" must be a Cache-Control value on one line, like \"public, max-age=600\"",
                "content/site.yaml:6:3: warning: unknown key \"asset\" in cache settings (did you mean \"assets\"?)");
    }

    @Test
    void anAliasRedirectsInRedirectsAndWithAPageOfItsOwnLeftOutOfTheSitemap() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(ENGINEER, "level: mid", "level: mid\naliases: [server-engineer, api-developer]")
                .edit("content/pages/methodology.md", "title: Methodology", "title: Methodology\naliases: [how-we-count]")
                .build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.file("_redirects")).isEqualTo("""
                /how-we-count/ /methodology/ 301
                /roles/api-developer/ /roles/backend-engineer/ 301
                /roles/api-developer/faq/ /roles/backend-engineer/faq/ 301
                /roles/server-engineer/ /roles/backend-engineer/ 301
                /roles/server-engineer/faq/ /roles/backend-engineer/faq/ 301
                """);
        Document moved = built.html("roles/server-engineer/index.html");
        assertThat(moved.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=/roles/backend-engineer/");
        assertThat(moved.select("link[rel=canonical]").attr("href")).isEqualTo("https://guides.example.org/roles/backend-engineer/");
        assertThat(moved.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(moved.select("main a").attr("href")).isEqualTo("/roles/backend-engineer/");
        assertThat(moved.select("main a").text()).isEqualTo("Backend Engineer");
        assertThat(built.html("roles/api-developer/faq/index.html").select("main a").text())
                .isEqualTo("Backend Engineer: questions and answers");
        assertThat(built.html("how-we-count/index.html").select("main a").attr("href")).isEqualTo("/methodology/");
        assertThat(built.file("sitemap.xml")).doesNotContain("server-engineer", "api-developer", "how-we-count");
        assertThat(built.file("_headers")).contains("/_redirects\n" + REVALIDATE, "/how-we-count/*\n" + REVALIDATE);
    }

    @Test
    void anAliasThatIsALiveUrlOrClaimedTwiceOrNoSlugIsAnErrorAtItsPlace() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(ENGINEER, "level: mid", "level: mid\naliases: [backend-architect, old-role, Old Role]")
                .edit("content/guides/backend-architect.md", "level: principal", "level: principal\naliases: [old-role]")
                .edit("content/pages/methodology.md", "title: Methodology", "title: Methodology\naliases: [roles, methodology]")
                .build();

        assertThat(built.problems()).containsExactly(
                "content/guides/backend-engineer.md:6:11: error: alias \"backend-architect\" is the URL of a guide, "
                        + "/roles/backend-architect/",
                "content/guides/backend-engineer.md:6:30: error: alias \"old-role\" is claimed twice: "
                        + "content/guides/backend-architect.md:6:11 has it too",
                "content/guides/backend-engineer.md:6:40: error: alias \"Old Role\" is not a slug",
                "content/pages/methodology.md:3:11: error: alias \"roles\" is a URL the site uses, /roles/",
                "content/pages/methodology.md:3:18: error: alias \"methodology\" is a URL the site uses, /methodology/");
    }

    @Test
    void noHostFileIsWrittenForRedirectsWhenThereAreNone() {
        assertThat(InlineSite.minimal().build().paths()).contains("_headers").doesNotContain("_redirects");
    }
}
