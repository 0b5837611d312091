package dev.guidegen.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Decides whether a directory may receive the site. The output directory is replaced as a whole,
 * so it must be a place guidegen owns: new, empty, or marked by an earlier build. Every path is
 * compared by its real location, symbolic links resolved, so no spelling of a path can reach the
 * sources.
 */
public final class OutputDir {

    /** The file every build leaves in its output, so that a later build knows the directory is its own. */
    public static final String MARKER = ".guidegen-output";
    static final String MARKER_TEXT = "This directory was written by guidegen; every build replaces it as a whole.\n";

    /** Where to write, or why not: exactly one of the two is set. */
    public record Decision(Path target, String refusal) {
    }

    private OutputDir() {
    }

    /**
     * Checks {@code out} (as given on the command line; null for the default) for a site whose root is
     * {@code root}, holding the named source folders and the files and folders in {@code linked}, which
     * the sources reach through symbolic links.
     */
    public static Decision check(Path root, String out, java.util.List<Path> linked, String... sources) throws IOException {
        Path realRoot = root.toRealPath();
        Path suggestion = realRoot.resolve("site-output");
        if (out != null && out.isBlank()) {
            return refuse("--out is empty; name the directory to write the site to, such as " + suggestion);
        }
        Path target = real(out == null ? realRoot.resolve("site-output") : Path.of(out));
        String shown = "--out " + (out == null ? target : out) + (out == null || Path.of(out).equals(target) ? "" : " (" + target + ")");
        if (target.getParent() == null) {
            return refuse(shown + " is a file system root; choose a directory of its own, such as " + suggestion);
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            return refuse(shown + " is a file, not a directory; choose a directory, such as " + suggestion);
        }
        if (realRoot.startsWith(target)) {
            return refuse(shown + " holds the site root, and would be replaced as a whole; choose a directory of its own, such as "
                    + suggestion);
        }
        for (String source : sources) {
            Path dir = realRoot.resolve(source);
            Path realDir = Files.exists(dir) ? dir.toRealPath() : dir;
            if (target.startsWith(realDir) || realDir.startsWith(target)) {
                return refuse(shown + (target.startsWith(realDir) ? " lies inside " : " holds ") + source
                        + "/, and would be replaced as a whole; choose a directory of its own, such as " + suggestion);
            }
        }
        for (Path source : linked) {
            if (source.startsWith(target) || target.startsWith(source)) {
                return refuse(shown + " holds " + source + ", which the sources reach through a symbolic link, and would be"
                        + " replaced as a whole; choose a directory of its own, such as " + suggestion);
            }
        }
        if (Files.isDirectory(target) && !Files.exists(target.resolve(MARKER), LinkOption.NOFOLLOW_LINKS) && !isEmpty(target)) {
            return refuse(shown + " is a directory guidegen did not write (it has no " + MARKER + " file), so it will not be"
                    + " replaced; empty or remove it yourself, or choose another directory, such as " + suggestion);
        }
        return new Decision(target, null);
    }

    private static Decision refuse(String why) {
        return new Decision(null, why);
    }

    /** The absolute path with every existing part resolved through its symbolic links. */
    public static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    }

    static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
