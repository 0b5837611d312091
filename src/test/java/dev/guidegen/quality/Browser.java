package dev.guidegen.quality;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.sun.net.httpserver.HttpExchange;
import dev.guidegen.serve.DevServer;
import com.sun.net.httpserver.HttpServer;

/**
 * Headless Debian Chromium looking at a directory of generated pages, served over HTTP on
 * 127.0.0.1. Needs {@code apt-get install -y chromium chromium-driver}.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final int HEIGHT = 800;
    private static final int MAX_SHOT_HEIGHT = 16_000;

    // Selenium warns when it has no selenium-devtools module for this Chromium version.
    // executeCdpCommand goes through chromedriver and needs none. Held in a field because
    // java.util.logging keeps loggers only weakly.
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private final Path root;
    private final HttpServer server;
    private final Path profile;
    private final ChromeDriver driver;
    private String axeSource;

    /** A built site written to a temporary folder and opened in Chromium, with the URL of every page. */
    public record Opened(Path site, Browser browser, List<String> pages) {
    }

    /**
     * Writes a built site and opens a browser on it. Without Chromium the calling tests are skipped,
     * unless -Dguidegen.requireBrowser=true makes that a failure.
     */
    public static Opened open(dev.guidegen.pipeline.BuildResult result) throws IOException {
        assumeChromium();
        org.assertj.core.api.Assertions.assertThat(result.failed()).isFalse();
        Path site = Files.createTempDirectory("guidegen-browser-site").resolve("site");
        dev.guidegen.output.SiteWriter.write(site, result.files());
        List<String> pages = result.files().stream().map(f -> f.path()).filter(p -> p.endsWith(".html"))
                .map(p -> "/" + (p.endsWith("index.html") ? p.substring(0, p.length() - "index.html".length()) : p)).toList();
        return new Opened(site, new Browser(site), pages);
    }

    public Browser(Path siteDir) throws IOException {
        root = siteDir.toRealPath();
        profile = Files.createTempDirectory("guidegen-chromium");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
        try {
            driver = startChromium(profile);
        } catch (RuntimeException e) {
            server.stop(0);
            deleteTree(profile);
            throw e;
        }
    }

    /**
     * Skips the calling test when Chromium is not installed, unless -Dguidegen.requireBrowser=true
     * makes that a failure.
     */
    public static void assumeChromium() {
        org.junit.jupiter.api.Assumptions.assumeTrue(shouldRun(),
                "Chromium is not installed: apt-get install -y chromium chromium-driver");
    }

    /**
     * Whether browser tests should run: Chromium is installed, or it is required and its absence must
     * fail. A class that opens the browser once checks this first and leaves each test to skip itself
     * with {@link #assumeChromium()}, so that Maven's summary counts every skipped test.
     */
    public static boolean shouldRun() {
        return Boolean.getBoolean("guidegen.requireBrowser")
                || Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    /** Headless Chromium with its own profile in {@code profile}, for a test that serves pages itself. */
    public static ChromeDriver startChromium(Path profile) {
        // An explicit driver executable and binary keep Selenium Manager from running at all.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280," + HEIGHT, "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Base URL of the site, e.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** axe-core violations at 1280px in light mode, as "urlPath: rule [impact] help: targets". */
    public List<String> axeViolations(String urlPath) {
        return axeViolations(urlPath, 1280, false);
    }

    @SuppressWarnings("unchecked")
    public List<String> axeViolations(String urlPath, int width, boolean dark) {
        open(urlPath, width, dark);
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then("
                + "  r => done(r.violations.map(v => v.id + ' [' + v.impact + '] ' + v.help + ': '"
                + "       + v.nodes.map(n => n.target.join(' ')).join(', '))),"
                + "  e => done('axe failed: ' + e));");
        if (result instanceof String error) {
            throw new IllegalStateException(urlPath + ": " + error);
        }
        return ((List<String>) result).stream().map(v -> urlPath + ": " + v).toList();
    }

    /**
     * True if the page is wider than a viewport {@code width} CSS pixels wide and the user can
     * scroll to the rest. Content cut off by overflow-x: hidden/clip on html or body counts as
     * not scrolling.
     */
    public boolean scrollsHorizontally(String urlPath, int width) {
        open(urlPath, width, false);
        // clientWidth excludes a vertical scrollbar, unlike innerWidth. window.scrollTo() is no
        // test: it also moves an overflow-x: hidden viewport. The viewport takes overflow-x
        // from <html>, or from <body> when <html>'s is visible.
        Object scrolls = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "document.fonts.ready.then(() => {"
                + "  const html = document.documentElement;"
                + "  const overflow = e => e ? getComputedStyle(e).overflowX : 'visible';"
                + "  const viewport = overflow(html) !== 'visible' ? overflow(html) : overflow(document.body);"
                + "  done(html.scrollWidth > html.clientWidth && viewport !== 'hidden' && viewport !== 'clip');"
                + "});");
        return Boolean.TRUE.equals(scrolls);
    }

    /** The path of the page the browser shows once it has followed any redirect from {@code urlPath}. */
    public String landsOn(String urlPath) throws InterruptedException {
        driver.get(baseUrl() + urlPath);
        for (int i = 0; i < 100 && java.net.URI.create(driver.getCurrentUrl()).getPath().equals(urlPath); i++) {
            Thread.sleep(20);
        }
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Full-page PNG at the given viewport width, optionally with prefers-color-scheme: dark. */
    public void screenshot(String urlPath, int width, boolean dark, Path png) throws IOException {
        open(urlPath, width, dark);
        // Grow the viewport to the page height instead of using captureBeyondViewport, which
        // crops to the width measured while the vertical scrollbar was still there.
        long height = (Long) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "document.fonts.ready.then(() => done(document.documentElement.scrollHeight));");
        metrics(width, (int) Math.min(Math.max(height, HEIGHT), MAX_SHOT_HEIGHT));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        if (png.getParent() != null) {
            Files.createDirectories(png.getParent());
        }
        Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private void open(String urlPath, int width, boolean dark) {
        metrics(width, HEIGHT);
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(
                Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
        driver.get(baseUrl() + urlPath);
    }

    /** Sets the layout viewport exactly; headless windows are at least 500px wide otherwise. */
    private void metrics(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private String axeSource() {
        if (axeSource == null) {
            // axe.min.js sits at the root of com.deque.html.axe-core:selenium.
            try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath");
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    /** Static hosting with pretty URLs: /dir/ serves dir/index.html, misses get 404.html. */
    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root)) {
                send(exchange, 403, null, null);
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    exchange.getResponseHeaders().set("Location", path + "/");
                    send(exchange, 301, null, null);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (Files.isRegularFile(file)) {
                send(exchange, 200, file, DevServer.contentType(file.getFileName().toString()));
            } else if (Files.isRegularFile(root.resolve("404.html"))) {
                send(exchange, 404, root.resolve("404.html"), DevServer.contentType("404.html"));
            } else {
                send(exchange, 404, null, null);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, Path file, String type) throws IOException {
        if (file == null || exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, Files.size(file));
        try (OutputStream out = exchange.getResponseBody()) {
            Files.copy(file, out);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            server.stop(0);
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless.
        }
    }
}
