package dev.guidegen.salary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.problem.SourcePos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule for comparing two roles' pay: subtract only like with like, and say why otherwise. */
class PayComparisonTest {

    static final SourcePos AT = SourcePos.start("content/data/salaries.json");
    static final Category CATEGORY = new Category("eng", "Software Engineering",
            percentiles(197_000L, null, 288_000L, 322), "");

    static Figures percentiles(Long p25, Long median, Long p75, Integer sample) {
        return new Figures(Basis.PERCENTILES, null, p25, median, p75, null, null, null, null, null, null, sample, "guide", AT);
    }

    static Figures typicalRange(Long low, Long high, Integer sample) {
        return new Figures(Basis.TYPICAL_RANGE, null, null, null, null, null, low, high, null, null, null, sample, "guide", AT);
    }

    static Pay own(Figures f) {
        return Pay.resolve(new RoleSalary("r", "eng", f, List.of(), AT), CATEGORY, 30);
    }

    @Test
    void twoOwnMediansOnTheSameBasisWithEnoughListingsAreSubtracted() {
        PayComparison c = PayComparison.of("Engineer", own(percentiles(120_000L, 150_000L, 180_000L, 45)),
                "Architect", own(percentiles(190_000L, 240_000L, 290_000L, 60)), 30);

        assertThat(c.subtractable()).isTrue();
        assertThat(c.medianDifference()).isEqualTo(90_000L);
        assertThat(c.why()).isNull();
    }

    @Test
    void differentBasesGiveWordsAndNoNumber() {
        PayComparison c = PayComparison.of("Engineer", own(percentiles(120_000L, 150_000L, 180_000L, 45)),
                "Architect", own(typicalRange(200_000L, 250_000L, 60)), 30);

        assertThat(c.subtractable()).isFalse();
        assertThat(c.medianDifference()).isNull();
        assertThat(c.why()).isEqualTo("their figures are measured differently (Engineer: 25th-75th percentile; "
                + "Architect: typical range)");
    }

    @Test
    void aCategoryFallbackIsNeverSubtracted() {
        Pay fallback = own(percentiles(120_000L, 150_000L, 180_000L, 12));
        PayComparison c = PayComparison.of("Engineer", fallback, "Architect", own(percentiles(190_000L, 240_000L, 290_000L, 60)), 30);

        assertThat(fallback.fallback()).isTrue();
        assertThat(c.subtractable()).isFalse();
        assertThat(c.why()).isEqualTo("Engineer shows the Software Engineering benchmark, not figures of its own");
    }

    @Test
    void figuresWithoutASampleSizeOrAMedianAreNotSubtracted() {
        PayComparison noSample = PayComparison.of("Engineer", own(percentiles(120_000L, 150_000L, 180_000L, null)),
                "Architect", own(percentiles(190_000L, 240_000L, 290_000L, 60)), 30);
        PayComparison noMedian = PayComparison.of("Engineer", own(percentiles(120_000L, null, 180_000L, 45)),
                "Architect", own(percentiles(190_000L, 240_000L, 290_000L, 60)), 30);

        assertThat(noSample.why()).isEqualTo("Engineer's figures do not say how many listings they rest on");
        assertThat(noMedian.why()).isEqualTo("Engineer has no median to compare");
        assertThat(noSample.medianDifference()).isNull();
        assertThat(noMedian.medianDifference()).isNull();
    }
}
