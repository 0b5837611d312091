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

    @org.junit.jupiter.api.extension.RegisterExtension
    static final OpenSite OPEN = new OpenSite(() -> Build.run(SourceTree.read(Path.of(".")), false));

    @Test
    void axeFindsNoViolationsOnAnyPageTypeInLightOrDark() {
        List<String> violations = new ArrayList<>();
        for (String page : PAGES) {
            violations.addAll(OPEN.browser().axeViolations(page, 1280, false));
            violations.addAll(OPEN.browser().axeViolations(page, 360, true));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void axeFindsNoViolationsOnAnyOtherPageEither() {
        List<String> violations = new ArrayList<>();
        for (String page : OPEN.pages()) {
            if (!PAGES.contains(page)) {
                violations.addAll(OPEN.browser().axeViolations(page, 360, false));
            }
        }
        assertThat(OPEN.pages()).hasSizeGreaterThan(30);
        assertThat(violations).isEmpty();
    }

    @Test
    void noPageScrollsSidewaysOnAPhone() {
        assertThat(OPEN.pages().stream().filter(page -> OPEN.browser().scrollsHorizontally(page, 360)).toList()).isEmpty();
    }

    @Test
    void noPageScrollsSidewaysAt360Or1280Pixels() {
        List<String> scrolling = new ArrayList<>();
        for (String page : PAGES) {
            for (int width : new int[] {360, 1280}) {
                if (OPEN.browser().scrollsHorizontally(page, width)) {
                    scrolling.add(page + " at " + width + "px");
                }
            }
        }
        assertThat(scrolling).isEmpty();
    }

    @Test
    void theCheckSeesAPageThatScrollsSideways() throws Exception {
        Files.writeString(OPEN.site().resolve("wide.html"), "<!DOCTYPE html><html lang=en><title>w</title>"
                + "<meta name=viewport content='width=device-width'><main><h1>Wide</h1><div style='width:900px'>wide</div></main>");
        assertThat(OPEN.browser().scrollsHorizontally("/wide.html", 360)).isTrue();
        assertThat(OPEN.browser().axeViolations("/wide.html")).isEmpty();
    }

    @Test
    void screenshotsOfAGuideAreTakenAtPhoneAndLaptopWidthInLightAndDark() throws Exception {
        Path dir = Path.of("target/screenshots");
        for (int width : new int[] {360, 1280}) {
            for (boolean dark : new boolean[] {false, true}) {
                Path png = dir.resolve("guide-" + width + (dark ? "-dark" : "-light") + ".png");
                OPEN.browser().screenshot("/roles/backend-engineer/", width, dark, png);
                assertThat(Files.size(png)).isGreaterThan(10_000);
            }
        }
    }
}
