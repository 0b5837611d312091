package dev.guidegen.serve;

import dev.guidegen.pipeline.Build;
import dev.guidegen.pipeline.BuildResult;
import dev.guidegen.render.OutputFile;
import dev.guidegen.source.Excerpt;
import dev.guidegen.source.IoErrors;
import dev.guidegen.source.ReadMemo;
import dev.guidegen.source.SourceTree;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A live preview on 127.0.0.1: a watcher rebuilds in memory as soon as content/ or templates/ change,
 * with the same build function as the CLI, and open pages reload themselves over Server-Sent Events;
 * every request also looks at each source's size and time, and reads the sources again if any changed,
 * so a change the watcher has not seen yet is never missed. A failed build shows its problems instead of pages.
 * Only requests naming the preview's own address in {@code Host} are answered, so a web page open in
 * the editor's browser cannot read the preview through a rebound DNS name. Pages come from the build
 * in memory, never from the file system, so no request path can reach a file.
 */
public final class DevServer {

    /** Connections waiting to be accepted: a browser opens a few at once, a test a few hundred. */
    private static final int BACKLOG = 512;
    /** Reads of the sources while a file is mid-save before the preview shows what it has. */
    private static final int READ_ATTEMPTS = 20;
    private static final long READ_RETRY_MILLIS = 25;
    /** Reads after a failed build, 25 ms apart, before its problems are shown: long enough for a save to land. */
    private static final int SETTLE_READS = 8;
    /** The server's own start-up notes; the preview says what matters itself. Held so the setting stays. */
    private static final Logger[] QUIET = {Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio")};

    static {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
    }

    private final Path root;
    private final boolean drafts;
    private final PrintWriter log;
    private Set<String> hosts = Set.of();
    private SourceTree lastTree;
    private BuildResult lastResult;
    private Map<String, OutputFile> lastFiles = Map.of();
    /** The pages of the last build that succeeded, served beneath the problems of a failed one. */
    private Map<String, OutputFile> lastGood = Map.of();
    /** Each file's parse and each page from the last rebuild, so that a rebuild redoes only what changed. */
    private final Build.Memo memo = new Build.Memo();

    public DevServer(Path root, boolean drafts) {
        this(root, drafts, new PrintWriter(System.err, true));
    }

    public DevServer(Path root, boolean drafts, PrintWriter log) {
        this.root = root;
        this.drafts = drafts;
        this.log = log;
    }

    /** A running preview: its address, and a way to stop it and its watcher. */
    public record Running(Undertow server, InetSocketAddress address, Thread watcher) implements AutoCloseable {
        public int port() {
            return address.getPort();
        }

        @Override
        public void close() {
            watcher.interrupt();
            server.stop();
        }
    }

    /** Where open pages listen for "reload", and the script that listens; only the preview serves them. */
    static final String EVENTS = "/__guidegen/events";
    static final String RELOAD_SCRIPT = "/__guidegen/reload.js";
    /** The last build's problems, which the script shows over the page. */
    static final String STATUS = "/__guidegen/status";
    private static final String RELOAD_JS = """
            // Reloads this page when the preview rebuilds, keeping the reader's place on it, and shows the
            // last build's problems: a failed build over the last good page, warnings in a bar.
            (function () {
              var key = 'guidegen-scroll:' + location.pathname;
              var y = sessionStorage.getItem(key);
              if (y !== null) { sessionStorage.removeItem(key); window.scrollTo(0, Number(y)); }
              var built = document.currentScript ? document.currentScript.getAttribute('data-build') : null;
              var events = new EventSource('%s');
              function reload() {
                sessionStorage.setItem(key, String(window.scrollY));
                location.reload();
              }
              events.addEventListener('reload', reload);
              events.addEventListener('build', function (e) { if (built !== null && e.data !== built) { reload(); } });
              fetch('%s').then(function (r) { return r.json(); }).then(function (status) {
                if (!status.text) { return; }
                var box = document.createElement(status.failed ? 'div' : 'aside');
                box.id = 'guidegen-problems';
                box.setAttribute('role', status.failed ? 'alertdialog' : 'status');
                box.setAttribute('aria-label', status.failed ? 'Build failed' : 'Build warnings');
                box.style.cssText = status.failed
                  ? 'position:fixed;inset:0;z-index:99999;overflow:auto;background:rgba(20,20,24,.94);color:#fff;padding:1.5rem;font:14px/1.5 ui-monospace,monospace'
                  : 'position:fixed;left:0;right:0;bottom:0;z-index:99999;max-height:40vh;overflow:auto;background:#fff8c5;color:#1a1a1a;padding:.75rem 1rem;font:13px/1.5 ui-monospace,monospace;border-top:2px solid #9a6700';
                var title = document.createElement('strong');
                title.textContent = status.summary;
                var close = document.createElement('button');
                close.type = 'button';
                close.textContent = 'Dismiss';
                close.style.cssText = 'float:right';
                close.onclick = function () { box.remove(); };
                var pre = document.createElement('pre');
                pre.style.cssText = 'white-space:pre-wrap;margin:.5rem 0 0;padding:0;background:transparent;color:inherit;font:inherit';
                pre.textContent = status.text;
                if (!status.failed) { box.appendChild(close); }
                box.appendChild(title);
                box.appendChild(pre);
                document.body.appendChild(box);
              });
            })();
            """.formatted(EVENTS, STATUS);
    /** How many builds this preview has made; a page carries the number it was served from. */
    private volatile long generation;
    /**
     * Open pages' event streams. Each is told, as it connects, which build is current, so that a page
     * whose build was replaced before its stream connected (and so missed "reload") reloads all the same.
     */
    private final io.undertow.server.handlers.sse.ServerSentEventHandler events = io.undertow.Handlers.serverSentEvents(
            (connection, lastEventId) -> connection.send(Long.toString(generation), "build", null, null));

    /** Starts the preview on 127.0.0.1; port 0 takes any free port. A busy port throws {@link BindException}. */
    public Running start(int port) throws IOException {
        // Every folder is watched before the first request reads anything, so no change goes unheard.
        java.nio.file.WatchService service = watchEverything();
        Undertow server = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setSocketOption(org.xnio.Options.BACKLOG, BACKLOG)
                .setHandler(this::handle)
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            if (service != null) {
                service.close();
            }
            if (e.getCause() instanceof BindException bind) {
                throw bind;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
        InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        hosts = Set.of("127.0.0.1:" + address.getPort(), "localhost:" + address.getPort());
        Thread watcher = new Thread(() -> watch(service), "guidegen-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return new Running(server, address, watcher);
    }

    /**
     * Watches content/ and templates/ and every folder in them, and each folder that appears later;
     * after a change (and 50 ms for the rest of a save to land) it rebuilds, says so in one line, and
     * tells open pages to reload.
     */
    private void watch(java.nio.file.WatchService service) {
        if (service == null) {
            return;
        }
        try (service) {
            while (!Thread.currentThread().isInterrupted()) {
                hear(service.take(), service);
                Thread.sleep(50);
                hear(service.poll(), service);
                current(); // a rebuild tells open pages to reload, whoever asked for it
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            trusted = false;
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            trusted = false;
            if (!Thread.currentThread().isInterrupted()) { // an interrupt is the preview closing, mid-build or not
                log.println("guidegen serve: stopped watching the sources: " + (e instanceof IOException io ? IoErrors.reason(io) : e));
            }
        }
    }

    /**
     * A watch service on content/ and templates/ and every folder in them, or null (with one line
     * saying so) when the file system offers none: then every request reads the sources.
     */
    private java.nio.file.WatchService watchEverything() {
        java.nio.file.WatchService service = null;
        try {
            service = root.getFileSystem().newWatchService();
            // The root itself, for content/ or templates/ made, removed or replaced as a whole.
            root.register(service, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE,
                    java.nio.file.StandardWatchEventKinds.ENTRY_DELETE);
            boolean faithful = true;
            for (String top : new String[] {"content", "templates"}) {
                faithful &= register(service, root.resolve(top));
            }
            // A service that hears of changes as they happen spares each request a look at every file;
            // one that polls the folders (every few seconds), or one that could not watch every folder, does not.
            trusted = faithful && !service.getClass().getName().contains("Polling");
            watched = service;
            return service;
        } catch (IOException | UnsupportedOperationException e) {
            log.println("guidegen serve: cannot watch the sources (" + (e instanceof IOException io ? IoErrors.reason(io)
                    : "not supported here") + "); pages are rebuilt when requested");
            if (service != null) {
                try {
                    service.close();
                } catch (IOException ignored) {
                    // closing what never worked
                }
            }
            return null;
        }
    }

    /**
     * Registers {@code dir} and every folder in it, if it is a folder (registering one twice is
     * harmless). A folder that goes away while it is walked, as an editor's temporary ones do, is
     * passed over. False when a folder could not be watched for another reason (such as the
     * system's limit on watches), or is watched under another name (a folder renamed keeps its old
     * watch, which would report its files under the old name): then the watcher cannot be trusted
     * to hear every change.
     */
    private static boolean register(java.nio.file.WatchService service, Path dir) throws IOException {
        if (!java.nio.file.Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return !java.nio.file.Files.isSymbolicLink(dir); // a linked folder's files change out of sight
        }
        boolean[] faithful = {true};
        java.nio.file.Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes attrs) {
                try {
                    java.nio.file.WatchKey key = d.register(service, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE,
                            java.nio.file.StandardWatchEventKinds.ENTRY_DELETE, java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
                    if (!d.equals(key.watchable())) {
                        faithful[0] = false;
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    return java.nio.file.FileVisitResult.SKIP_SUBTREE; // gone already
                } catch (IOException e) {
                    faithful[0] = false;
                    return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    faithful[0] = false; // what it points to changes out of sight
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return faithful[0];
    }

    /** The sources, the build, the files to serve, and which build of this preview that is (counting from 1). */
    private record Current(SourceTree tree, BuildResult result, Map<String, OutputFile> files, long generation) {
    }


    /**
     * Each source file's bytes as last read, with its size, time and identity then: reading every
     * source on every request would cost 10,000 files' worth at 10,000 guides, so a file is opened
     * again only when one of those changed.
     */
    private final ReadMemo reads = new ReadMemo();

    /**
     * Takes in what {@code key} (if not null) and every other key ready now report: each path made,
     * changed or removed goes into {@link #changed}, a folder made (or moved in) is watched too, and
     * {@link #heard} counts that there was news.
     */
    private void hear(java.nio.file.WatchKey key, java.nio.file.WatchService service) throws IOException {
        List<Path> created = new ArrayList<>();
        boolean any = false;
        synchronized (changed) {
            for (; key != null; key = service.poll()) {
                for (java.nio.file.WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == java.nio.file.StandardWatchEventKinds.OVERFLOW) {
                        any = true;
                        lostTrack = true;
                        created.add(root.resolve("content"));
                        created.add(root.resolve("templates"));
                    } else if (key.watchable() instanceof Path dir && event.context() instanceof Path name) {
                        if (dir.equals(root)) {
                            // Only content/ or templates/ made, removed or replaced matters at the top.
                            if (name.toString().equals("content") || name.toString().equals("templates")) {
                                any = true;
                                lostTrack = true;
                                created.add(root.resolve(name));
                            }
                            continue;
                        }
                        any = true;
                        changed.add(dir.resolve(name));
                        if (event.kind() == java.nio.file.StandardWatchEventKinds.ENTRY_CREATE) {
                            created.add(dir.resolve(name));
                        }
                    }
                }
                key.reset();
            }
            // Watched before anyone reads them, so that nothing saved in them later goes unheard.
            for (Path p : created) {
                if (!register(service, p) && trusted) {
                    trusted = false;
                    log.println("guidegen serve: the watcher cannot follow every folder (a symbolic link, a renamed "
                            + "folder or the system's limit on watches); each request now reads the sources");
                }
            }
        }
        if (any) {
            heard.incrementAndGet();
        }
    }

    /** The watcher's service once it watches every folder; null before. */
    private volatile java.nio.file.WatchService watched;
    /** The paths the watcher heard were made, changed or removed since the sources were last read. */
    private final java.util.Set<Path> changed = new java.util.HashSet<>();
    /** Whether the watcher lost count of changes (its queue overflowed), so that only reading everything will do. */
    private boolean lostTrack;

    /** Whether the watcher is running and hears of every change as it happens. */
    private volatile boolean trusted;
    /** How many times the watcher has heard of changes; {@link #readAfter} is the count when the sources were last read. */
    private final java.util.concurrent.atomic.AtomicLong heard = new java.util.concurrent.atomic.AtomicLong();
    private long readAfter = -1;

    /**
     * The sources and build as of now. The sources are read again unless a trusted watcher has heard
     * of no change since they were last read: a request made while an edit is saved then rebuilds
     * at once, without waiting for the watcher.
     */
    private synchronized Current current() throws InterruptedException {
        java.nio.file.WatchService service = watched;
        if (trusted && service != null) {
            try {
                hear(service.poll(), service); // news the watcher has not taken yet
            } catch (IOException | java.nio.file.ClosedWatchServiceException e) {
                trusted = false;
            }
        }
        long count = heard.get();
        if (trusted && count == readAfter && lastTree != null && !lastTree.changedWhileRead()
                && lastTree.linkedPaths().isEmpty() && lastTree.problems().isEmpty()) {
            return new Current(lastTree, lastResult, lastResult.failed() ? lastGood : lastFiles, generation);
        }
        readAfter = count;
        List<Path> paths;
        boolean everything;
        synchronized (changed) {
            paths = new ArrayList<>(changed);
            changed.clear();
            everything = lostTrack || !trusted || lastTree == null;
            lostTrack = false;
        }
        try {
            return rebuild(everything ? null : lastTree.update(root, paths, reads));
        } catch (RuntimeException | InterruptedException e) {
            synchronized (changed) {
                lostTrack = true; // the paths taken were not read into a build: the next request reads everything
            }
            throw e;
        }
    }

    /**
     * Builds from {@code tree}, or from all the sources read again when it is null, unless they are as
     * last built; a build that replaces the last tells every open page to reload.
     */
    private Current rebuild(SourceTree tree) throws InterruptedException {
        long was = generation;
        boolean first = lastTree == null;
        try {
            return build(tree);
        } finally {
            if (!first && generation != was) {
                // Every open page is told, however the rebuild came about: a request made during the
                // watcher's pause after a save (the status a page asks for as it loads, say) rebuilds first.
                events.getConnections().forEach(c -> c.send(Long.toString(System.nanoTime()), "reload", null, null));
            }
        }
    }

    private Current build(SourceTree tree) throws InterruptedException {
        if (tree == null) {
            tree = SourceTree.read(root, reads);
        }
        for (int attempt = 1; tree.changedWhileRead() && attempt < READ_ATTEMPTS; attempt++) {
            // An editor's atomic save renames a new file over the old one; read again once it is in place.
            Thread.sleep(READ_RETRY_MILLIS);
            tree = SourceTree.read(root, reads);
        }
        for (int attempt = 1; lastTree == null || !same(lastTree, tree); attempt++) {
            boolean first = lastTree == null;
            long start = System.nanoTime();
            Made made = make(tree);
            lastResult = made.result();
            Map<String, OutputFile> files = made.files();
            generation++;
            if (!first) {
                report(tree, lastResult, (System.nanoTime() - start) / 1_000_000);
            }
            lastTree = tree;
            lastFiles = lastResult.failed() ? Map.of() : files;
            if (!lastResult.failed()) {
                lastGood = lastFiles;
            }
            if (first && !lastResult.failed()) {
                warmUp(tree); // after lastGood, so that its builds' tables are sized as the first build's
            }
            if (!lastResult.failed() || attempt == READ_ATTEMPTS) {
                break;
            }
            // Some editors move the old file aside before writing the new one, so a build in between sees
            // it missing. Wait a moment for the sources to change; if they do, that was such a moment.
            for (int wait = 0; wait < SETTLE_READS && same(lastTree, tree); wait++) {
                Thread.sleep(READ_RETRY_MILLIS);
                tree = SourceTree.read(root, reads);
            }
        }
        return new Current(lastTree, lastResult, lastResult.failed() ? lastGood : lastFiles, generation);
    }

    /** A build and its files by path. */
    private record Made(BuildResult result, Map<String, OutputFile> files) {
    }

    /** Builds {@code tree} with the memo, gathering the files by path: every build of the preview, warm-ups included. */
    private Made make(SourceTree tree) {
        // Sized for as many files as the last build made, so that the table need not grow file by file.
        Map<String, OutputFile> files = new java.util.concurrent.ConcurrentHashMap<>(Math.max(16, lastGood.size()));
        BuildResult result = Build.run(tree, drafts, memo, f -> files.put(f.path(), f));
        return new Made(result, files);
    }

    /** What {@link #warmUp} adds to a guide's body: a paragraph of its own, whatever the body ends in. */
    private static final byte[] WARM_EDIT = "\n\nA paragraph added while the preview starts.\n".getBytes(StandardCharsets.UTF_8);

    /** How many times {@link #warmUp} edits and puts back: the JVM compiles an edit's way over several rebuilds. */
    private static final int WARM_ROUNDS = 3;

    /**
     * Rebuilds with the first guide's body changed in memory, then with the sources as they are,
     * {@link #WARM_ROUNDS} times: the way an edit's rebuild goes (the guide parsed again, its pages
     * made again, their links checked), run now, so that the JVM has compiled it before the first
     * edits: one round left the first edits' rebuilds well behind the later ones (the README gives
     * figures). Each build gathers its files as a real rebuild does, and none of them is served; the
     * last leaves the memo as the sources are.
     */
    private void warmUp(SourceTree tree) {
        String guide = tree.under(dev.guidegen.content.ContentReader.GUIDES).keySet().stream()
                .filter(dev.guidegen.content.ContentReader::isGuideFile).findFirst().orElse(null);
        if (guide == null) {
            return;
        }
        byte[] was = tree.bytes(guide);
        byte[] edited = Arrays.copyOf(was, was.length + WARM_EDIT.length);
        System.arraycopy(WARM_EDIT, 0, edited, was.length, WARM_EDIT.length);
        for (int round = 0; round < WARM_ROUNDS; round++) {
            make(tree.with(Map.of(guide, edited)));
            make(tree);
        }
    }

    /** One line per rebuild, with how many pages changed, then its problems as build prints them. */
    private void report(SourceTree tree, BuildResult result, long ms) {
        int warnings = result.warnings().size();
        int errors = result.problems().size() - warnings;
        log.println((result.failed() ? "Rebuild failed: " + errors + (errors == 1 ? " error" : " errors")
                : "Rebuilt " + (result.stats().pages() - memo.pages().reused()) + " of " + result.stats().pages() + " pages in "
                        + ms + " ms") + ", " + warnings
                + (warnings == 1 ? " warning" : " warnings"));
        log.print(new Excerpt(tree).describeAll(result.problems()));
        log.flush();
    }

    private static boolean same(SourceTree a, SourceTree b) {
        if (!a.files().keySet().equals(b.files().keySet())
                || !new java.util.HashSet<>(a.problems()).equals(new java.util.HashSet<>(b.problems()))) {
            return false;
        }
        return a.files().entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.bytes(e.getKey())));
    }

    private void handle(HttpServerExchange ex) {
        if (ex.isInIoThread()) {
            // Building reads files and takes time: leave the I/O thread free for other connections.
            ex.dispatch(this::handle);
            return;
        }
        String path = ex.getRequestPath();
        try {
            String host = ex.getRequestHeaders().getFirst(Headers.HOST);
            if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
                send(ex, 403, "text/plain; charset=utf-8", ("The preview answers only requests to "
                        + hosts.stream().sorted().findFirst().orElse("127.0.0.1") + ".\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals(EVENTS)) {
                try {
                    events.handleRequest(ex);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return;
            }
            if (path.equals(STATUS)) {
                Current now = current();
                Map<String, Object> status = new java.util.LinkedHashMap<>();
                int warnings = now.result().warnings().size();
                int errors = now.result().problems().size() - warnings;
                status.put("failed", now.result().failed());
                status.put("summary", now.result().failed()
                        ? "Build failed: " + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings")
                        : warnings + (warnings == 1 ? " warning" : " warnings"));
                status.put("text", new Excerpt(now.tree()).describeAll(now.result().problems()));
                try {
                    send(ex, 200, "application/json", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(status));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                return;
            }
            if (path.equals(RELOAD_SCRIPT)) {
                send(ex, 200, "text/javascript; charset=utf-8", RELOAD_JS.getBytes(StandardCharsets.UTF_8));
                return;
            }
            serve(ex, path, current());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.setStatusCode(503).endExchange();
        } catch (RuntimeException e) {
            String reason = e instanceof UncheckedIOException u ? IoErrors.reason(u.getCause()) : "internal error: " + e;
            log.println("guidegen serve: " + path + ": could not answer: " + reason);
            if (!ex.isResponseStarted()) {
                send(ex, 500, "text/plain; charset=utf-8", ("Could not answer: " + reason + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void serve(HttpServerExchange ex, String requested, Current now) {
        BuildResult result = now.result();
        if (result.failed() && now.files().isEmpty()) { // no build has succeeded yet: nothing to show beneath the problems
            String problems = new Excerpt(now.tree()).describeAll(result.problems());
            String body = "<!doctype html><meta charset=utf-8><title>Build failed</title><h1>Build failed</h1><pre>"
                    + org.jsoup.nodes.Entities.escape(problems) + "</pre>";
            // The script reloads the page once the problems are fixed.
            send(ex, 500, "text/html; charset=utf-8", withReload(body.getBytes(StandardCharsets.UTF_8), now.generation()));
            return;
        }
        Map<String, OutputFile> files = now.files();
        String path = requested.startsWith("/") ? requested.substring(1) : requested;
        if (path.isEmpty() || path.endsWith("/")) {
            path += "index.html";
        }
        OutputFile f = files.get(path);
        if (f == null && files.containsKey(path + "/index.html")) {
            ex.getResponseHeaders().put(Headers.LOCATION, "/" + path + "/");
            send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        if (f == null) {
            OutputFile notFound = files.get("404.html");
            send(ex, 404, "text/html; charset=utf-8", notFound == null ? new byte[0] : notFound.bytes());
            return;
        }
        send(ex, 200, contentType(path), path.endsWith(".html") ? withReload(f.bytes(), now.generation()) : f.bytes());
    }

    /**
     * A page as the preview serves it: with the script that reloads it after a rebuild, marked with
     * the build it comes from. Builds never add it.
     */
    static byte[] withReload(byte[] page, long generation) {
        String html = new String(page, StandardCharsets.UTF_8);
        String tag = "<script src=\"" + RELOAD_SCRIPT + "\" defer data-build=\"" + generation + "\"></script>";
        int body = html.lastIndexOf("</body>");
        return (body < 0 ? html + tag : html.substring(0, body) + tag + html.substring(body)).getBytes(StandardCharsets.UTF_8);
    }

    public static String contentType(String path) {
        return dev.guidegen.output.MediaTypes.of(path);
    }

    private static void send(HttpServerExchange ex, int status, String type, byte[] body) {
        ex.setStatusCode(status);
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        ex.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
