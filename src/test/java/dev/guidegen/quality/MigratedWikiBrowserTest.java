package dev.guidegen.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.guidegen.InlineSite;
import dev.guidegen.pipeline.BuildResult;
import dev.guidegen.output.SiteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The migrated-wiki test site in Debian's Chromium: wide images, wide tables, long code lines and
 * long words stay inside the viewport, and axe-core finds no violations on any page.
 */
class MigratedWikiBrowserTest {

    @org.junit.jupiter.api.extension.RegisterExtension
    static final OpenSite OPEN = new OpenSite(() -> InlineSite.fromResources("migrated-wiki").build().result());

    @Test
    void noPageScrollsSidewaysAt360Or1280Pixels() {
        List<String> scrolling = new ArrayList<>();
        for (String page : OPEN.pages()) {
            for (int width : new int[] {360, 1280}) {
                if (OPEN.browser().scrollsHorizontally(page, width)) {
                    scrolling.add(page + " at " + width + "px");
                }
            }
        }
        assertThat(OPEN.pages()).hasSizeGreaterThan(20);
        assertThat(scrolling).isEmpty();
    }

    @Test
    void axeFindsNoViolationsOnAnyPage() {
        List<String> violations = new ArrayList<>();
        for (String page : OPEN.pages()) {
            violations.addAll(OPEN.browser().axeViolations(page, 360, false));
        }
        violations.addAll(OPEN.browser().axeViolations("/roles/data-engineer/", 1280, true));
        assertThat(violations).isEmpty();
    }

    @Test
    void screenshotsOfTheWidestGuideAreTakenAtPhoneAndLaptopWidth() throws Exception {
        Path dir = Path.of("target/screenshots");
        for (int width : new int[] {360, 1280}) {
            Path png = dir.resolve("wiki-data-engineer-" + width + ".png");
            OPEN.browser().screenshot("/roles/data-engineer/", width, false, png);
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }

    @Test
    void anOldUrlSendsTheReaderOnToThePageThatLivesThereNow() throws Exception {
        assertThat(OPEN.pages()).contains("/roles/data-pipeline-engineer/", "/wiki/");
        assertThat(OPEN.browser().landsOn("/roles/data-pipeline-engineer/")).isEqualTo("/roles/data-engineer/");
        assertThat(OPEN.browser().landsOn("/wiki/")).isEqualTo("/about/");
    }
}
