package dev.guidegen.cache;

import dev.guidegen.content.ParseCodec;
import dev.guidegen.content.ParseMemo;
import dev.guidegen.output.OutputDir;
import dev.guidegen.source.IoErrors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The build cache on disk: each content file's parse from the last successful build, kept in one
 * file, {@value #FILE}, in the cache directory ({@code <root>/.guidegen/} unless {@code --cache-dir}
 * names another). A parse is reused only when the fingerprints ({@link dev.guidegen.work.Digest}) of its file's bytes and of its
 * context match, so a build with the cache makes what a build without it makes.
 *
 * <p>The cache is never trusted. It carries a fingerprint of the guidegen that wrote it and a
 * checksum (CRC-32C) of its bytes; a cache from another guidegen, cut short or changed is ignored
 * whole. It holds only strings, numbers and lists ({@link ParseCodec}), never serialised objects.
 */
public final class BuildCache {

    static final String FILE = "parses.bin";
    /** The file a build holds a lock on while it uses the cache directory; it stays empty. */
    public static final String LOCK = ".lock";
    /**
     * The cache directory tag (bford.info/cachedir): backup and archiving tools pass over a
     * directory that holds it, and guidegen takes a directory that holds its own as one it made.
     */
    static final String TAG = "CACHEDIR.TAG";
    /** The start of guidegen's tag: the signature every tag holds, and the line that tells guidegen's from another program's. */
    private static final String TAG_HEAD = "Signature: 8a477f597d28d172789f06886806bc55\n"
            + "# This file is a cache directory tag created by guidegen.\n";
    private static final byte[] TAG_TEXT = (TAG_HEAD + "# For information about cache directory tags, see: https://bford.info/cachedir/\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] MAGIC = "guidegen build cache 2\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM = 8;
    /** The most a cache file may hold, which a Java array can: about 150,000 guides' parses. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 64;

    private BuildCache() {
    }

    /** The parses to build with, and why the cache was ignored when it was (null when it was used or absent). */
    public record Loaded(ParseMemo parses, String ignored) {
    }

    /**
     * Why {@code dir} cannot hold the cache of the site at {@code root} writing to {@code output}, or
     * null when it can: it must be a directory of its own, neither holding the root nor lying in it
     * as one of its source folders, nor holding or lying in the output or a folder the sources reach
     * through a symbolic link ({@code linked}). {@code given} says whether {@code dir} was given as
     * {@code --cache-dir}, or is the default; a directory given must hold nothing that guidegen did
     * not make there ({@link #foreign}). The default, {@code <root>/.guidegen}, is guidegen's by its name.
     */
    public static String refusal(Path root, Path dir, boolean given, Path output, java.util.List<Path> linked,
            String... sources) throws IOException {
        String instead = "; choose a directory of its own with --cache-dir, or build with --no-cache";
        String insteadOfMine = "; choose a new or empty directory with --cache-dir, or build with --no-cache";
        String shown = (given ? "--cache-dir " : "the build cache's directory ") + dir;
        if (Files.isSymbolicLink(dir) && !Files.exists(dir)) {
            return shown + " is a symbolic link to " + Files.readSymbolicLink(dir) + ", which does not exist" + instead;
        }
        Path real = OutputDir.real(dir);
        Path realRoot = root.toRealPath();
        if (realRoot.startsWith(real)) {
            return shown + " holds the site root" + instead;
        }
        for (String source : sources) {
            if (real.startsWith(OutputDir.real(realRoot.resolve(source)))) {
                return shown + " lies inside " + source + "/, which holds the sources" + instead;
            }
        }
        for (Path source : linked) {
            if (source.startsWith(real) || real.startsWith(source)) {
                return shown + " overlaps " + source + ", which the sources reach through a symbolic link" + instead;
            }
        }
        if (real.startsWith(output) || output.startsWith(real)) {
            return shown + " overlaps the output " + output + instead;
        }
        if (Files.exists(real) && !Files.isDirectory(real)) {
            return shown + " is a file, not a directory" + instead;
        }
        if (given) {
            java.util.List<String> foreign = foreign(real);
            if (!foreign.isEmpty()) {
                int shownNames = Math.min(3, foreign.size());
                return shown + " holds files that guidegen did not make (" + String.join(", ", foreign.subList(0, shownNames))
                        + (foreign.size() > shownNames ? " and " + (foreign.size() - shownNames) + " more" : "")
                        + "), which it would not replace" + insteadOfMine;
            }
        }
        return null;
    }

    /**
     * What {@code dir} holds, sorted, that guidegen did not make there: nothing when it does not
     * exist, when it holds guidegen's {@value #TAG}, or when all it holds is what guidegen keeps in a
     * cache (a cache made before guidegen tagged its directories). Else every name in it that is
     * not one of the cache's files, or is one that guidegen did not write.
     */
    static java.util.List<String> foreign(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || tagged(dir)) {
            return java.util.List.of();
        }
        java.util.List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        java.util.List<String> foreign = new java.util.ArrayList<>();
        boolean parses = startsWith(dir.resolve(FILE), anyVersion(MAGIC));
        boolean journal = startsWith(dir.resolve(Journal.FILE), anyVersion(Journal.MAGIC));
        for (String name : names) {
            Path p = dir.resolve(name);
            boolean ours = switch (name) {
                case FILE -> parses;
                case Journal.FILE -> journal;
                case Journal.DELTA -> startsWith(p, anyVersion(Journal.DELTA_MAGIC));
                // Written with the journal, and left when a failed build drops it, beside the parses every build keeps.
                case Journal.FRAMES -> (journal || parses) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
                case LOCK -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) == 0;
                default -> dev.guidegen.output.SiteWriter.isSpare(p) || LEFTOVER.matcher(name).matches();
            };
            if (!ours) {
                foreign.add(name);
            }
        }
        return foreign;
    }

    /** A cache file's header without its version ("guidegen build cache"), which every version of guidegen wrote. */
    private static byte[] anyVersion(byte[] magic) {
        String header = new String(magic, StandardCharsets.US_ASCII);
        return header.substring(0, header.lastIndexOf(' ')).getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code dir} holds guidegen's {@value #TAG}. */
    private static boolean tagged(Path dir) {
        return startsWith(dir.resolve(TAG), TAG_HEAD.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Whether {@code file} is a regular file that starts with {@code head}, as guidegen writes its
     * cache files and tag; one that cannot be read cannot be told to be guidegen's.
     */
    private static boolean startsWith(Path file, byte[] head) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(head.length), head);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes {@code dir} the cache's, once {@link #refusal} found nothing against it: creates it if
     * need be, and tags it ({@value #TAG}) unless it is tagged already. Returns why the directory
     * cannot be made, or null: then the build goes without the cache, and says so in one line. A
     * directory that is there but cannot be written is left as it is: its cache can still be read,
     * and keeping the new one fails later, in a line of its own.
     */
    public static String claim(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return IoErrors.reason(e);
        }
        try {
            if (!Files.exists(dir.resolve(TAG), LinkOption.NOFOLLOW_LINKS)) {
                CacheFiles.write(dir, TAG, out -> out.write(TAG_TEXT));
            }
        } catch (IOException e) {
            // a read-only directory or a full disk: see above
        }
        return null;
    }

    /** The cache in {@code dir}, or no parses (with the reason) when there is none fit to use. */
    public static Loaded load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Loaded(ParseMemo.from(Map.of()), null);
        }
        byte[] all;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return ignored(file, "it is larger than any cache guidegen writes (" + MAX_BYTES / (1 << 20) + " MB)");
            }
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            return ignored(file, "it cannot be read: " + IoErrors.reason(e));
        }
        byte[] print = fingerprint();
        if (print == null) {
            return new Loaded(ParseMemo.from(Map.of()), null);
        }
        int head = MAGIC.length + print.length;
        if (all.length < head + CHECKSUM || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return ignored(file, "it is not a guidegen build cache");
        }
        if (!Arrays.equals(all, MAGIC.length, head, print, 0, print.length)) {
            return new Loaded(ParseMemo.from(Map.of()), null); // made by another guidegen: silently out of date
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - CHECKSUM);
        if (crc.getValue() != java.nio.ByteBuffer.wrap(all, all.length - CHECKSUM, CHECKSUM).getLong()) {
            return ignored(file, "its bytes do not match its checksum (it was cut short or changed)");
        }
        int end = all.length - CHECKSUM;
        // Only the index is read here; each parse is read back when a build asks for it, on the
        // build's threads.
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(all, head, end - head))) {
            int n = data.readInt();
            Map<String, java.util.function.Supplier<ParseMemo.Stored>> stored = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                String key = data.readUTF();
                int length = data.readInt();
                int from = end - data.available();
                if (length < 0 || data.skipBytes(length) != length) {
                    throw new IOException("an entry runs past the end");
                }
                stored.put(key, () -> decode(all, from, length));
            }
            return new Loaded(ParseMemo.from(stored), null);
        } catch (IOException | RuntimeException e) {
            // The checksum matched, so these bytes were written as they are: by another program, or a bug.
            return ignored(file, "it cannot be read back (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** One parse read back, or null when its bytes cannot be: the file is then parsed again. */
    private static ParseMemo.Stored decode(byte[] all, int from, int length) {
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(all, from, length))) {
            return ParseCodec.read(new ParseCodec.Reader(data, length));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Loaded ignored(Path file, String why) {
        return new Loaded(ParseMemo.from(Map.of()), "ignoring the build cache " + file + ": " + why + "; this build parses every file");
    }

    /** Keeps this build's parses in {@code dir}, replacing the cache there whole. */
    public static void save(Path dir, ParseMemo parses) throws IOException {
        if (fingerprint() == null) {
            return;
        }
        Files.createDirectories(dir);
        removeLeftovers(dir);
        CacheFiles.writeChecked(dir, FILE, MAGIC, out -> {
            out.write(fingerprint());
            Map<String, ParseMemo.Stored> all = parses.export();
            out.writeInt(all.size());
            dev.guidegen.work.Bytes entry = new dev.guidegen.work.Bytes(1 << 16);
            for (Map.Entry<String, ParseMemo.Stored> e : all.entrySet()) {
                entry.reset();
                ParseCodec.write(new DataOutputStream(entry), e.getValue());
                out.writeUTF(e.getKey());
                out.writeInt(entry.size());
                entry.writeTo(out);
            }
        });
    }

    /**
     * The temporary files of the cache's files, as {@link CacheFiles#write} names them:
     * {@code .NAME.PID.N.tmp}, for parses.bin, what quick rebuilds need ({@link Journal}) and the tag.
     */
    private static final java.util.regex.Pattern LEFTOVER = java.util.regex.Pattern.compile("\\.(?:" + String.join("|",
            java.util.stream.Stream.of(FILE, Journal.FILE, Journal.FRAMES, Journal.DELTA, TAG).map(java.util.regex.Pattern::quote)
                    .toList()) + ")\\.(\\d{1,18})\\.\\d+\\.tmp");

    /** Deletes the temporary files of builds that were killed while writing the cache: their process is gone. */
    private static void removeLeftovers(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                java.util.regex.Matcher m = LEFTOVER.matcher(p.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // tried again by the next build
        }
    }

    /**
     * What tells this guidegen's caches from another's: a digest of the code it runs (the name, size
     * and CRC of each entry of its jar, or its class folders' files with the class path), and the
     * Java version. Null when the code cannot be read:
     * then no cache is read or written.
     */
    static byte[] fingerprint() {
        return Fingerprint.VALUE;
    }

    private static final class Fingerprint {
        static final byte[] VALUE = compute();

        private static byte[] compute() {
            MessageDigest d = dev.guidegen.work.Sha256.digest();
            d.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
            try {
                Path code = Path.of(BuildCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(code)) {
                    d.update(System.getProperty("java.class.path", "").getBytes(StandardCharsets.UTF_8));
                    try (Stream<Path> walk = Files.walk(code)) {
                        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                            d.update(code.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                            d.update(Files.readAllBytes(p));
                        }
                    }
                } else {
                    // Each entry's name, size and CRC, from the jar's directory: its whole content, told
                    // apart without reading it.
                    try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(code.toFile())) {
                        jar.stream().forEach(e -> {
                            d.update(e.getName().getBytes(StandardCharsets.UTF_8));
                            d.update(java.nio.ByteBuffer.allocate(16).putLong(e.getSize()).putLong(e.getCrc()).array());
                        });
                    }
                }
            } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
                return null; // code that cannot be read cannot be told apart from other code: no cache
            }
            return (java.util.HexFormat.of().formatHex(d.digest()) + "\n").getBytes(StandardCharsets.US_ASCII);
        }
    }
}
