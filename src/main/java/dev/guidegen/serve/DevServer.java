package dev.guidegen.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.guidegen.build.Build;
import dev.guidegen.build.BuildResult;
import dev.guidegen.problem.Problem;
import dev.guidegen.render.OutputFile;
import dev.guidegen.source.Excerpt;
import dev.guidegen.source.SourceTree;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A live preview on 127.0.0.1: every request re-reads the sources and, if they changed, rebuilds in
 * memory with the same build function as the CLI. A failed build shows its problems instead of pages.
 */
public final class DevServer {

    private final Path root;
    private final boolean drafts;
    private SourceTree lastTree;
    private BuildResult lastResult;

    public DevServer(Path root, boolean drafts) {
        this.root = root;
        this.drafts = drafts;
    }

    public HttpServer start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.start();
        return server;
    }

    private synchronized BuildResult current() {
        SourceTree tree = SourceTree.read(root);
        if (lastTree == null || !same(lastTree, tree)) {
            lastResult = Build.run(tree, drafts);
            lastTree = tree;
        }
        return lastResult;
    }

    private static boolean same(SourceTree a, SourceTree b) {
        if (!a.files().keySet().equals(b.files().keySet())) {
            return false;
        }
        return a.files().entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.bytes(e.getKey())));
    }

    private void handle(HttpExchange ex) throws IOException {
        BuildResult result = current();
        if (result.failed()) {
            StringBuilder body = new StringBuilder("<!doctype html><meta charset=utf-8><title>Build failed</title>"
                    + "<h1>Build failed</h1><pre>");
            Excerpt excerpt = new Excerpt(lastTree);
            for (Problem p : result.problems()) {
                body.append(org.jsoup.nodes.Entities.escape(excerpt.describe(p)));
            }
            send(ex, 500, "text/html; charset=utf-8", body.append("</pre>").toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, OutputFile> files = new HashMap<>();
        result.files().forEach(f -> files.put(f.path(), f));
        String path = ex.getRequestURI().getPath().substring(1);
        if (path.isEmpty() || path.endsWith("/")) {
            path += "index.html";
        }
        OutputFile f = files.get(path);
        if (f == null && files.containsKey(path + "/index.html")) {
            ex.getResponseHeaders().add("Location", "/" + path + "/");
            send(ex, 301, "text/plain", new byte[0]);
            return;
        }
        if (f == null) {
            OutputFile notFound = files.get("404.html");
            send(ex, 404, "text/html; charset=utf-8", notFound == null ? new byte[0] : notFound.bytes());
            return;
        }
        send(ex, 200, contentType(path), f.bytes());
    }

    public static String contentType(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "json" -> "application/json";
            case "xml" -> "application/xml";
            case "svg" -> "image/svg+xml";
            case "txt" -> "text/plain; charset=utf-8";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            default -> "application/octet-stream";
        };
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

}
