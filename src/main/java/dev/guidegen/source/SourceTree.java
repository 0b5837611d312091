package dev.guidegen.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The raw input of a site: every file under {@code content/} and {@code templates/}, keyed by its
 * path relative to the site root with forward slashes, in sorted order.
 */
public record SourceTree(SortedMap<String, byte[]> files) {

    public static final String CONTENT = "content/";
    public static final String TEMPLATES = "templates/";

    public SourceTree {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static SourceTree of(Map<String, byte[]> files) {
        return new SourceTree(new TreeMap<>(files));
    }

    /** Reads {@code content/} and {@code templates/} under {@code root}; I/O failures are bugs of the machine, not the site. */
    public static SourceTree read(Path root) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String top : new String[] {"content", "templates"}) {
            Path dir = root.resolve(top);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    files.put(rel, Files.readAllBytes(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SourceTree(files);
    }

    /** The paths under {@code prefix} (a folder ending in '/'), sorted. */
    public SortedMap<String, byte[]> under(String prefix) {
        return files.subMap(prefix, prefix + Character.MAX_VALUE);
    }

    public boolean has(String path) {
        return files.containsKey(path);
    }

    public byte[] bytes(String path) {
        return files.get(path);
    }

    /** A copy of this tree with some files added or replaced. */
    public SourceTree with(Map<String, byte[]> changes) {
        SortedMap<String, byte[]> copy = new TreeMap<>(files);
        copy.putAll(changes);
        return new SourceTree(copy);
    }
}
