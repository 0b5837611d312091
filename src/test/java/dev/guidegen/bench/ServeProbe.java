package dev.guidegen.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long {@code guidegen serve} takes to serve an edited guide's page rebuilt: it starts the real
 * command on a generated corpus, waits for its first build, then edits one guide's body 1 + RUNS
 * times, half a second apart, and for each polls the page every 10 ms until the edit shows. Prints
 * the first edit's time and the median of the others, in milliseconds.
 *
 * <p>Usage: {@code ServeProbe JAR SITE_ROOT SLUG RUNS}; with {@code SERVE_LOG=FILE} in the environment,
 * what {@code serve} prints (one line per rebuild, with its time) goes to FILE.
 */
public final class ServeProbe {

    private ServeProbe() {
    }

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        Path root = Path.of(args[1]);
        String slug = args[2];
        int runs = Integer.parseInt(args[3]);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process serve = new ProcessBuilder("java", "-jar", jar, "serve", "--root", root.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(System.getenv("SERVE_LOG") == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(new java.io.File(System.getenv("SERVE_LOG")))).start();
        Path guide = root.resolve("content/guides/" + slug + ".md");
        String original = Files.readString(guide);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI page = URI.create("http://127.0.0.1:" + port + "/roles/" + slug + "/");
        List<Long> times = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (get(http, page) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("serve did not answer within 5 minutes");
                }
                Thread.sleep(200);
            }
            for (int i = 0; i <= runs; i++) {
                String mark = "Edited in the preview, run " + i + ".";
                long start = System.nanoTime();
                Files.writeString(guide, original + "\n" + mark + "\n");
                String body;
                do {
                    Thread.sleep(10);
                    body = get(http, page);
                } while (body == null || !body.contains(mark));
                times.add((System.nanoTime() - start) / 1_000_000);
                Thread.sleep(500);
            }
        } finally {
            Files.writeString(guide, original);
            serve.destroy();
            serve.waitFor();
        }
        long first = times.remove(0);
        times.sort(null);
        System.out.println(first + " " + times.get((times.size() - 1) / 2));
    }

    private static String get(HttpClient http, URI uri) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
