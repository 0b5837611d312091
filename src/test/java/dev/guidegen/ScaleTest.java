package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A site of 2,001 guides keeps every page a web page: no HTML page over 300 KB, no JSON or feed file
 * over 1 MB, hubs paged, and the role filter's index split into files fetched on use.
 */
class ScaleTest {

    static final InlineSite.Built BIG = big();

    static InlineSite.Built big() {
        InlineSite site = InlineSite.minimal();
        for (int i = 1; i <= 1_999; i++) {
            site = site.with(String.format("content/guides/role-%04d.md", i), String.format("---\ntitle: Role %04d\n"
                    + "summary: What a role %d does, the skills it needs and what it pays.\nupdated: 2026-10-01\nlevel: %s\n"
                    + "skills: [SQL, API design]\nsalary: false\nfaq:\n  - q: Is role %d remote?\n    a: Often, and the answer is"
                    + " longer than one line so that pages carry some weight.\n---\n## Work\n\nText about role %d.\n",
                    i, i, List.of("entry", "mid", "senior", "lead", "principal").get(i % 5), i, i));
        }
        return site.build();
    }

    @Test
    void noPageOrFileOutgrowsItsBudget() {
        assertThat(BIG.problems()).isEmpty();
        for (var f : BIG.result().files()) {
            int limit = f.path().endsWith(".html") ? 300_000 : f.path().matches(".*\\.(json|xml)") ? 1_000_000 : Integer.MAX_VALUE;
            assertThat(f.bytes().length).as(f.path()).isLessThanOrEqualTo(limit);
        }
    }

    @Test
    void theHomePageListsRolesByLevelFiftyAtATime() {
        assertThat(BIG.html("index.html").select("main .card")).hasSize(50);
        assertThat(BIG.html("page/41/index.html").select("main .card")).hasSize(1);
        assertThat(BIG.paths()).doesNotContain("page/42/index.html");
        assertThat(BIG.html("page/2/index.html").select("nav.pager a[aria-current=page]").text()).isEqualTo("2");
    }

    @Test
    void theRoleFiltersIndexIsSplitAndNamesItsOtherFiles() throws Exception {
        var first = new ObjectMapper().readTree(BIG.file("search-index.json"));
        var second = new ObjectMapper().readTree(BIG.file("search-index-2.json"));

        assertThat(first.get("entries")).hasSize(2_000);
        assertThat(first.get("more").get(0).asText()).isEqualTo("/search-index-2.json");
        assertThat(second.get("entries")).hasSize(1);
        assertThat(BIG.html("index.html").select("script[src]").eachAttr("src")).singleElement().asString()
                .matches("/assets/search\\.[0-9a-f]{8}\\.js");
    }
}
