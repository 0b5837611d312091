package dev.guidegen.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.pipeline.Build;
import dev.guidegen.pipeline.BuildResult;
import dev.guidegen.output.SiteWriter;
import dev.guidegen.source.SourceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page of the shipped site, and of the migrated-wiki test site, passes the Nu HTML Checker with zero errors. */
class HtmlValidityTest {

    @TempDir
    Path out;

    @Test
    void everyPageOfTheShippedSitePassesTheNuHtmlChecker() throws Exception {
        assertEveryPageValid(Build.run(SourceTree.read(Path.of(".")), false), 30);
    }

    @Test
    void everyPageOfTheMigratedWikiSitePassesTheNuHtmlChecker() throws Exception {
        assertEveryPageValid(dev.guidegen.InlineSite.fromResources("migrated-wiki").build().result(), 20);
    }

    private void assertEveryPageValid(BuildResult result, int atLeast) throws Exception {
        assertThat(result.failed()).isFalse();
        SiteWriter.write(out, result.files());
        HtmlValidator validator = new HtmlValidator();
        List<String> errors = new ArrayList<>();
        int pages = 0;
        for (var file : result.files()) {
            if (file.path().endsWith(".html")) {
                pages++;
                errors.addAll(validator.validate(out.resolve(file.path())));
            }
        }
        assertThat(pages).isGreaterThan(atLeast);
        assertThat(errors).isEmpty();
    }

    @Test
    void theCheckerReportsAnInvalidPage() throws Exception {
        Path bad = out.resolve("bad.html");
        java.nio.file.Files.writeString(bad, "<!DOCTYPE html><html lang=en><title>x</title><p><div></span>");

        assertThat(new HtmlValidator().validate(bad)).isNotEmpty();
    }
}
