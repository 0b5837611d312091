package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.guidegen.serve.DevServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServerTest {

    @TempDir
    Path root;

    static HttpResponse<String> get(HttpServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePreviewListensOnLoopbackOnlyAndRebuildsWhenAFileChanges() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        HttpServer server = new DevServer(root, false).start(0);
        try {
            assertThat(server.getAddress().getAddress().isLoopbackAddress()).isTrue();
            HttpResponse<String> guide = get(server, "/roles/backend-engineer/");
            assertThat(guide.statusCode()).isEqualTo(200);
            assertThat(guide.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(guide.body()).contains("<h1>Backend Engineer</h1>");
            assertThat(get(server, "/no-such-page/").statusCode()).isEqualTo(404);

            Path file = root.resolve(BadInput.ENGINEER);
            Files.writeString(file, Files.readString(file).replace("related: [backend-architect]", "related: [backend-architec]"));
            HttpResponse<String> broken = get(server, "/roles/backend-engineer/");
            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(org.jsoup.Jsoup.parse(broken.body()).select("pre").first().wholeText()).contains(
                    "content/guides/backend-engineer.md:8:11: error: unknown guide \"backend-architec\" in related",
                    " 8 | related: [backend-architec]\n   |           ^\n");
            assertThat(broken.body()).doesNotContain("<h1>Backend Engineer</h1>");

            Files.writeString(file, Files.readString(file).replace("backend-architec]", "backend-architect]")
                    .replace("title: Backend Engineer", "title: Backend Engineer II"));
            assertThat(get(server, "/roles/backend-engineer/").body()).contains("<h1>Backend Engineer II</h1>");
        } finally {
            server.stop(0);
        }
    }
}
