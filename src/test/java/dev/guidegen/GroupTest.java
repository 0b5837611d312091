package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Occupation groups: every guide names one, each has a paged page, and hubs list groups rather than every role. */
class GroupTest {

    static final String ENGINEER = BadInput.ENGINEER;
    static final String ARCHITECT = BadInput.ARCHITECT;
    static final String GROUP = "---\ntitle: Backend engineering\nsummary: Roles on the server side.\n---\nThe server side.\n";

    static InlineSite grouped() {
        return InlineSite.minimal().with("content/groups/backend.md", GROUP)
                .edit(ENGINEER, "level: mid", "level: mid\ngroup: backend")
                .edit(ARCHITECT, "level: principal", "level: principal\ngroup: backend");
    }

    /** The grouped site with {@code n} more guides in the group, titled so that they sort after the two. */
    static InlineSite withMany(int n) {
        InlineSite site = grouped();
        for (int i = 1; i <= n; i++) {
            site = site.with(String.format("content/guides/role-%03d.md", i), String.format(
                    "---\ntitle: Role %03d\nsummary: A role.\nupdated: 2026-10-01\ngroup: backend\nsalary: false\n---\nText.\n", i));
        }
        return site;
    }

    @Test
    void aGroupPageIntroducesTheGroupAndListsItsRolesByLevelThenTitle() {
        InlineSite.Built built = grouped().with("content/guides/a-trainee.md",
                "---\ntitle: Trainee\nsummary: Learns.\nupdated: 2026-10-01\nlevel: entry\ngroup: backend\nsalary: false\n---\nText.\n")
                .build();

        var page = built.html("groups/backend/index.html");
        assertThat(built.problems()).isEmpty();
        assertThat(page.select("h1").text()).isEqualTo("Backend engineering");
        assertThat(page.select("div.body").text()).isEqualTo("The server side.");
        assertThat(page.select("ul.cards h3").eachText()).containsExactly("Trainee", "Backend Engineer", "Backend Architect");
        assertThat(page.select("nav.pager")).isEmpty();
        assertThat(built.html("roles/backend-engineer/index.html").select("#quick-facts a[href=/groups/backend/]").text())
                .isEqualTo("Backend engineering");
    }

