package dev.guidegen.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.guidegen.pipeline.Build;
import dev.guidegen.pipeline.BuildResult;
import dev.guidegen.output.SiteWriter;
import dev.guidegen.source.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped site in Debian's Chromium: axe-core finds no violations on the six page types, in
 * light and dark, and no page scrolls sideways on a phone or a laptop. Screenshots of a guide go
 * to target/screenshots for a person to look at.
 */
class BrowserQualityTest {

    static final List<String> PAGES = List.of("/", "/roles/backend-engineer/", "/roles/lead-backend-engineer/faq/",
            "/faq/", "/salaries/", "/skills/api-design/", "/compare/backend-engineer-vs-backend-software-engineer/",
            "/groups/backend/", "/faq/backend/", "/salaries/backend/");

    static Path site;
    static Browser browser;
    static List<String> allPages;

    @BeforeAll
    static void open() throws Exception {
        if (!Browser.shouldRun()) {
            return; // each test skips itself, and Maven counts it as skipped
        }
        Browser.Opened opened = Browser.open(Build.run(SourceTree.read(Path.of(".")), false));
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
    void axeFindsNoViolationsOnAnyPageTypeInLightOrDark() {
        List<String> violations = new ArrayList<>();
        for (String page : PAGES) {
            violations.addAll(browser.axeViolations(page, 1280, false));
            violations.addAll(browser.axeViolations(page, 360, true));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void axeFindsNoViolationsOnAnyOtherPageEither() {
        List<String> violations = new ArrayList<>();
        for (String page : allPages) {
            if (!PAGES.contains(page)) {
                violations.addAll(browser.axeViolations(page, 360, false));
            }
        }
        assertThat(allPages).hasSizeGreaterThan(30);
        assertThat(violations).isEmpty();
    }

    @Test
    void noPageScrollsSidewaysOnAPhone() {
        assertThat(allPages.stream().filter(page -> browser.scrollsHorizontally(page, 360)).toList()).isEmpty();
    }

    @Test
    void noPageScrollsSidewaysAt360Or1280Pixels() {
        List<String> scrolling = new ArrayList<>();
        for (String page : PAGES) {
            for (int width : new int[] {360, 1280}) {
                if (browser.scrollsHorizontally(page, width)) {
                    scrolling.add(page + " at " + width + "px");
                }
            }
        }
        assertThat(scrolling).isEmpty();
    }

    @Test
    void theCheckSeesAPageThatScrollsSideways() throws Exception {
        Files.writeString(site.resolve("wide.html"), "<!DOCTYPE html><html lang=en><title>w</title>"
                + "<meta name=viewport content='width=device-width'><main><h1>Wide</h1><div style='width:900px'>wide</div></main>");
        assertThat(browser.scrollsHorizontally("/wide.html", 360)).isTrue();
        assertThat(browser.axeViolations("/wide.html")).isEmpty();
    }

    @Test
    void screenshotsOfAGuideAreTakenAtPhoneAndLaptopWidthInLightAndDark() throws Exception {
        Path dir = Path.of("target/screenshots");
        for (int width : new int[] {360, 1280}) {
            for (boolean dark : new boolean[] {false, true}) {
                Path png = dir.resolve("guide-" + width + (dark ? "-dark" : "-light") + ".png");
                browser.screenshot("/roles/backend-engineer/", width, dark, png);
                assertThat(Files.size(png)).isGreaterThan(10_000);
            }
        }
    }
}
