package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.pipeline.Build;
import dev.guidegen.source.SourceTree;

import dev.guidegen.serve.DevServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServerTest {

    @TempDir
    Path root;

    static HttpResponse<String> get(DevServer.Running server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The published URL of the stylesheet a page links. */
    static String stylesheet(String page) {
        return org.jsoup.Jsoup.parse(page).select("link[rel=stylesheet]").attr("href");
    }

    @Test
    void thePreviewListensOnLoopbackOnlyAndRebuildsWhenAFileChanges() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        DevServer.Running server = new DevServer(root, false).start(0);
        try {
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            HttpResponse<String> guide = get(server, "/roles/backend-engineer/");
            assertThat(guide.statusCode()).isEqualTo(200);
            assertThat(guide.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(guide.body()).contains("<h1>Backend Engineer</h1>");
            assertThat(get(server, "/no-such-page/").statusCode()).isEqualTo(404);

            Path file = root.resolve(BadInput.ENGINEER);
            // Each edit is asked for once the preview says it rebuilt, as an open page does: a request the
            // moment a file is written can come before the watcher has heard of it.
            java.util.concurrent.BlockingQueue<String> lines = events(server);
            Thread.sleep(300);
            Files.writeString(file, Files.readString(file).replace("related: [backend-architect]", "related: [backend-architec]"));
            assertThat(await(lines, l -> l.equals("event:reload"))).isEqualTo("event:reload");
            // A failed build leaves the last good page and its stylesheet served, with its problems over them.
            HttpResponse<String> broken = get(server, "/roles/backend-engineer/");
            assertThat(broken.statusCode()).isEqualTo(200);
            assertThat(broken.body()).contains("<h1>Backend Engineer</h1>", "/__guidegen/reload.js");
            assertThat(get(server, stylesheet(broken.body())).statusCode()).isEqualTo(200);
            var status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(get(server, "/__guidegen/status").body());
            assertThat(status.get("failed").asBoolean()).isTrue();
            assertThat(status.get("summary").asText()).isEqualTo("Build failed: 1 error, 0 warnings");
            assertThat(status.get("text").asText()).contains(
                    "content/guides/backend-engineer.md:8:11: error: unknown guide \"backend-architec\" in related",
                    " 8 | related: [backend-architec]\n   |           ^\n");

            Thread.sleep(300);
            lines.clear(); // news of the first edit's rebuild, however many times it was told
            Files.writeString(file, Files.readString(file).replace("backend-architec]", "backend-architect]")
                    .replace("title: Backend Engineer", "title: Backend Engineer II"));
            assertThat(await(lines, l -> l.equals("event:reload"))).isEqualTo("event:reload");
            assertThat(get(server, "/roles/backend-engineer/").body()).contains("<h1>Backend Engineer II</h1>");
        } finally {
            server.close();
        }
    }

    /** A page as a clean build of the site makes it. */
    private String cleanPage(String path) {
        return Build.run(SourceTree.read(root), false).files().stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> new String(f.bytes(), java.nio.charset.StandardCharsets.UTF_8)).orElseThrow();
    }

    /** A page the preview served, without the script it adds. */
    private static String withoutReload(String page) {
        return page.replaceAll("<script src=\"/__guidegen/reload\\.js\" defer data-build=\"\\d+\"></script>", "");
    }

    @Test
    void thePreviewWarmsUpOnItsFirstGuideYetServesItAndItsEditsAsCleanBuildsMakeThem() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        DevServer.Running server = new DevServer(root, false).start(0);
        try {
            // backend-architect is the first guide by path: the one the preview edits in memory as it starts.
            String first = get(server, "/roles/backend-architect/").body();
            assertThat(first).doesNotContain("while the preview starts");
            assertThat(withoutReload(first)).isEqualTo(cleanPage("roles/backend-architect/index.html"));
            Path file = root.resolve("content/guides/backend-architect.md");
            java.util.concurrent.BlockingQueue<String> lines = events(server);
            Thread.sleep(300);
            Files.writeString(file, Files.readString(file) + "\nA closing line.\n");
            // As an open page does: asked again once the preview says it rebuilt. A request the moment
            // the file is written can come before the watcher has heard of it, and get the page before.
            assertThat(await(lines, l -> l.equals("event:reload"))).isEqualTo("event:reload");
            String edited = get(server, "/roles/backend-architect/").body();
            assertThat(edited).contains("A closing line.").doesNotContain("while the preview starts");
            assertThat(withoutReload(edited)).isEqualTo(cleanPage("roles/backend-architect/index.html"));
            assertThat(withoutReload(get(server, "/roles/backend-engineer/").body()))
                    .isEqualTo(cleanPage("roles/backend-engineer/index.html"));
        } finally {
            server.close();
        }
    }

    @Test
    void openPagesAreToldToReloadWhenASourceChangesAndOnlyThePreviewAddsTheScript() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        java.io.StringWriter log = new java.io.StringWriter();
        DevServer.Running server = new DevServer(root, false, new java.io.PrintWriter(log, true)).start(0);
        try {
            String page = get(server, "/roles/backend-engineer/").body();
            assertThat(page).containsPattern("<script src=\"/__guidegen/reload.js\" defer data-build=\"\\d+\"></script></body>");
            assertThat(get(server, "/__guidegen/reload.js").body()).contains("new EventSource('/__guidegen/events')");
            var built = Build.run(SourceTree.read(root), false).files();
            assertThat(built.stream().map(f -> new String(f.bytes(), java.nio.charset.StandardCharsets.UTF_8)))
                    .noneMatch(t -> t.contains("__guidegen"));
            // The preview's page is the built page and the script, nothing else.
            String builtPage = built.stream().filter(f -> f.path().equals("roles/backend-engineer/index.html")).findFirst()
                    .map(f -> new String(f.bytes(), java.nio.charset.StandardCharsets.UTF_8)).orElseThrow();
            assertThat(page.replaceFirst("<script src=\"/__guidegen/reload.js\" defer data-build=\"\\d+\"></script>", ""))
                    .isEqualTo(builtPage);

            java.util.concurrent.BlockingQueue<String> lines = events(server);
            Thread.sleep(300);
            Path file = root.resolve(BadInput.ENGINEER);
            Files.writeString(file, Files.readString(file).replace("title: Backend Engineer", "title: Backend Engineer II"));

            String line = await(lines, l -> l.equals("event:reload"));
            assertThat(line).isEqualTo("event:reload");
            assertThat(log.toString()).matches("(?s)Rebuilt 9 of 12 pages in \\d+ ms, 0 warnings\n.*");
            assertThat(get(server, "/roles/backend-engineer/").body()).contains("<h1>Backend Engineer II</h1>");
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(get(server, "/__guidegen/status").body())
                    .get("failed").asBoolean()).isFalse();
        } finally {
            server.close();
        }
    }

    /**
     * A request made just after a save (a page asks for the build's status as it loads, say) rebuilds
     * at once, before the watcher, which waits a moment for the rest of the save. The open pages are
     * told to reload all the same.
     */
    @Test
    void openPagesAreToldToReloadWhenARequestRebuildsBeforeTheWatcherDoes() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        DevServer.Running server = new DevServer(root, false).start(0);
        try {
            get(server, "/roles/backend-engineer/");
            java.util.concurrent.BlockingQueue<String> lines = events(server);
            assertThat(await(lines, l -> l.startsWith("data:"))).isNotNull();
            Path file = root.resolve(BadInput.ENGINEER);
            String original = Files.readString(file);
            for (int round = 1; round <= 20; round++) {
                String title = "Backend Engineer R" + round;
                Files.writeString(file, original.replace("title: Backend Engineer", "title: " + title));
                // Requests one after another until one has rebuilt, as a page's own requests may.
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!get(server, "/__guidegen/status").body().contains("\"failed\":false")
                        || !get(server, "/roles/backend-engineer/").body().contains(title)) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                }
                assertThat(await(lines, l -> l.equals("event:reload"))).as("round %d", round).isEqualTo("event:reload");
                lines.clear();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void aPageWhoseBuildIsReplacedBeforeItListensForReloadsIsToldTheNewBuildWhenItConnects() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        DevServer.Running server = new DevServer(root, false).start(0);
        try {
            java.util.regex.Matcher served = java.util.regex.Pattern.compile("data-build=\"(\\d+)\"")
                    .matcher(get(server, "/roles/backend-engineer/").body());
            assertThat(served.find()).isTrue();
            Path file = root.resolve(BadInput.ENGINEER);
            Files.writeString(file, Files.readString(file).replace("title: Backend Engineer", "title: Backend Engineer II"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!get(server, "/roles/backend-engineer/").body().contains("Backend Engineer II") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            // The page's script connects only now: the reload it missed is made up for by the build it is told.
            java.util.concurrent.BlockingQueue<String> lines = events(server);
            String line = await(lines, l -> l.startsWith("data:"));
            assertThat(line).isNotNull();
            assertThat(Long.parseLong(line.substring("data:".length()))).isGreaterThan(Long.parseLong(served.group(1)));
        } finally {
            server.close();
        }
    }

    @Test
    void aFolderMadeWhileThePreviewRunsIsWatchedAndAFileSavedInItReloadsOpenPages() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        java.io.StringWriter log = new java.io.StringWriter();
        DevServer.Running server = new DevServer(root, false, new java.io.PrintWriter(log, true)).start(0);
        try {
            get(server, "/roles/backend-engineer/");
            java.util.concurrent.BlockingQueue<String> lines = events(server);
            Path folder = Files.createDirectories(root.resolve("content/pages/team"));
            Thread.sleep(500);
            Files.writeString(folder.resolve("about.md"), "---\ntitle: About\nsummary: Who we are.\n---\nWe write guides.\n");

            String line = await(lines, l -> l.equals("event:reload"));
            assertThat(line).as("a reload after the save in the new folder").isEqualTo("event:reload");
            assertThat(log.toString()).contains("Rebuil");
        } finally {
            server.close();
        }
    }

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>%s</title></svg>";

    @Test
    void aSaveInAFolderRenamedWhileThePreviewRunsIsServed() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        Path charts = Files.createDirectories(root.resolve("content/images/charts"));
        Files.writeString(charts.resolve("pay.svg"), SVG.formatted("one"));
        DevServer.Running server = new DevServer(root, false).start(0);
        try {
            assertThat(get(server, "/images/charts/pay.svg").body()).contains("one");
            Path graphs = root.resolve("content/images/graphs");
            Files.move(charts, graphs);
            Thread.sleep(500);
            assertThat(get(server, "/images/graphs/pay.svg").body()).contains("one");
            Files.writeString(graphs.resolve("pay.svg"), SVG.formatted("two"));
            Thread.sleep(500);
            assertThat(get(server, "/images/graphs/pay.svg").body()).as("the save after the rename").contains("two");
        } finally {
            server.close();
        }
    }

    @Test
    void aTemplatesFolderRemovedAndPutBackAsANewCopyIsServed() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        DevServer.Running server = new DevServer(root, false).start(0);
        try {
            assertThat(get(server, "/roles/backend-engineer/").statusCode()).isEqualTo(200);
            Path templates = root.resolve("templates");
            Path saved = Files.createTempDirectory("theme").resolve("templates");
            copyTree(templates, saved);
            Path guide = saved.resolve("guide.ftlh");
            Files.writeString(guide, Files.readString(guide).replace("</header>", "<p>Theme two</p></header>"));
            deleteTree(templates);
            Thread.sleep(500);
            get(server, "/roles/backend-engineer/");
            copyTree(saved, templates);
            Thread.sleep(500);
            assertThat(get(server, "/roles/backend-engineer/").body()).as("the page once templates/ is back").contains("Theme two");
        } finally {
            server.close();
        }
    }

    @Test
    void anEditToAFileThatAContentFileLinksToIsServed() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        Path shared = Files.createDirectories(root.resolve("shared"));
        Path page = root.resolve("content/pages/methodology.md");
        Path target = Files.move(page, shared.resolve("methodology.md"));
        Files.createSymbolicLink(page, target);
        DevServer.Running server = new DevServer(root, false).start(0);
        try {
            assertThat(get(server, "/methodology/").statusCode()).isEqualTo(200);
            Files.writeString(target, Files.readString(target).replace("Published guides.", "Published guides, edited."));
            Thread.sleep(500);
            assertThat(get(server, "/methodology/").body()).contains("Published guides, edited.");
        } finally {
            server.close();
        }
    }

    /** The lines of the preview's event stream, as they come. */
    private static java.util.concurrent.BlockingQueue<String> events(DevServer.Running server) {
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/__guidegen/events")).build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        return lines;
    }

    /** The first line that passes {@code test}, or null when none comes within 10 seconds of the last. */
    private static String await(java.util.concurrent.BlockingQueue<String> lines, java.util.function.Predicate<String> test)
            throws InterruptedException {
        String line;
        do {
            line = lines.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        } while (line != null && !test.test(line));
        return line;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aSiteThatHasNeverBuiltShowsItsProblemsOnAPageThatReloadsWhenTheyAreFixed() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal().edit(BadInput.ENGINEER, "related: [backend-architect]", "related: [x-y]"));
        DevServer.Running server = new DevServer(root, false, new java.io.PrintWriter(new java.io.StringWriter(), true)).start(0);
        try {
            HttpResponse<String> page = get(server, "/");
            assertThat(page.statusCode()).isEqualTo(500);
            assertThat(page.body()).contains("<h1>Build failed</h1>", "unknown guide &quot;x-y&quot;", "/__guidegen/reload.js");
        } finally {
            server.close();
        }
    }

    /** A raw request, so the Host header can say anything. */
    static String rawGet(DevServer.Running server, String host) throws Exception {
        return rawGet(server, "/", host);
    }

    static String rawGet(DevServer.Running server, String path, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void requestsForAnyOtherHostAreRefusedSoRebindingDnsCannotReadThePreview() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        DevServer.Running server = new DevServer(root, false).start(0);
        int port = server.port();
        try {
            assertThat(rawGet(server, "attacker.example:" + port)).startsWith("HTTP/1.1 403");
            assertThat(rawGet(server, "127.0.0.1:" + (port == 1 ? 2 : port - 1))).startsWith("HTTP/1.1 403");
            assertThat(rawGet(server, null)).startsWith("HTTP/1.1 400").doesNotContain("Test Guides");
            assertThat(rawGet(server, "127.0.0.1.:" + port)).startsWith("HTTP/1.1 403");
            assertThat(rawGet(server, "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
            assertThat(rawGet(server, "localhost:" + port)).startsWith("HTTP/1.1 200");
        } finally {
            server.close();
        }
    }

    @Test
    void aMalformedAddressGetsAPlainBadRequestNamingNoJavaClass() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        DevServer.Running server = new DevServer(root, false).start(0);
        try {
            for (String path : new String[] {"/%zz", "/a%20b|x^{"}) {
                String reply = rawGet(server, path, "127.0.0.1:" + server.port());
                assertThat(reply).as(path).startsWith("HTTP/1.1 400").doesNotContain("Exception");
            }
            for (String path : new String[] {"/../../content/site.yaml", "/%2e%2e/content/site.yaml", "/../../../etc/passwd"}) {
                String reply = rawGet(server, path, "127.0.0.1:" + server.port());
                assertThat(reply).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("title: Test Guides")
                        .doesNotContain("root:");
            }
        } finally {
            server.close();
        }
    }

    @Test
    void twoHundredParallelRequestsDuringAtomicSavesAllGetAFullAnswer() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        java.io.StringWriter log = new java.io.StringWriter();
        DevServer.Running server = new DevServer(root, false, new java.io.PrintWriter(log, true)).start(0);
        Path guide = root.resolve(BadInput.ENGINEER);
        String text = Files.readString(guide);
        String css = stylesheet(get(server, "/roles/backend-engineer/").body());
        java.util.concurrent.atomic.AtomicBoolean saving = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread editor = new Thread(() -> {
            // As editors save: write a swap file beside the guide, then rename it over the guide.
            for (int i = 0; saving.get(); i++) {
                try {
                    Path swap = guide.resolveSibling(".backend-engineer.md.swp");
                    Files.writeString(swap, text.replace("Builds APIs.", "Builds APIs, edit " + i + "."));
                    Files.move(swap, guide, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    Files.writeString(guide.resolveSibling("backend-engineer.md~"), "backup");
                    Files.delete(guide.resolveSibling("backend-engineer.md~"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        editor.start();
        HttpClient client = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(16)).build();
        try {
            java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String path = i % 2 == 0 ? "/roles/backend-engineer/" : css;
                replies.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (var reply : replies) {
                HttpResponse<String> r = reply.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).isNotEmpty();
            }
        } finally {
            saving.set(false);
            editor.join();
            server.close();
        }
        // Every rebuild succeeds and says so in one line; nothing else, no failed build, no failed request.
        assertThat(log.toString().lines()).allMatch(line -> line.matches("Rebuilt \\d+ of 12 pages in \\d+ ms, 0 warnings"));
    }

    @Test
    void savesThatMoveTheOldFileAsideFirstNeverShowAFailedBuild() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        DevServer.Running server = new DevServer(root, false, new java.io.PrintWriter(new java.io.StringWriter())).start(0);
        Path guide = root.resolve(BadInput.ENGINEER);
        Path backup = guide.resolveSibling("backend-engineer.md~");
        String text = Files.readString(guide);
        java.util.concurrent.atomic.AtomicBoolean saving = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread editor = new Thread(() -> {
            // As Vim saves with its default backup settings: the old file renamed to x~, then the new one written.
            for (int i = 0; saving.get(); i++) {
                try {
                    Files.move(guide, backup, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Thread.sleep(20);
                    Files.writeString(guide, text.replace("Builds APIs.", "Builds APIs, edit " + i + "."));
                    Files.delete(backup);
                    Thread.sleep(30);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        editor.start();
        try {
            for (int i = 0; i < 60; i++) {
                assertThat(get(server, "/roles/backend-engineer/").statusCode()).as("request " + i).isEqualTo(200);
            }
        } finally {
            saving.set(false);
            editor.join();
            server.close();
        }
    }

    @Test
    void anInvalidOrBusyPortIsOneLineWithTheUsageExitCode() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        CommandLineTest.Run invalid = CommandLineTest.run("serve", "--root", root.toString(), "--port", "99999");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err()).isEqualTo("guidegen: --port must be a number from 1 to 65535, not 99999\n");

        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CommandLineTest.Run taken = CommandLineTest.run("serve", "--root", root.toString(), "--port",
                    String.valueOf(busy.getLocalPort()));
            assertThat(taken.exit()).isEqualTo(2);
            assertThat(taken.err()).isEqualTo("guidegen: port " + busy.getLocalPort()
                    + " on 127.0.0.1 is in use; stop what is using it, or choose another with --port\n");
        }
        CommandLineTest.Run notANumber = CommandLineTest.run("serve", "--port", "http");
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err().lines()).hasSize(1);
        assertThat(notANumber.err()).doesNotContain("Exception");
    }
}