    @Test
    void aLongGroupIsPagedFiftyRolesAtATimeWithNumberedLinks() {
        InlineSite.Built built = withMany(118).build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.html("groups/backend/index.html").select("ul.cards > li")).hasSize(50);
        assertThat(built.html("groups/backend/page/2/index.html").select("ul.cards > li")).hasSize(50);
        var last = built.html("groups/backend/page/3/index.html");
        assertThat(last.select("ul.cards > li")).hasSize(20);
        assertThat(last.select("nav.pager a").eachAttr("href"))
                .containsExactly("/groups/backend/", "/groups/backend/page/2/", "/groups/backend/page/3/");
        assertThat(last.select("nav.pager a[aria-current=page]").text()).isEqualTo("3");
        assertThat(last.select("div.body, .chart")).isEmpty();
        assertThat(built.paths()).doesNotContain("groups/backend/page/4/index.html");
        assertThat(built.file("sitemap.xml")).contains("/groups/backend/page/3/");
    }

    @Test
    void everyGuideIsWithinThreeClicksOfTheHomePage() {
        InlineSite.Built built = withMany(118).build();

        Map<String, Integer> depth = new HashMap<>(Map.of("/", 0));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of("/"));
        while (!queue.isEmpty()) {
            String url = queue.poll();
            if (depth.get(url) == 3) {
                continue;
            }
            String path = url.substring(1) + "index.html";
            if (!built.paths().contains(path)) {
                continue;
            }
            for (String href : built.html(path).select("a[href^=/]").eachAttr("href")) {
                String page = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
                if (page.endsWith("/") && !depth.containsKey(page)) {
                    depth.put(page, depth.get(url) + 1);
                    queue.add(page);
                }
            }
        }
        Set<String> guides = new TreeSet<>();
        built.paths().stream().filter(p -> p.matches("roles/[^/]+/index.html"))
                .forEach(p -> guides.add("/" + p.substring(0, p.length() - "index.html".length())));
        assertThat(guides).hasSize(120);
        assertThat(guides.stream().filter(g -> !depth.containsKey(g)).toList()).isEmpty();
    }

    @Test
    void theHomeAndNotFoundPagesListTheGroupsNotEveryRole() {
        InlineSite.Built built = withMany(30).build();

        var home = built.html("index.html");
        assertThat(home.select("main a[href=/groups/backend/]").text()).isEqualTo("Backend engineering");
        assertThat(home.select("main .card:has(a[href=/groups/backend/]) dd").first().text()).isEqualTo("32");
        assertThat(home.select("main a[href^=/roles/]")).hasSize(10);
        var notFound = built.html("404.html");
        assertThat(notFound.select("main a[href=/groups/backend/]")).hasSize(1);
        assertThat(notFound.select("main a[href^=/roles/]")).isEmpty();
    }

    @Test
    void aSkillNeededByManyRolesIsPagedAndTheSkillsHubCountsThemAll() {
        InlineSite site = grouped();
        for (int i = 1; i <= 60; i++) {
            site = site.with(String.format("content/guides/role-%03d.md", i), String.format("---\ntitle: Role %03d\nsummary: A role."
                    + "\nupdated: 2026-10-01\ngroup: backend\nskills: [SQL]\nsalary: false\n---\nText.\n", i));
        }
        InlineSite.Built built = site.build();

        assertThat(built.html("skills/sql/index.html").select("ul.cards > li")).hasSize(50);
        var second = built.html("skills/sql/page/2/index.html");
        assertThat(second.select("ul.cards > li")).hasSize(11);
        assertThat(second.select("nav.pager a").eachAttr("href")).containsExactly("/skills/sql/", "/skills/sql/page/2/");
        assertThat(built.html("skills/index.html").select("li:has(a[href=/skills/sql/]) .muted").text()).isEqualTo("(61 roles)");
    }

    @Test
    void theFaqHubAndSalaryIndexListTheGroupsAndEachGroupHasItsOwnPagedPages() {
        InlineSite.Built built = withMany(118).build();

        var faq = built.html("faq/index.html");
        assertThat(faq.select("main a[href=/faq/backend/]").text()).isEqualTo("Backend engineering");
        assertThat(faq.select("main .card .muted").text()).isEqualTo("1 question");
        assertThat(faq.select("main a[href^=/roles/]")).isEmpty();
        assertThat(built.html("faq/backend/index.html").select("main a[href^=/roles/backend-engineer/faq/]")).hasSize(1);
        var salaries = built.html("salaries/index.html");
        assertThat(salaries.select("main tbody tr").first().select("td").eachText())
                .containsExactly("120", "1", "$240,000");
        assertThat(salaries.select("main a[href^=/roles/]")).isEmpty();
        assertThat(built.html("salaries/backend/page/3/index.html").select("main tbody tr")).hasSize(20);
        assertThat(built.paths()).doesNotContain("salaries/page/2/index.html");
    }

    @Test
    void withoutGroupsTheSalaryIndexIsOnePagedListOfRoles() {
        InlineSite site = InlineSite.minimal();
        for (int i = 1; i <= 60; i++) {
            site = site.with(String.format("content/guides/role-%03d.md", i), String.format(
                    "---\ntitle: Role %03d\nsummary: A role.\nupdated: 2026-10-01\nsalary: false\n---\nText.\n", i));
        }
        InlineSite.Built built = site.build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.html("salaries/index.html").select("main tbody tr")).hasSize(50);
        assertThat(built.html("salaries/page/2/index.html").select("main tbody tr")).hasSize(12);
        assertThat(built.html("salaries/page/2/index.html").select("nav.pager a").eachAttr("href"))
                .containsExactly("/salaries/", "/salaries/page/2/");
        assertThat(built.html("faq/index.html").select("nav.pager")).isEmpty();
    }

    @Test
    void theFeedHoldsTheFiftyNewestGuides() {
        InlineSite site = grouped();
        for (int i = 1; i <= 60; i++) {
            site = site.with(String.format("content/guides/role-%03d.md", i), String.format("---\ntitle: Role %03d\nsummary: A role."
                    + "\nupdated: 2026-%02d-%02d\ngroup: backend\nsalary: false\n---\nText.\n", i, 1 + i / 28, 1 + i % 28));
        }
        var feed = org.jsoup.Jsoup.parse(site.build().file("feed.xml"), "", org.jsoup.parser.Parser.xmlParser());

        assertThat(feed.select("entry")).hasSize(50);
        assertThat(feed.select("entry > title").eachText()).startsWith("Backend Architect", "Backend Engineer", "Role 060")
                .doesNotContain("Role 001", "Role 012");
    }

    @Test
    void whenASiteHasGroupsEveryGuideNamesAKnownOne() {
        InlineSite.Built built = grouped().edit(ARCHITECT, "level: principal\ngroup: backend", "level: principal\ngroup: bakend")
                .with("content/guides/new-role.md", "---\ntitle: New Role\nsummary: A role.\nupdated: 2026-10-01\nsalary: false\n---\nText.\n")
                .build();

        assertThat(built.errors()).containsExactly(
                ARCHITECT + ":6:8: error: unknown group \"bakend\" (did you mean \"backend\"?)",
                "content/guides/new-role.md:1:1: error: missing required field \"group\": this site sorts every guide into a group");
    }

    @Test
    void anEmptyGroupIsOneErrorAtTheFieldNotAMissingOne() {
        InlineSite.Built built = grouped().edit(ENGINEER, "group: backend", "group:")
                .edit(ARCHITECT, "group: backend", "group: \"\"").build();

        assertThat(built.errors()).containsExactly(
                ARCHITECT + ":6:8: error: \"group\" is empty",
                ENGINEER + ":6:7: error: \"group\" is empty");
    }

    @Test
    void aGroupNamedOnASiteWithoutGroupsIsAnErrorThatSaysHowToMakeIt() {
        InlineSite.Built built = InlineSite.minimal().edit(ENGINEER, "level: mid", "level: mid\ngroup: backend").build();

        assertThat(built.errors()).containsExactly(ENGINEER + ":6:8: error: unknown group \"backend\"");
        assertThat(built.result().problems().get(0).hint()).isEqualTo("create content/groups/backend.md to make the group");
    }
}
