package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pages that set two roles side by side, made for adjacent ladder steps and for pairs a guide names. */
class ComparisonTest {

    static final String ENGINEER = BadInput.ENGINEER;
    static final String PAGE = "compare/backend-architect-vs-backend-engineer/index.html";

    static InlineSite comparing() {
        return InlineSite.minimal().edit(ENGINEER, "related: [backend-architect]", "related: [backend-architect]\ncompare: [backend-architect]");
    }

    @Test
    void aPairAGuideNamesGetsAComparisonPageThatBothGuidesLinkTo() {
        InlineSite.Built built = comparing().build();

        var page = built.html(PAGE);
        assertThat(built.problems()).isEmpty();
        assertThat(page.select("h1").text()).isEqualTo("Backend Architect vs Backend Engineer");
        assertThat(page.select("#quick-facts thead a").eachAttr("href"))
                .containsExactly("/roles/backend-architect/", "/roles/backend-engineer/");
        assertThat(page.select("#skills h3").eachText())
                .containsExactly("Both roles", "Only Backend Architect", "Only Backend Engineer");
        assertThat(page.select("#guides a").eachAttr("href")).containsExactly("/roles/backend-architect/",
                "/roles/backend-engineer/", "/roles/backend-engineer/faq/");
        for (String guide : new String[] {"roles/backend-engineer/index.html", "roles/backend-architect/index.html"}) {
            assertThat(built.html(guide).select("#comparisons a").attr("href"))
                    .isEqualTo("/compare/backend-architect-vs-backend-engineer/");
        }
        assertThat(built.file("sitemap.xml")).contains("https://guides.example.org/compare/backend-architect-vs-backend-engineer/");
        assertThat(page.select("script[type=application/ld+json]").html())
                .contains("\"BreadcrumbList\"").doesNotContain("\"WebPage\"", "\"Occupation\"");
    }

    @Test
    void aCategoryBenchmarkIsNeverSubtractedFromARolesOwnPay() {
        var page = comparing().build().html(PAGE);

        assertThat(page.select("#quick-facts p.note").text()).isEqualTo("The two figures cannot be subtracted: "
                + "Backend Engineer shows the Software Engineering benchmark, not figures of its own.");
    }

    @Test
    void twoOwnFiguresOnOneBasisAreComparedAsADifferenceAtTheMedian() {
        var page = comparing().edit(BadInput.SNAPSHOT, "\"sample\": 12", "\"sample\": 45").build().html(PAGE);

        assertThat(page.select("#quick-facts > p").first().text()).isEqualTo("Backend Architect pays about $90,000 more than "
                + "Backend Engineer at the median (25th-75th percentile, 45 and 45 listings).");
    }

    @Test
    void adjacentLadderStepsThatAreBothGuidesGetAComparisonSayingWhichComesNext() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(ENGINEER, "career_path: [backend-engineer, Staff Engineer, backend-architect]",
                        "career_path: [backend-engineer, backend-architect, Staff Engineer]")
                .build();

        assertThat(built.problems()).isEmpty();
        assertThat(built.html(PAGE).select("#quick-facts > p").last().text())
                .isEqualTo("Backend Architect is the next step after Backend Engineer on the career ladder.");
    }

    @Test
    void anUnknownOrSelfComparisonIsAnErrorAtItsSlug() {
        InlineSite.Built built = InlineSite.minimal()
                .edit(ENGINEER, "related: [backend-architect]", "related: [backend-architect]\ncompare: [backend-architec, backend-engineer]")
                .build();

        assertThat(built.errors()).containsExactly(
                ENGINEER + ":9:11: error: unknown guide \"backend-architec\" in compare (did you mean \"backend-architect\"?)",
                ENGINEER + ":9:29: error: \"compare\" lists the guide itself");
    }
}
