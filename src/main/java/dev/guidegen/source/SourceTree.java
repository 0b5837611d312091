package dev.guidegen.source;

import dev.guidegen.problem.Limits;
import dev.guidegen.problem.Problem;
import dev.guidegen.problem.Severity;
import dev.guidegen.problem.SourcePos;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The raw input of a site: every file under {@code content/} and {@code templates/}, keyed by its
 * path relative to the site root with forward slashes, in sorted order. {@code problems} are the
 * files that could not or must not be read; {@code changedWhileRead} says a file vanished between
 * listing and reading, as happens while an editor saves, so a second read will see the saved state.
 */
public record SourceTree(SortedMap<String, byte[]> files, List<Problem> problems, boolean changedWhileRead,
        List<Path> linkedPaths) {

    public static final String CONTENT = "content/";
    public static final String TEMPLATES = "templates/";

    public SourceTree {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        problems = List.copyOf(problems);
        linkedPaths = List.copyOf(linkedPaths);
    }

    public SourceTree(SortedMap<String, byte[]> files, List<Problem> problems, boolean changedWhileRead) {
        this(files, problems, changedWhileRead, List.of());
    }

    public static SourceTree of(Map<String, byte[]> files) {
        return new SourceTree(new TreeMap<>(files), List.of(), false);
    }

    /**
     * Reads {@code content/} and {@code templates/} under {@code root}. A file or folder is read only
     * if its real path lies in the site root: a link that leads anywhere else, content/ and templates/
     * themselves included, is reported and never opened. Editor swap and backup files are skipped.
     * {@code linkedPaths} are the real paths of the files and folders read through links, which the output must
     * not hold. Only a root that cannot be read at all throws.
     */
    public static SourceTree read(Path root) {
        return read(root, null);
    }

    /**
     * Reads as above, taking from {@code memo} (which may be null) the bytes of every file whose
     * size, time and identity are as the memo's last read found them, and leaving this read's in it.
     */
    public static SourceTree read(Path root, ReadMemo memo) {
        try {
            if (memo != null) {
                memo.begin();
            }
            Reader reader = new Reader(root, root.toRealPath(), memo);
            for (String top : new String[] {"content", "templates"}) {
                Path dir = root.resolve(top);
                if (Files.isDirectory(dir)) {
                    Path real = dir.toRealPath();
                    if (!real.startsWith(reader.realRoot)) {
                        reader.problem(dir, "folder " + top + "/ is a symbolic link to a folder outside the site root ("
                                + real + "); it is not read", "keep content/ and templates/ inside the site root");
                        continue;
                    }
                    if (!real.equals(reader.realRoot.resolve(top))) {
                        reader.linked.add(real);
                    }
                    Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, reader);
                }
            }
            reader.readFound();
            return new SourceTree(reader.files, reader.problems, reader.changed, reader.linked);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * This tree as it is after changes to {@code changed} (absolute paths, as a watcher reports
     * them: files or folders that were made, changed or removed), reading only those, with the same
     * rules as {@link #read(Path, ReadMemo)}, and never taking their bytes from {@code memo} (only
     * leaving them there); or null when only reading everything again can tell: when this tree was
     * read through symbolic links or has problems (a broken link may be mended by a file made
     * elsewhere), or a change involves a symbolic link.
     */
    public SourceTree update(Path root, java.util.Collection<Path> changed, ReadMemo memo) {
        if (!linkedPaths.isEmpty() || changedWhileRead || !problems.isEmpty()) {
            return null;
        }
        try {
            Reader reader = new Reader(root, root.toRealPath(), memo);
            reader.fresh = true;
            List<String> walked = new ArrayList<>();
            SortedMap<String, byte[]> now = new TreeMap<>(files);
            List<Problem> kept = new ArrayList<>(problems);
            for (Path p : new java.util.TreeSet<>(changed)) {
                Path rel = root.relativize(p);
                if (rel.startsWith("..") || rel.getNameCount() == 0
                        || !(rel.getName(0).toString().equals("content") || rel.getName(0).toString().equals("templates"))) {
                    continue; // outside content/ and templates/
                }
                if (rel.getNameCount() == 1) {
                    return null; // content/ or templates/ itself
                }
                boolean skipped = false;
                for (int i = 1; i < rel.getNameCount() - 1 && !skipped; i++) {
                    Path dir = root.resolve(rel.subpath(0, i + 1));
                    if (Files.isSymbolicLink(dir)) {
                        return null;
                    }
                    skipped = isEditorLeftover(rel.getName(i).toString());
                }
                if (skipped) {
                    continue;
                }
                String key = reader.relative(p);
                if (walked.stream().anyMatch(folder -> key.startsWith(folder + "/"))) {
                    continue; // read with its folder already
                }
                now.keySet().removeIf(path -> path.equals(key) || path.startsWith(key + "/"));
                kept.removeIf(problem -> problem.pos().path().equals(key) || problem.pos().path().startsWith(key + "/"));
                if (Files.isSymbolicLink(p)) {
                    return null;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // removed
                }
                if (attrs.isDirectory()) {
                    walked.add(key);
                    if (!isEditorLeftover(p.getFileName().toString())) {
                        Files.walkFileTree(p, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, reader);
                    }
                } else {
                    reader.visitFile(p, attrs);
                }
                if (!reader.linked.isEmpty()) {
                    return null;
                }
            }
            reader.readFound();
            now.putAll(reader.files);
            kept.addAll(reader.problems);
            return new SourceTree(now, kept, reader.changed, List.of());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Names that editors and operating systems leave beside the files being edited: hidden files
     * ({@code .x.md.swp}, {@code .#x.md}, {@code .DS_Store}), Emacs auto-saves ({@code #x.md#}),
     * backups ({@code x.md~}), Vim's write test ({@code 4913}), JetBrains safe-write copies and
     * Windows folder files. They are never part of the site.
     */
    public static boolean isEditorLeftover(String name) {
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.equals("4913")
                || name.endsWith(".swp") || name.endsWith(".swo") || name.endsWith(".swx")
                || name.endsWith("___jb_tmp___") || name.endsWith("___jb_old___")
                || name.equalsIgnoreCase("Thumbs.db") || name.equalsIgnoreCase("desktop.ini");
    }

    private static final class Reader extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Path realRoot;
        private final List<Path> linked = new ArrayList<>();
        private final SortedMap<String, byte[]> files = new TreeMap<>();
        private final List<Problem> problems = new ArrayList<>();
        private boolean changed;
        private final ReadMemo memo;
        /** Whether to read every file rather than take its bytes from the memo. */
        private boolean fresh;

        Reader(Path root, Path realRoot, ReadMemo memo) {
            this.root = root;
            this.realRoot = realRoot;
            this.memo = memo;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.getParent().equals(root) && isEditorLeftover(dir.getFileName().toString())) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (!dir.getParent().equals(root) && Files.isSymbolicLink(dir)) {
                Path real;
                try {
                    real = dir.toRealPath();
                } catch (IOException e) {
                    return visitFileFailed(dir, e) == FileVisitResult.CONTINUE ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }
                if (inside(real)) {
                    linked.add(real);
                } else {
                    problem(dir, "symbolic link to a folder outside the site root (" + real + "); it is not read",
                            "copy the files into the site, or link only to folders inside it");
                    return FileVisitResult.SKIP_SUBTREE;
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isEditorLeftover(file.getFileName().toString())) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink()) {
                problem(file, "broken symbolic link: what it points to does not exist", "remove the link or restore its target");
                return FileVisitResult.CONTINUE;
            }
            try {
                if (Files.isSymbolicLink(file)) {
                    Path real = file.toRealPath();
                    linked.add(real);
                    if (!inside(real)) {
                        problem(file, "symbolic link to a file outside the site root (" + real + "); it is not read",
                                "copy the file into the site, or link only to files inside it");
                        return FileVisitResult.CONTINUE;
                    }
                }
                if (!attrs.isRegularFile()) {
                    problem(file, "not a regular file (a device, pipe or socket); it is not read", "remove it from the site");
                    return FileVisitResult.CONTINUE;
                }
                String path = relative(file);
                long max = Limits.maxFileBytes(path);
                if (attrs.size() > max) {
                    problem(file, "file is " + megabytes(attrs.size()) + "; " + (max == Limits.MAX_FILE_BYTES ? "files"
                            : "data files") + " may be at most " + megabytes(max), "split it, or move large media out of the site");
                    return FileVisitResult.CONTINUE;
                }
                byte[] bytes = memo == null || fresh ? null : memo.get(path, attrs);
                if (bytes == null) {
                    found.add(new Found(file, path, attrs, max));
                } else {
                    files.put(path, bytes);
                }
            } catch (NoSuchFileException e) {
                changed = true;
                problem(file, "file disappeared while it was being read", "build again once the file is saved");
            } catch (IOException e) {
                problem(file, "cannot read the file: " + IoErrors.reason(e), null);
            }
            return FileVisitResult.CONTINUE;
        }

        /** A file the walk found, to be read once the walk is done. */
        private record Found(Path file, String path, BasicFileAttributes attrs, long max) {
        }

        /** What reading one file gave: its bytes, or why it could not be read. */
        private record Read(byte[] bytes, IOException failure) {
        }

        /** The files found and not read yet, in the order the walk found them. */
        private final List<Found> found = new ArrayList<>();

        /**
         * Reads the files the walk found, on all cores: one file after another, a large site's
         * files took most of the time it takes to read it, with the other core idle. Each file's
         * bytes or problem is then taken in the order the walk found them.
         */
        void readFound() {
            Read[] read = new Read[found.size()];
            java.util.Arrays.parallelSetAll(read, i -> {
                try {
                    return new Read(Files.readAllBytes(found.get(i).file()), null);
                } catch (IOException e) {
                    return new Read(null, e);
                }
            });
            for (int i = 0; i < read.length; i++) {
                Found f = found.get(i);
                byte[] bytes = read[i].bytes();
                if (read[i].failure() instanceof NoSuchFileException) {
                    changed = true;
                    problem(f.file(), "file disappeared while it was being read", "build again once the file is saved");
                } else if (read[i].failure() != null) {
                    problem(f.file(), "cannot read the file: " + IoErrors.reason(read[i].failure()), null);
                } else if (bytes.length > f.max()) {
                    problem(f.file(), "file is over " + megabytes(f.max()), "split it");
                } else {
                    if (memo != null) {
                        memo.put(f.path(), f.attrs(), bytes);
                    }
                    files.put(f.path(), bytes);
                }
            }
            found.clear();
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (isEditorLeftover(file.getFileName().toString())) {
                return FileVisitResult.CONTINUE;
            }
            if (e instanceof FileSystemLoopException) {
                problem(file, "symbolic link leads back to a folder that holds it; it is not read", "remove the link");
            } else if (e instanceof NoSuchFileException) {
                changed = true;
                problem(file, "file disappeared while it was being read", "build again once the file is saved");
            } else {
                problem(file, "cannot read: " + IoErrors.reason(e), null);
            }
            return FileVisitResult.CONTINUE;
        }

        private boolean inside(Path real) {
            return real.startsWith(realRoot);
        }

        private String relative(Path p) {
            return root.relativize(p).toString().replace('\\', '/');
        }

        private void problem(Path file, String message, String hint) {
            problems.add(new Problem(SourcePos.start(relative(file)), Severity.ERROR, message, hint));
        }

        private static String megabytes(long bytes) {
            return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
    }

    /** The paths under {@code prefix} (a folder ending in '/'), sorted. */
    public SortedMap<String, byte[]> under(String prefix) {
        return files.subMap(prefix, prefix + Character.MAX_VALUE);
    }

    public boolean has(String path) {
        return files.containsKey(path);
    }

    /**
     * Whether {@code path} is there but was not read (too large, a link out of the site, unreadable),
     * which its problem already says: a stage that needs the file says nothing more of it.
     */
    public boolean refused(String path) {
        return !files.containsKey(path) && problems.stream().anyMatch(p -> p.pos().path().equals(path));
    }

    public byte[] bytes(String path) {
        return files.get(path);
    }

    /** A copy of this tree with some files added or replaced. */
    public SourceTree with(Map<String, byte[]> changes) {
        SortedMap<String, byte[]> copy = new TreeMap<>(files);
        copy.putAll(changes);
        return new SourceTree(copy, problems, changedWhileRead);
    }
}
