package dev.guidegen.cache;

import dev.guidegen.check.LinkCheck;
import dev.guidegen.content.Content;
import dev.guidegen.content.ContentReader;
import dev.guidegen.content.Guide;
import dev.guidegen.content.GuideShape;
import dev.guidegen.content.MarkdownParser;
import dev.guidegen.content.ParseMemo;
import dev.guidegen.output.OutputDir;
import dev.guidegen.pipeline.BuildResult;
import dev.guidegen.problem.Limits;
import dev.guidegen.problem.Problems;
import dev.guidegen.render.Assets;
import dev.guidegen.render.OutputFile;
import dev.guidegen.render.Renderer;
import dev.guidegen.render.View;
import dev.guidegen.source.SourceTree;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A rebuild that makes only the pages an edit can change, when the last build left a journal
 * ({@link Journal}) and the edit is of the commonest kind: the text of guides' bodies and FAQ
 * answers, with the same {@link GuideShape}. Such an edit changes no page but each guide's own page
 * and FAQ page ({@link dev.guidegen.pipeline.BodyEdits} says why), which are made from the frame
 * the last build left and the guide as it is now, through the same templates, into the same bytes
 * a full build makes.
 * <p>
 * It goes ahead only when it can tell that nothing else changed: every source has the stat the
 * journal holds (or, when its stat changed or may have changed unseen, the same fingerprint of its bytes), except
 * guides, each of which parses with no problem into the shape it had; every file and folder of the
 * output has the stat the last build left; and each page made has the same links and ids as the
 * one it replaces, so that the link check could find nothing new. In every other case, and on any
 * error, it gives null having changed nothing, and the build goes the full way.
 * <p>
 * Each page is replaced in the output by a rename, so a reader sees the old page or the new one;
 * if one cannot be, those already replaced are put back.
 */
public final class QuickBuild {

    /** More changed guides than this are rebuilt the full way, which then is as quick. */
    private static final int MOST_GUIDES = 64;
    /** How long before a build began a file's change may be too near to tell from its stat, in nanoseconds. */
    private static final long RACY_NANOS = dev.guidegen.source.ReadMemo.SETTLED_MILLIS * 1_000_000L;

    /** What a quick rebuild did: the page counts of the site (as the last full build gave them), and what it made. */
    public record Done(BuildResult.Stats stats, int guides, int pages, int written) {
    }

    /** A guide's frame as {@code frames.bin} holds it. */
    record StoredFrame(View.Role view, String guideLd, Map<String, String> links) {
    }

    private QuickBuild() {
    }

    /** The time from which a build that begins now takes a file's stat as no proof that the file is unchanged. */
    public static long racyFrom() {
        return System.currentTimeMillis() * 1_000_000L - RACY_NANOS;
    }

    /**
     * Rebuilds quickly into {@code target} (the output as {@link OutputDir#check} decided it) if it
     * can, and gives what it did; or gives null, having written nothing, when the build must go the
     * full way.
     */
    public static Done attempt(Path root, Path cache, Path target, boolean drafts) {
        // Parsing and rendering recurse as deep as the Markdown nests: on the build's own large stack.
        return dev.guidegen.work.Workers.onBuildStack(() -> attemptHere(root, cache, target, drafts));
    }

