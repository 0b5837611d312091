package dev.guidegen.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.bench.Corpus;
import dev.guidegen.pipeline.Build;
import dev.guidegen.problem.Problem;
import dev.guidegen.serve.DevServer;
import dev.guidegen.source.SourceTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The preview as an editor uses it: a guide open in Chromium, its Markdown edited on disk, and the
 * page changing by itself: no refresh, no click.
 */
class PreviewBrowserTest {

    /** How soon an open page must show an edit to its guide. */
    private static final Duration LIVE = Duration.ofSeconds(1);

    @TempDir
    Path root;
    @TempDir
    Path profile;

    @Test
    void anOpenGuideShowsAnEditWithinASecondThenAYamlErrorAtItsPlaceThenTheFixedPage() throws Exception {
        SourceTree.read(Path.of(".")).files().forEach((path, bytes) -> write(root.resolve(path), bytes));
        editShowsWithinASecond("content/guides/backend-engineer.md", "/roles/backend-engineer/", true);
    }

    @Test
    void anOpenGuideShowsAnEditWithinASecondAmongAThousandGuides() throws Exception {
        Corpus.of(1000).write(root);
        Path site = root.resolve("guidegen");
        root = site;
        editShowsWithinASecond("content/guides/role-00500.md", "/roles/role-00500/", false);
    }

    private void editShowsWithinASecond(String guide, String url, boolean alsoBreakIt) throws Exception {
        Browser.assumeChromium();
        Path file = root.resolve(guide);
        String original = Files.readString(file);
        StringWriter log = new StringWriter();
        try (DevServer.Running server = new DevServer(root, false, new PrintWriter(log, true)).start(0)) {
            ChromeDriver driver = Browser.startChromium(profile);
            try {
                String base = "http://127.0.0.1:" + server.port();
                driver.get(base + url);
                assertThat(text(driver)).doesNotContain("Edited in the preview");

                for (int edit = 1; edit <= 3; edit++) {
                    String sentence = "Edited in the preview, take " + edit + ".";
                    long start = System.nanoTime();
                    Files.writeString(file, original + "\n" + sentence + "\n");
                    Duration took = waitFor(driver, page -> page.contains(sentence), Duration.ofSeconds(10));
                    assertThat(took).as("edit %d shown after %d ms; the server said:%n%s", edit, took.toMillis(), log)
                            .isLessThanOrEqualTo(LIVE);
                    assertThat(navigation(driver)).isEqualTo("reload");
                    String[] said = log.toString().strip().split("\n");
                    System.out.printf("%s: edit %d shown after %d ms (%s)%n", url, edit,
                            Duration.ofNanos(System.nanoTime() - start).toMillis(), said[said.length - 1]);
                }
                if (!alsoBreakIt) {
                    return;
                }

                String broken = original.replace("title: Backend Engineer\n", "title: [Backend Engineer\n");
                Problem first = Build.run(treeWith(guide, broken), false).problems().get(0);
                assertThat(first.pos().path()).isEqualTo(guide);
                assertThat(first.pos().line()).isGreaterThan(1);
                String where = guide + ":" + first.pos().line() + ":" + first.pos().col() + ": error: ";
                Files.writeString(file, broken);
                waitFor(driver, page -> page.contains(where), Duration.ofSeconds(10));
                String overlay = (String) driver.executeScript(
                        "var box = document.getElementById('guidegen-problems'); return box ? box.innerText : '';");
                assertThat(overlay).contains("Build failed: 1 error", where + first.message());
                Path shot = Path.of("target/screenshots/preview-yaml-error.png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                // The last good page stays beneath the overlay.
                assertThat(driver.findElement(org.openqa.selenium.By.tagName("h1")).getText()).isEqualTo("Backend Engineer");

                Files.writeString(file, original.replace("title: Backend Engineer\n", "title: Backend Engineer, fixed\n"));
                waitFor(driver, page -> page.contains("Backend Engineer, fixed"), Duration.ofSeconds(10));
                assertThat(driver.executeScript("return document.getElementById('guidegen-problems') === null")).isEqualTo(true);
                assertThat(navigation(driver)).isEqualTo("reload");
            } finally {
                driver.quit();
            }
        }
    }

    private SourceTree treeWith(String path, String text) {
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>(SourceTree.read(root).files());
        files.put(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return SourceTree.of(files);
    }

    /** Polls the open page's text every 10 ms until it passes; the time it took. */
    private static Duration waitFor(ChromeDriver driver, Predicate<String> test, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            long elapsed = System.nanoTime() - start;
            if (test.test(text(driver))) {
                return Duration.ofNanos(elapsed);
            }
            if (elapsed > limit.toNanos()) {
                throw new AssertionError("the page did not change within " + limit.toMillis() + " ms; it says:\n" + text(driver));
            }
            Thread.sleep(10);
        }
    }

    /** The page's visible text, or "" while it is between loads. */
    private static String text(ChromeDriver driver) {
        try {
            Object text = ((JavascriptExecutor) driver).executeScript("return document.body ? document.body.innerText : ''");
            return text == null ? "" : (String) text;
        } catch (WebDriverException e) {
            return "";
        }
    }

    /** How the current page was reached: "navigate" for the first visit, "reload" after the script reloads it. */
    private static String navigation(ChromeDriver driver) {
        return (String) driver.executeScript("return performance.getEntriesByType('navigation')[0].type");
    }

    private static void write(Path path, byte[] bytes) {
        try {
            Files.createDirectories(path.getParent());
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
