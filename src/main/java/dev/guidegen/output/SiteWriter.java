package dev.guidegen.output;

import dev.guidegen.render.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The output stage: writes the site into a sibling temporary directory and swaps it in only
 * when every file is written, so a failed build never leaves half a site behind.
 */
public final class SiteWriter {

    private SiteWriter() {
    }

    public static void write(Path out, List<OutputFile> files) {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Path fresh = parent.resolve("." + name + ".tmp");
        Path old = parent.resolve("." + name + ".old");
        try {
            Files.createDirectories(parent);
            deleteTree(fresh);
            deleteTree(old);
            Files.createDirectories(fresh);
            for (OutputFile f : files) {
                Path p = inside(fresh, f.path());
                Files.createDirectories(p.getParent());
                Files.write(p, f.bytes());
            }
            if (Files.exists(target)) {
                move(target, old);
            }
            move(fresh, target);
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's place in {@code dir}; a path that would leave it is a bug upstream, never written. */
    static Path inside(Path dir, String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")) {
            throw new IllegalArgumentException("unsafe output path: " + relative);
        }
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir) || p.equals(dir)) {
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

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