    private static Done attemptHere(Path root, Path cache, Path target, boolean drafts) {
        long racyFrom = racyFrom();
        java.util.concurrent.FutureTask<Boolean> outputChecked;
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.nio.channels.FileLock lock = null;
        try {
            if (!Files.isDirectory(cache, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            lock = Journal.lock(cache, false);
            if (lock == null) {
                return null; // another build is changing the output
            }
            Journal.Data last = Journal.read(cache);
            if (last == null || last.drafts() != drafts || !last.root().equals(root.toRealPath().toString())
                    || !last.output().equals(target.toString())) {
                return null;
            }
            // The output is checked on the other core while this one reads the sources and makes the pages.
            outputChecked = new java.util.concurrent.FutureTask<>(() -> outputAsLeft(target, last, stop));
            Thread checking = new Thread(outputChecked, "guidegen-output-check");
            checking.setDaemon(true);
            checking.start();
            Map<String, FileStat> sources = walk(root);
            if (sources == null || !sources.keySet().equals(last.sources().keySet())) {
                return null;
            }
            // The files whose bytes may differ: each is read, and those whose digest is the same set aside.
            SortedMap<String, byte[]> read = new TreeMap<>();
            Map<String, Journal.Source> now = new java.util.HashMap<>(last.sources());
            for (var e : sources.entrySet()) {
                Journal.Source was = last.sources().get(e.getKey());
                if (!e.getValue().same(was.stat()) || Math.max(was.stat().modified(), was.stat().changed()) >= last.racyFrom()) {
                    byte[] bytes = Files.readAllBytes(root.resolve(e.getKey()));
                    byte[] digest = dev.guidegen.work.Digest.of(bytes);
                    now.put(e.getKey(), new Journal.Source(e.getValue(), digest));
                    if (!Arrays.equals(digest, was.digest())) {
                        if (!ContentReader.isGuideFile(e.getKey()) || read.size() == MOST_GUIDES) {
                            return null;
                        }
                        read.put(e.getKey(), bytes);
                    }
                }
            }
            if (!Files.isRegularFile(cache.resolve(Journal.FRAMES), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || !FileStat.of(cache.resolve(Journal.FRAMES)).same(last.frames())) {
                return null;
            }
            List<OutputFile> pages = new ArrayList<>();
            if (!read.isEmpty()) {
                SourceTree templates = SourceTree.of(files(root, sources, SourceTree.TEMPLATES, now));
                Problems problems = new Problems();
                Assets assets = Assets.read(templates, problems);
                View.SiteInfo info = RecordCodec.decode(last.siteInfo(), View.SiteInfo.class);
                List<Renderer.RoleFrame> frames = new ArrayList<>();
                for (Guide g : parse(root, sources, read, drafts, now)) {
                    Journal.Guide kept = last.guides().get(g.path());
                    byte[] frame = kept == null ? null : Journal.frame(cache, kept);
                    if (frame == null || !Arrays.equals(kept.shape(), GuideShape.digest(g))) {
                        return null;
                    }
                    StoredFrame f = RecordCodec.decode(frame, StoredFrame.class);
                    frames.add(new Renderer.RoleFrame(info, g, f.view(), f.guideLd(), f.links()));
                }
                pages.addAll(new Renderer(problems).renderGuides(templates, assets, frames));
                if (!problems.sorted().isEmpty()) {
                    return null;
                }
            }
            if (!outputChecked.get()) {
                return null;
            }
            Journal.Outputs outputs = last.outputs().get();
            List<OutputFile> changed = new ArrayList<>();
            for (OutputFile page : pages) {
                if (Arrays.binarySearch(outputs.paths(), page.path()) < 0) {
                    return null;
                }
                byte[] old = Files.readAllBytes(target.resolve(page.path()));
                if (!Arrays.equals(old, page.bytes())) {
                    if (!LinkCheck.sameLinksAndIds(old, page.bytes())) {
                        return null;
                    }
                    changed.add(page);
                }
            }
            if (!replace(target, changed)) {
                return null;
            }
            FileStat[] stats = outputs.stats().clone();
            for (OutputFile page : changed) {
                for (String path : withFolders(page.path())) {
                    stats[Arrays.binarySearch(outputs.paths(), path)] = FileStat.of(target.resolve(path));
                }
            }
            try {
                Journal.writeDelta(cache, last, racyFrom, now, stats);
            } catch (IOException e) {
                Journal.forget(cache);
            }
            return new Done(last.stats(), read.size(), pages.size(), changed.size());
        } catch (IOException | RuntimeException | StackOverflowError | java.util.concurrent.ExecutionException e) {
            return null; // the full build reports what is wrong, at its place
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            stop.set(true); // a check still running stops
            release(lock);
        }
    }

    /**
     * Keeps what the next build needs to go the quick way, once a full build is swapped in: the stat
     * and digest of every source, each guide's frame, and the stat of every file and folder of
     * {@code target} that the build wrote ({@code written}, with the output's marker), which are read
     * once {@code swapped} says the site was swapped in (and nothing is kept if it was not).
     * {@code racyFrom} is {@link #racyFrom()} as it was before the build read its sources. A site
     * read through links or with problems leaves none, nor does a system without inodes: only a full
     * build can tell what changed in them.
     */
    public static void remember(Path cache, Path root, Path target, boolean drafts, long racyFrom, SourceTree tree,
            ParseMemo parses, Frames frames, java.util.Collection<String> written, BuildResult.Stats stats,
            java.util.concurrent.Future<Boolean> swapped) throws IOException, InterruptedException,
            java.util.concurrent.ExecutionException {
        if (!canRemember(tree, root)) {
            return;
        }
        if (frames.failure != null) {
            throw new IOException("a guide page's frame could not be kept: " + frames.failure);
        }
        Map<String, byte[]> known = parses.digestsByPath();
        List<Map.Entry<String, byte[]>> files = new ArrayList<>(tree.files().entrySet());
        Journal.Source[] read = new Journal.Source[files.size()];
        onBothCores(read, i -> {
            Map.Entry<String, byte[]> e = files.get(i);
            byte[] digest = known.get(e.getKey());
            return new Journal.Source(FileStat.ofSource(root.resolve(e.getKey())),
                    digest != null ? digest : dev.guidegen.work.Digest.of(e.getValue()));
        });
        Map<String, Journal.Source> sources = new java.util.HashMap<>();
        for (int i = 0; i < read.length; i++) {
            sources.put(files.get(i).getKey(), read[i]);
        }
        byte[] site = frames.site == null ? new byte[0] : RecordCodec.encode(frames.site);
        Files.createDirectories(cache);
        Map<String, Journal.Guide> guides = Journal.writeFrames(cache, new TreeMap<>(frames.shapes), new TreeMap<>(frames.encoded));
        if (!swapped.get()) {
            return;
        }
        java.util.SortedSet<String> paths = new java.util.TreeSet<>();
        List<String> all = new ArrayList<>(written);
        all.add(OutputDir.MARKER);
        all.forEach(path -> paths.addAll(withFolders(path)));
        String[] outputPaths = paths.toArray(String[]::new);
        FileStat[] outputs = new FileStat[outputPaths.length];
        onBothCores(outputs, i -> FileStat.of(target.resolve(outputPaths[i])));
        Journal.write(cache, new Journal.Data(drafts, root.toRealPath().toString(), target.toString(), racyFrom, stats, site,
                FileStat.of(cache.resolve(Journal.FRAMES)), sources, guides, outputPaths, outputs));
    }

    private interface Stat<T> {
        T of(int i) throws IOException;
    }

    /**
     * Sets each item of {@code out} to {@code stat} of its index, on all cores: the tens of thousands
     * of stats a journal holds are taken once the site is swapped in, when nothing else runs.
     */
    private static <T> void onBothCores(T[] out, Stat<T> stat) throws IOException {
        try {
            Arrays.parallelSetAll(out, i -> {
                try {
                    return stat.of(i);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Whether a full build of {@code tree} can leave what a quick rebuild needs: not for a site read
     * through links or with problems, nor on a system without inodes. Known before the build, so that
     * a build that cannot leave it does not make its frames.
     */
    public static boolean canRemember(SourceTree tree, Path root) {
        return tree.problems().isEmpty() && tree.linkedPaths().isEmpty() && !tree.changedWhileRead() && FileStat.supported(root);
    }

    /**
     * Each guide page's frame as a full build makes it, kept as {@link #remember} needs it: encoded,
     * with the guide's shape, on the build's threads as each page is made, rather than all at the end.
     */
    public static final class Frames implements java.util.function.Consumer<Renderer.RoleFrame> {
        private final Map<String, byte[]> shapes = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, byte[]> encoded = new java.util.concurrent.ConcurrentHashMap<>();
        /** The site's part of a frame, the same in every one. */
        private volatile View.SiteInfo site;

        /** Why a frame could not be encoded, if one could not: then no journal is written, and the build goes on. */
        private volatile String failure;

        @Override
        public void accept(Renderer.RoleFrame f) {
            try {
                shapes.put(f.guide().path(), GuideShape.digest(f.guide()));
                encoded.put(f.guide().path(), RecordCodec.encode(new StoredFrame(f.view(), f.guideLd(), f.links())));
                site = f.site();
            } catch (RuntimeException e) {
                failure = f.guide().path() + ": " + e.getMessage();
            }
        }
    }

    /**
     * Waits for and takes the lock that a quick rebuild holds while it reads the journal and replaces
     * pages, so that none runs while a full build swaps its site in and keeps its journal; null when
     * this process holds it already. {@link #release} lets it go. An IOException says it cannot be
     * taken, as when {@code .lock} is a folder or the file system has no locks: the build goes on, but
     * no quick rebuild can run until it can be.
     */
    public static java.nio.channels.FileLock hold(Path cache) throws IOException {
        Files.createDirectories(cache);
        try {
            return Journal.lock(cache, true);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    public static void release(java.nio.channels.FileLock lock) {
        if (lock != null) {
            try {
                lock.channel().close();
            } catch (IOException e) {
                // closing the channel lets the lock go, or the process's end does
            }
        }
    }

    /** Removes what the last build left for a quick rebuild: done before a full build swaps its output in. */
    public static void forget(Path cache) throws IOException {
        if (Files.isDirectory(cache, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Journal.forget(cache);
        }
    }


    /** The file and each folder that holds it, up to the output itself (""), folders with a '/' at their end. */
    private static List<String> withFolders(String path) {
        List<String> out = new ArrayList<>(List.of(path, ""));
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            out.add(path.substring(0, slash + 1));
        }
        return out;
    }

    /** Whether every file and folder the last build left in the output is as it left it. */
    private static boolean outputAsLeft(Path target, Journal.Data last, java.util.concurrent.atomic.AtomicBoolean stop) {
        Journal.Outputs outputs = last.outputs().get();
        if (outputs == null) {
            return false;
        }
        String[] paths = outputs.paths();
        FileStat[] stats = outputs.stats();
        for (int i = 0; i < paths.length && !stop.get(); i++) {
            try {
                if (!FileStat.of(target.resolve(paths[i])).same(stats[i])) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * The stat of every file under content/ and templates/ as the source stage reads them (without
     * editors' leftovers), or null when a link, a file that is not a regular file, or one too large
     * to read stands there: then only the source stage can say what it makes of them.
     */
    private static Map<String, FileStat> walk(Path root) throws IOException {
        Map<String, FileStat> out = new java.util.HashMap<>();
        for (String top : new String[] {"content", "templates"}) {
            Path dir = root.resolve(top);
            if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !walk(root, dir, out)) {
                return null;
            }
        }
        return out;
    }

    private static boolean walk(Path root, Path dir, Map<String, FileStat> out) throws IOException {
        String folder = root.relativize(dir).toString().replace('\\', '/') + "/";
        if (FileStat.of(dir).kind() != FileStat.Kind.FOLDER) {
            return false;
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            list.forEach(entries::add);
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (SourceTree.isEditorLeftover(name)) {
                continue;
            }
            FileStat s = FileStat.ofSource(p);
            String rel = folder + name;
            switch (s.kind()) {
                case FOLDER -> {
                    if (!walk(root, p, out)) {
                        return false;
                    }
                }
                case FILE -> {
                    if (s.size() > Limits.maxFileBytes(rel)) {
                        return false;
                    }
                    out.put(rel, s);
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    /** The bytes of every source under {@code folder}, each as the journal has it, or else the build goes the full way. */
    private static Map<String, byte[]> files(Path root, Map<String, FileStat> sources, String folder,
            Map<String, Journal.Source> known) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (String path : sources.keySet()) {
            if (path.startsWith(folder)) {
                out.put(path, known(root, path, known));
            }
        }
        return out;
    }

    /**
     * The bytes of a source that has not changed, read again: a file saved since its stat was read
     * gives a digest other than the one kept, and the build goes the full way.
     */
    private static byte[] known(Path root, String path, Map<String, Journal.Source> known) throws IOException {
        byte[] bytes = Files.readAllBytes(root.resolve(path));
        if (!Arrays.equals(dev.guidegen.work.Digest.of(bytes), known.get(path).digest())) {
            throw new IOException(path + " changed while it was read");
        }
        return bytes;
    }

    /**
     * The changed guides as the content stage reads them, with the site's configuration and images
     * that their parse reads; empty, so that the build goes the full way, when any has a problem or
     * makes no page.
     */
    private static List<Guide> parse(Path root, Map<String, FileStat> sources, SortedMap<String, byte[]> guides,
            boolean drafts, Map<String, Journal.Source> known) throws IOException {
        Map<String, byte[]> files = new TreeMap<>(files(root, sources, ContentReader.IMAGES, known));
        if (sources.containsKey(ContentReader.SITE_YAML)) {
            files.put(ContentReader.SITE_YAML, known(root, ContentReader.SITE_YAML, known));
        }
        files.putAll(guides);
        Problems problems = new Problems();
        Content content = new ContentReader(new MarkdownParser(), drafts, problems).read(SourceTree.of(files));
        if (!problems.sorted().isEmpty() || content.guides().size() != guides.size()) {
            throw new IllegalStateException("not a quick rebuild"); // caught: the full build reports what it is
        }
        return content.guides();
    }

    /**
     * Puts each page in place of the one of the same path, by a rename from beside it. When one
     * cannot be, the pages already replaced are put back and false is given.
     */
    private static boolean replace(Path target, List<OutputFile> pages) {
        List<Map.Entry<Path, byte[]>> done = new ArrayList<>();
        try {
            for (OutputFile page : pages) {
                Path to = target.resolve(page.path());
                byte[] old = Files.readAllBytes(to);
                put(to, page.bytes());
                done.add(Map.entry(to, old));
            }
            return true;
        } catch (IOException e) {
            for (Map.Entry<Path, byte[]> d : done) {
                try {
                    put(d.getKey(), d.getValue());
                } catch (IOException again) {
                    // the full build that follows writes the whole output again
                }
            }
            return false;
        }
    }

    private static void put(Path to, byte[] bytes) throws IOException {
        Path temp = to.resolveSibling(".guidegen-new." + ProcessHandle.current().pid() + "." + to.getFileName());
        try {
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
