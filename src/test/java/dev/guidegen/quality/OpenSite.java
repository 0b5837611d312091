package dev.guidegen.quality;

import dev.guidegen.pipeline.BuildResult;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A built site open in Chromium for a whole test class. Without Chromium (and unless it is
 * required) nothing is opened and each test skips itself, so Maven's summary counts every one.
 */
public final class OpenSite implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final Supplier<BuildResult> build;
    private Browser.Opened opened;

    public OpenSite(Supplier<BuildResult> build) {
        this.build = build;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (Browser.shouldRun()) {
            opened = Browser.open(build.get());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Browser.assumeChromium();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (opened != null) {
            opened.browser().close();
        }
    }

    public Browser browser() {
        return opened.browser();
    }

    /** The folder the built site was written to. */
    public Path site() {
        return opened.site();
    }

    /** The URL path of every page of the site. */
    public List<String> pages() {
        return opened.pages();
    }
}
