package dev.guidegen.output;

import dev.guidegen.render.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The output stage: writes the site into a sibling temporary directory of its own and swaps it in
 * only when every file is written, so a failed build never leaves half a site behind. Builds that
 * write the same output at once each use their own temporary directory; the last one to swap wins,
 * and every reader sees one complete site or the other.
 */
public final class SiteWriter {

    /** The file in a spare output that names the output it was, so that it is only ever used for that one. */
    static final String SPARE_OF = ".guidegen-spare-of";

    /** Swaps lost to another build at the same moment before giving up: each loss means that build finished. */
    private static final int SWAP_ATTEMPTS = 20;

    private SiteWriter() {
    }

    /** Writes the site to {@code target}, which {@link OutputDir#check} has approved. */
    public static void write(Path target, List<OutputFile> files) throws IOException {
        Staging staging = open(target);
        try {
            for (OutputFile f : files) {
                staging.write(f);
            }
            staging.commit();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            staging.abortUnlessCommitted();
        }
    }

    /**
     * Starts a site for {@code target}, which {@link OutputDir#check} has approved: files are
     * written into a fresh sibling directory as they come, and {@link Staging#commit} swaps it in.
     */
    public static Staging open(Path target) throws IOException {
        return open(target, null);
    }

    /**
     * As {@link #open(Path)}, keeping the output that a build replaces in {@code spare} (which may be
     * null for none) rather than deleting it. The next build takes it from there and brings it up to
     * date, so that it writes and deletes only the files that changed rather than the whole site.
     */
    public static Staging open(Path target, Path spare) throws IOException {
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Files.createDirectories(parent);
        removeLeftovers(parent, name);
        Path previous = Files.isRegularFile(target.resolve(OutputDir.MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                ? target : null;
        Path fresh = freshDirectory(parent, name);
        java.util.Map<String, Boolean> kept = spare == null ? null : claim(spare, fresh, target);
        return new Staging(target, parent, name, fresh, previous, spare, kept);
    }

    /**
     * Moves the spare output kept for {@code target}, if there is one, into {@code fresh} (an empty
     * directory), and lists what it holds: each path, with true for a folder. Null, with {@code fresh}
     * left empty, when there is none fit to use: none, taken by another build, kept for another output
     * (its {@value #SPARE_OF} file names the output it was), on another file system, on a file system
     * that does not tell names apart by case, or holding anything but files and folders it can read.
     */
    private static java.util.Map<String, Boolean> claim(Path spare, Path fresh, Path target) throws IOException {
        Path record = spare.resolve(SPARE_OF);
        try {
            if (!holdsOutput(spare)
                    || !Files.isRegularFile(record, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.size(record) > 64 * 1024
                    || !Files.readString(record, StandardCharsets.UTF_8).equals(spareRecord(target))) {
                return null;
            }
            // Moved to a name that does not exist yet: the empty directory made for the name goes first.
            Files.delete(fresh);
            Files.move(spare, fresh, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            emptyAgain(fresh); // taken by another build, unreadable, or on another file system: start empty
            return null;
        }
        java.util.Map<String, Boolean> kept = new java.util.concurrent.ConcurrentHashMap<>();
        boolean fit = Files.isDirectory(fresh, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && !Files.exists(fresh.resolve(OutputDir.MARKER.toUpperCase(java.util.Locale.ROOT)), java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (fit) {
            try (Stream<Path> walk = Files.walk(fresh)) {
                for (Path p : walk.skip(1).toList()) {
                    java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(p,
                            java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    fit &= a.isDirectory() || a.isRegularFile();
                    kept.put(relative(fresh, p), a.isDirectory());
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                fit = false;
            }
        }
        if (!fit) {
            try {
                deleteTree(fresh);
            } catch (IOException | java.io.UncheckedIOException e) {
                // What cannot be read cannot be deleted: it goes back where it was, never to be used.
                try {
                    Files.move(fresh, spare, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException again) {
                    // left as a temporary directory, which a later build removes when it can
                }
            }
            emptyAgain(fresh);
            return null;
        }
        return kept;
    }

    /**
     * Where a cache directory keeps the spare output of {@code target}: a folder named after a digest
     * of the output's path, so that each output has its own and no other folder is ever taken for one.
     */
    public static Path spareIn(Path cache, Path target) {
        byte[] d = dev.guidegen.work.Sha256.of(spareRecord(target).getBytes(StandardCharsets.UTF_8));
        return cache.resolve(SPARE + "-" + java.util.HexFormat.of().formatHex(d, 0, SPARE_DIGEST_BYTES));
    }

    /** The start of a spare output's name, and the whole name of an earlier guidegen's one spare. */
    private static final String SPARE = "output";
    /** How many bytes of the digest a spare output's name holds, in hex after {@link #SPARE}. */
    private static final int SPARE_DIGEST_BYTES = 6;
    private static final java.util.regex.Pattern SPARE_NAME =
            java.util.regex.Pattern.compile(SPARE + "(?:-[0-9a-f]{" + 2 * SPARE_DIGEST_BYTES + "})?");

    /**
     * Whether {@code dir} is a spare output kept in a cache directory: a folder named as
     * {@link #spareIn} names them (or "output", where an earlier guidegen kept its one spare) that
     * holds an output's {@value OutputDir#MARKER}.
     */
    public static boolean isSpare(Path dir) {
        return SPARE_NAME.matcher(dir.getFileName().toString()).matches() && holdsOutput(dir);
    }

    /** Whether {@code dir} is a folder, not a link, with an output's {@value OutputDir#MARKER} in it. */
    private static boolean holdsOutput(Path dir) {
        return Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(dir.resolve(OutputDir.MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** What a spare output's {@value #SPARE_OF} file holds: the output it was, by its real path. */
    private static String spareRecord(Path target) {
        return target.toAbsolutePath().normalize() + "\n";
    }

    /** Makes {@code fresh} an empty directory again, as {@link #freshDirectory} made it, never following a link. */
    private static void emptyAgain(Path fresh) throws IOException {
        deleteTree(fresh);
        Files.createDirectory(fresh);
        if (Files.getFileStore(fresh).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(fresh, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static String relative(Path dir, Path p) {
        return dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
    }

    /**
     * A site being written; files may come from many threads at once. A file whose bytes the site it
     * replaces already holds at the same path is that file, linked in rather than written again:
     * a rebuild writes only what changed, and an unchanged file keeps its time for tools that sync
     * by size and time. The swap stays whole, since the links are made in the new directory.
     *
     * <p>Started from a spare output ({@link #open(Path, Path)}), the new directory holds the output
     * before last: a file it holds byte for byte is kept, any other is replaced (never written into,
     * as a spare may share files with the output), and {@link #commit} deletes what this site does
     * not have before the swap.
     */
    public static final class Staging {
        private final Path target;
        private final Path parent;
        private final String name;
        private final Path fresh;
        /** The site this one replaces, when guidegen wrote it; null for none. */
        private final Path previous;
        /** Where the site this one replaces is kept after the swap; null to delete it. */
        private final Path spare;
        /** What the spare output taken into {@code fresh} held, true for a folder; null when it started empty. */
        private final java.util.Map<String, Boolean> kept;
        /** The files written, when {@code fresh} started from a spare output. */
        private final java.util.Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile boolean committed;
        private volatile boolean aborted;
        /** Folders already made, so that each is made once, not once per file in it. */
        private final java.util.Set<Path> made = java.util.concurrent.ConcurrentHashMap.newKeySet();

        private Staging(Path target, Path parent, String name, Path fresh, Path previous, Path spare,
                java.util.Map<String, Boolean> kept) {
            this.target = target;
            this.parent = parent;
            this.name = name;
            this.fresh = fresh;
            this.previous = previous;
            this.spare = spare;
            this.kept = kept;
        }

        /** Writes one file; an I/O error comes back as an {@link java.io.UncheckedIOException}. */
        public void write(OutputFile f) {
            if (aborted) {
                throw new IllegalStateException("the site for " + target + " was abandoned");
            }
            try {
                Path p = inside(fresh, f.path());
                if (!made.contains(p.getParent())) {
                    int slash = f.path().lastIndexOf('/');
                    if (kept == null) {
                        Files.createDirectories(p.getParent());
                    } else if (slash > 0 && Boolean.TRUE.equals(kept.get(f.path().substring(0, slash)))) {
                        // The spare holds the folder, and so every folder above it, already.
                    } else {
                        makeFoldersInSpare(f.path(), p.getParent());
                    }
                    made.add(p.getParent());
                }
                if (kept != null) {
                    written.add(f.path());
                    Boolean folder = kept.get(f.path());
                    if (Boolean.FALSE.equals(folder) && Files.size(p) == f.bytes().length
                            && java.util.Arrays.equals(Files.readAllBytes(p), f.bytes())) {
                        return; // the spare output holds it already
                    }
                    if (folder != null) {
                        deleteTree(p);
                    }
                }
                if (previous == null || !linkedFromPrevious(p, inside(previous, f.path()), f.bytes())) {
                    Files.write(p, f.bytes(), java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /**
         * Links {@code old} in at {@code p} when it holds {@code bytes}. What was linked is compared,
         * not what was looked at: another build may swap its site in between. A link that does not
         * match is removed before anything is written at {@code p}, since writing through it would
         * change the site being replaced, which readers still see.
         */
        private static boolean linkedFromPrevious(Path p, Path old, byte[] bytes) throws IOException {
            try {
                java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(old,
                        java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (!a.isRegularFile() || a.size() != bytes.length) {
                    return false;
                }
                Files.createLink(p, old);
            } catch (IOException | UnsupportedOperationException e) {
                return false; // gone, unreadable, or a file system without links: write it
            }
            boolean same;
            try {
                same = java.util.Arrays.equals(Files.readAllBytes(p), bytes);
            } catch (IOException e) {
                same = false;
            }
            if (!same) {
                Files.delete(p);
            }
            return same;
        }

        /**
         * Makes the folders of {@code path} in a spare output, deleting any file that stands where one
         * of them must be. One thread at a time: a folder made by one thread is never taken by another
         * for a file in the way.
         */
        private synchronized void makeFoldersInSpare(String path, Path folder) throws IOException {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                Path p = fresh.resolve(path.substring(0, slash));
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(p);
                }
            }
            Files.createDirectories(folder);
        }

        /** Swaps the written site in for the old one. */
        public void commit() throws IOException {
            if (kept != null) {
                removeStale();
            }
            writeAnew(fresh.resolve(OutputDir.MARKER), OutputDir.MARKER_TEXT);
            swap(fresh, target, parent, name, spare);
            committed = true;
        }

        /** Deletes what the spare output held that this site does not: files not written, folders not needed. */
        private void removeStale() throws IOException {
            java.util.Set<String> folders = new java.util.HashSet<>();
            for (String path : written) {
                for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    folders.add(path.substring(0, slash));
                }
            }
            for (java.util.Map.Entry<String, Boolean> e : new java.util.TreeMap<>(kept).entrySet()) {
                String path = e.getKey();
                int slash = path.lastIndexOf('/');
                boolean parentStays = slash < 0 || folders.contains(path.substring(0, slash));
                // What was a folder may be a file now, and the other way round: what stands there now decides.
                boolean stays = folders.contains(path) || written.contains(path) || path.equals(OutputDir.MARKER);
                if (parentStays && !stays) {
                    deleteTree(fresh.resolve(path));
                }
            }
        }

        /** Deletes what was written, unless it was swapped in; a spare output it started from is kept as the spare again. */
        public void abortUnlessCommitted() throws IOException {
            if (!committed) {
                aborted = true;
                if (kept != null && !Files.exists(spare, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        writeAnew(fresh.resolve(OutputDir.MARKER), OutputDir.MARKER_TEXT);
                        writeAnew(fresh.resolve(SPARE_OF), spareRecord(target));
                        Files.move(fresh, spare, StandardCopyOption.ATOMIC_MOVE);
                        return;
                    } catch (IOException e) {
                        // another build keeps its spare there: delete this one
                    }
                }
                deleteTree(fresh);
            }
        }
    }

    private static void swap(Path fresh, Path target, Path parent, String name, Path spare) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path old = null;
            if (Files.exists(target)) {
                old = parent.resolve("." + name + ".old-" + fresh.getFileName().toString().substring(name.length() + 6));
                deleteTree(old);
                try {
                    move(target, old);
                } catch (NoSuchFileException e) {
                    old = null; // another build moved it away first
                }
            }
            try {
                move(fresh, target);
                if (old != null && !keptAsSpare(old, spare, target)) {
                    deleteReplaced(old);
                }
                return;
            } catch (FileSystemException e) {
                if (!Files.exists(target) || attempt == SWAP_ATTEMPTS) {
                    throw e;
                }
                // Another build swapped its site in between our two moves. Its site is complete and ours is
                // newer: put the one we moved aside away and try again.
                if (old != null) {
                    deleteTree(old);
                }
            }
        }
    }

    /**
     * A new sibling directory of this build's own ({@code .site-output.tmp-PID-N}), unique even among
     * builds of one process. It gets the permissions a directory usually has (rwxr-xr-x), since it
     * becomes the published site; the name never reaches the output.
     */
    private static Path freshDirectory(Path parent, String name) throws IOException {
        Path fresh = Files.createTempDirectory(parent, "." + name + ".tmp-" + ProcessHandle.current().pid() + "-");
        if (Files.getFileStore(fresh).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(fresh, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return fresh;
    }

    /**
     * Temporary and replaced outputs left beside the output by builds that were killed: their names
     * carry the process id, and a process that no longer runs will never finish them.
     */
    private static void removeLeftovers(Path parent, String name) throws IOException {
        java.util.regex.Pattern ours = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote("." + name) + "\\.(tmp|old)-(\\d+)-\\d+");
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path p : siblings.toList()) {
                java.util.regex.Matcher m = ours.matcher(p.getFileName().toString());
                if (m.matches() && m.group(2).length() < 19 && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty()) {
                    try {
                        deleteTree(p);
                    } catch (IOException | java.io.UncheckedIOException e) {
                        // What cannot be deleted now is tried again by the next build; it never stops this one.
                    }
                }
            }
        }
    }

    /** The file's place in {@code dir}; a path that would leave it is a bug upstream, never written. */
    static Path inside(Path dir, String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")) {
            throw new IllegalArgumentException("unsafe output path: " + relative);
        }
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir) || p.equals(dir) || p.getFileName().toString().equals(OutputDir.MARKER)) {
            throw new IllegalArgumentException("output path leaves the output directory: " + relative);
        }
        return p;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Moves the replaced output {@code old} of {@code target} to {@code spare}, naming the output it
     * was, unless there is no spare or one is there already.
     */
    private static boolean keptAsSpare(Path old, Path spare, Path target) {
        if (spare == null) {
            return false;
        }
        try {
            writeAnew(old.resolve(SPARE_OF), spareRecord(target));
            Files.createDirectories(spare.getParent());
            Files.move(old, spare, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // taken by another build's spare, or on another file system: deleted instead
        }
    }

    /** Writes a new file at {@code p}, never into the one there, which a spare output may share with the output. */
    private static void writeAnew(Path p, String text) throws IOException {
        Files.deleteIfExists(p);
        Files.writeString(p, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
    }

    /**
     * Deletes the output this build replaced, as {@link #deleteTree} does, with what lies two levels
     * down (each page's folder) deleted on all cores: an output may hold tens of thousands of files.
     */
    private static void deleteReplaced(Path dir) throws IOException {
        List<Path> parts;
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            parts = walk.filter(p -> p.getNameCount() == dir.getNameCount() + 2).toList();
        }
        try {
            parts.parallelStream().forEach(p -> {
                try {
                    deleteTree(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        deleteTree(dir);
    }

    /** Deletes a directory this build made (a temporary one, or an output it replaced), never following links. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
