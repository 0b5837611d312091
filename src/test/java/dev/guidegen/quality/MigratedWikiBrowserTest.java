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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrated-wiki test site in Debian's Chromium: wide images, wide tables, long code lines and
 * long words stay inside the viewport, and axe-core finds no violations on any page.
 */
class MigratedWikiBrowserTest {

    static Path site;
    static Browser browser;
    static List<String> allPages;

    @BeforeAll
    static void open() throws Exception {
        if (!Browser.shouldRun()) {
            return; // each test skips itself, and Maven counts it as skipped
        }
        Browser.Opened opened = Browser.open(InlineSite.fromResources("migrated-wiki").build().result());
        site = opened.site();
        browser = opened.browser();
        allPages = opened.pages();
    }

    @org.junit.jupiter.api.BeforeEach
    void needsChromium() {
        Browser.assumeChromium();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void noPageScrollsSidewaysAt360Or1280Pixels() {
        List<String> scrolling = new ArrayList<>();
        for (String page : allPages) {
            for (int width : new int[] {360, 1280}) {
                if (browser.scrollsHorizontally(page, width)) {
                    scrolling.add(page + " at " + width + "px");
                }
            }
        }
        assertThat(allPages).hasSizeGreaterThan(20);
        assertThat(scrolling).isEmpty();
    }

    @Test
    void axeFindsNoViolationsOnAnyPage() {
        List<String> violations = new ArrayList<>();
        for (String page : allPages) {
            violations.addAll(browser.axeViolations(page, 360, false));
        }
        violations.addAll(browser.axeViolations("/roles/data-engineer/", 1280, true));
        assertThat(violations).isEmpty();
    }

    @Test
    void screenshotsOfTheWidestGuideAreTakenAtPhoneAndLaptopWidth() throws Exception {
        Path dir = Path.of("target/screenshots");
        for (int width : new int[] {360, 1280}) {
            Path png = dir.resolve("wiki-data-engineer-" + width + ".png");
            browser.screenshot("/roles/data-engineer/", width, false, png);
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }

    @Test
    void anOldUrlSendsTheReaderOnToThePageThatLivesThereNow() throws Exception {
        assertThat(allPages).contains("/roles/data-pipeline-engineer/", "/wiki/");
        assertThat(browser.landsOn("/roles/data-pipeline-engineer/")).isEqualTo("/roles/data-engineer/");
        assertThat(browser.landsOn("/wiki/")).isEqualTo("/about/");
    }
}
