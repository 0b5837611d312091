package dev.guidegen.cache;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import dev.guidegen.pipeline.BuildResult;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * What the last successful build left for a quick rebuild ({@link QuickBuild}), in the build cache
 * beside the parses: the stat and digest of every source it read, the stat of every file and folder
 * of the output it made, and for each guide its shape's digest and where its frame is in
 * {@code frames.bin}. A full build writes {@code last-build.bin}; each quick rebuild after it writes
 * only what it changed, to {@code last-build.delta}, which names the journal it adds to. Each file
 * ends with a CRC-32C, and each frame's CRC-32C is kept in the journal: a file or frame that fails
 * its check, or one from another guidegen, is not used, and the build goes the full way.
 */
final class Journal {

    static final String FILE = "last-build.bin";
    static final String DELTA = "last-build.delta";
    static final String FRAMES = "frames.bin";
    static final byte[] MAGIC = "guidegen last build 3\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] DELTA_MAGIC = "guidegen last build delta 2\n".getBytes(StandardCharsets.US_ASCII);
    /** No journal of a real site comes near this; a larger file is not read. */
    private static final long MAX_BYTES = 256L << 20;

    /** A source's stat, and the fingerprint ({@link dev.guidegen.work.Digest}) of its bytes as the build read them. */
    record Source(FileStat stat, byte[] digest) {
    }

    /** A guide's shape digest, and where its frame is in {@code frames.bin}. */
    record Guide(byte[] shape, long offset, int length, int crc) {
    }

    /**
     * The stat of each file and folder of the output, by path relative to the output, sorted, a
     * folder's with a '/' at its end ("" for the output itself); {@code base} as the full build's
     * journal has them, before any delta.
     */
    record Outputs(String[] paths, FileStat[] stats, FileStat[] base) {
    }

    /**
     * The last build: with drafts or not, its site root and output (real paths), the time from which
     * a file's modification time says it may have changed while the build read it ({@code racyFrom},
     * in nanoseconds), its counts of pages, the site's values ({@link RecordCodec}), the stat of
     * frames.bin, and what {@link Journal} holds. The outputs are read from the file only when first
     * asked for, which a quick rebuild does on its second core. {@code crc} names the journal, for
     * its deltas, and {@code baseSources} are its sources before any delta.
     */
    record Data(boolean drafts, String root, String output, long racyFrom, BuildResult.Stats stats, byte[] siteInfo,
            FileStat frames, Map<String, Source> sources, Map<String, Guide> guides, java.util.function.Supplier<Outputs> outputs,
            long crc, Map<String, Source> baseSources) {

        /** A full build's journal. */
        Data(boolean drafts, String root, String output, long racyFrom, BuildResult.Stats stats, byte[] siteInfo, FileStat frames,
                Map<String, Source> sources, Map<String, Guide> guides, String[] outputPaths, FileStat[] outputStats) {
            this(drafts, root, output, racyFrom, stats, siteInfo, frames, sources, guides,
                    () -> new Outputs(outputPaths, outputStats, outputStats), 0, sources);
        }
    }

    private Journal() {
    }

    /**
     * The journal in {@code dir} with its delta, or null when there is none this guidegen can trust.
     * Its fingerprint is worked out only when the jar is not the very file that wrote the journal.
     */
    static Data read(Path dir) {
        try {
            byte[] all = whole(dir.resolve(FILE), MAGIC);
            if (all == null) {
                return null;
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, all.length - 8 - MAGIC.length));
            FileStat jar = in.readBoolean() ? stat(in) : null;
            String runtime = in.readUTF();
            byte[] written = in.readNBytes(RecordCodec.count(in));
            if (jar == null || !jar.same(jarStat()) || !runtime.equals(runtime())) {
                byte[] fingerprint = BuildCache.fingerprint();
                if (fingerprint == null || !Arrays.equals(written, fingerprint)) {
                    return null;
                }
            }
            long crc = crcOf(all);
            boolean drafts = in.readBoolean();
            String root = in.readUTF();
            String output = in.readUTF();
            long racyFrom = in.readLong();
            BuildResult.Stats stats = new BuildResult.Stats(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                    in.readInt());
            byte[] siteInfo = in.readNBytes(RecordCodec.count(in));
            FileStat frames = stat(in);
            int n = RecordCodec.count(in);
            Map<String, Source> sources = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                sources.put(in.readUTF(), new Source(stat(in), in.readNBytes(dev.guidegen.work.Digest.LENGTH)));
            }
            n = RecordCodec.count(in);
            Map<String, Guide> guides = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                guides.put(in.readUTF(), new Guide(in.readNBytes(dev.guidegen.work.Digest.LENGTH), in.readLong(), in.readInt(), in.readInt()));
            }
            int outputsAt = all.length - 8 - in.available();
            java.util.function.Supplier<Outputs> outputs = memoised(() -> {
                try {
                    DataInputStream rest = new DataInputStream(new ByteArrayInputStream(all, outputsAt, all.length - 8 - outputsAt));
                    int count = RecordCodec.count(rest);
                    String[] paths = new String[count];
                    FileStat[] seen = new FileStat[count];
                    for (int i = 0; i < count; i++) {
                        paths[i] = rest.readUTF();
                        seen[i] = stat(rest);
                    }
                    return new Outputs(paths, seen, seen);
                } catch (IOException e) {
                    return null;
                }
            });
            Data d = new Data(drafts, root, output, racyFrom, stats, siteInfo, frames, sources, guides, outputs, crc, sources);
            return withDelta(dir, d);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The journal as its delta leaves it: unchanged without one, null with one that is not whole or not its own. */
    private static Data withDelta(Path dir, Data d) throws IOException {
        Path file = dir.resolve(DELTA);
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return d;
        }
        byte[] all = whole(file, DELTA_MAGIC);
        if (all == null) {
            return null;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, DELTA_MAGIC.length,
                all.length - 8 - DELTA_MAGIC.length));
        if (in.readLong() != d.crc()) {
            return null;
        }
        long racyFrom = in.readLong();
        Map<String, Source> sources = new HashMap<>(d.sources());
        for (int i = RecordCodec.count(in); i > 0; i--) {
            String path = in.readUTF();
            Source s = new Source(stat(in), in.readNBytes(dev.guidegen.work.Digest.LENGTH));
            if (!sources.containsKey(path)) {
                return null;
            }
            sources.put(path, s);
        }
        Map<String, FileStat> changed = new HashMap<>();
        for (int i = RecordCodec.count(in); i > 0; i--) {
            changed.put(in.readUTF(), stat(in));
        }
        java.util.function.Supplier<Outputs> base = d.outputs();
        java.util.function.Supplier<Outputs> outputs = memoised(() -> {
            Outputs o = base.get();
            if (o == null) {
                return null;
            }
            FileStat[] stats = o.stats().clone();
            for (Map.Entry<String, FileStat> e : changed.entrySet()) {
                int at = Arrays.binarySearch(o.paths(), e.getKey());
                if (at < 0) {
                    return null;
                }
                stats[at] = e.getValue();
            }
            return new Outputs(o.paths(), stats, o.base());
        });
        return new Data(d.drafts(), d.root(), d.output(), racyFrom, d.stats(), d.siteInfo(), d.frames(), sources, d.guides(),
                outputs, d.crc(), d.baseSources());
    }

    /** {@code make}'s value, made once, by whichever thread first asks. */
    private static <T> java.util.function.Supplier<T> memoised(java.util.function.Supplier<T> make) {
        return new java.util.function.Supplier<>() {
            private T value;
            private boolean made;

            @Override
            public synchronized T get() {
                if (!made) {
                    value = make.get();
                    made = true;
                }
                return value;
            }
        };
    }

    /** The bytes of a file that starts with {@code magic} and ends with the CRC-32C of the rest; else null. */
    private static byte[] whole(Path file, byte[] magic) throws IOException {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
            return null;
        }
        byte[] all = Files.readAllBytes(file);
        if (all.length < magic.length + 8 || !Arrays.equals(all, 0, magic.length, magic, 0, magic.length)) {
            return null;
        }
        CRC32C sum = new CRC32C();
        sum.update(all, 0, all.length - 8);
        long kept = new DataInputStream(new ByteArrayInputStream(all, all.length - 8, 8)).readLong();
        return kept == sum.getValue() ? all : null;
    }

    private static long crcOf(byte[] all) throws IOException {
        return new DataInputStream(new ByteArrayInputStream(all, all.length - 8, 8)).readLong();
    }

    /** The frame of one guide from {@code frames.bin}, or null when it is not as the journal says. */
    static byte[] frame(Path dir, Guide g) {
        try (FileChannel ch = FileChannel.open(dir.resolve(FRAMES), StandardOpenOption.READ)) {
            if (g.offset() < 0 || g.length() < 0 || g.offset() + g.length() > ch.size()) {
                return null;
            }
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(g.length());
            while (buf.hasRemaining()) {
                if (ch.read(buf, g.offset() + buf.position()) < 0) {
                    return null;
                }
            }
            CRC32C sum = new CRC32C();
            sum.update(buf.array());
            return (int) sum.getValue() == g.crc() ? buf.array() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes {@code frames} (each guide's, by its path) to {@code frames.bin}, and gives where each one is. */
    static Map<String, Guide> writeFrames(Path dir, SortedMap<String, byte[]> shapes, SortedMap<String, byte[]> frames)
            throws IOException {
        Map<String, Guide> guides = new TreeMap<>();
        CacheFiles.write(dir, FRAMES, file -> {
            OutputStream out = new BufferedOutputStream(file, 1 << 16);
            long offset = 0;
            for (var e : frames.entrySet()) {
                byte[] f = e.getValue();
                CRC32C sum = new CRC32C();
                sum.update(f);
                guides.put(e.getKey(), new Guide(shapes.get(e.getKey()), offset, f.length, (int) sum.getValue()));
                out.write(f);
                offset += f.length;
            }
            out.flush();
        });
        return guides;
    }

    /** Writes the journal of a full build, replacing the last one and its delta. */
    static void write(Path dir, Data d) throws IOException {
        byte[] fingerprint = BuildCache.fingerprint();
        if (fingerprint == null) {
            return;
        }
        CacheFiles.writeChecked(dir, FILE, MAGIC, out -> {
            FileStat jar = jarStat();
            out.writeBoolean(jar != null);
            if (jar != null) {
                stat(out, jar);
            }
            out.writeUTF(runtime());
            out.writeInt(fingerprint.length);
            out.write(fingerprint);
            out.writeBoolean(d.drafts());
            out.writeUTF(d.root());
            out.writeUTF(d.output());
            out.writeLong(d.racyFrom());
            BuildResult.Stats n = d.stats();
            for (int count : new int[] {n.pages(), n.guides(), n.faqPages(), n.skillPages(), n.plainPages(), n.comparisonPages()}) {
                out.writeInt(count);
            }
            out.writeInt(d.siteInfo().length);
            out.write(d.siteInfo());
            stat(out, d.frames());
            out.writeInt(d.sources().size());
            for (var e : new TreeMap<>(d.sources()).entrySet()) {
                out.writeUTF(e.getKey());
                stat(out, e.getValue().stat());
                out.write(e.getValue().digest());
            }
            out.writeInt(d.guides().size());
            for (var e : new TreeMap<>(d.guides()).entrySet()) {
                out.writeUTF(e.getKey());
                out.write(e.getValue().shape());
                out.writeLong(e.getValue().offset());
                out.writeInt(e.getValue().length());
                out.writeInt(e.getValue().crc());
            }
            Outputs o = d.outputs().get();
            out.writeInt(o.paths().length);
            for (int i = 0; i < o.paths().length; i++) {
                out.writeUTF(o.paths()[i]);
                stat(out, o.stats()[i]);
            }
        });
    }

    /**
     * Writes what quick rebuilds changed since the full build's journal, as the delta that adds up
     * the journal {@code base} ({@link #read}, its earlier deltas included) and {@code sources} and
     * {@code outputs} as they are now.
     */
    static void writeDelta(Path dir, Data base, long racyFrom, Map<String, Source> sources, FileStat[] outputs)
            throws IOException {
        Outputs o = base.outputs().get();
        CacheFiles.writeChecked(dir, DELTA, DELTA_MAGIC, out -> {
            out.writeLong(base.crc());
            out.writeLong(racyFrom);
            SortedMap<String, Source> changed = new TreeMap<>();
            sources.forEach((path, s) -> {
                if (s != base.baseSources().get(path)) {
                    changed.put(path, s);
                }
            });
            out.writeInt(changed.size());
            for (var e : changed.entrySet()) {
                out.writeUTF(e.getKey());
                stat(out, e.getValue().stat());
                out.write(e.getValue().digest());
            }
            List<Integer> differ = new java.util.ArrayList<>();
            for (int i = 0; i < o.paths().length; i++) {
                if (outputs[i] != o.base()[i]) {
                    differ.add(i);
                }
            }
            out.writeInt(differ.size());
            for (int i : differ) {
                out.writeUTF(o.paths()[i]);
                stat(out, outputs[i]);
            }
        });
    }

    /** The Java this runs on, which the fingerprint holds too. */
    private static String runtime() {
        return Runtime.version() + " " + System.getProperty("java.home");
    }

    /** The stat of the jar this code runs from, or null when it does not run from one. */
    private static FileStat jarStat() {
        return Jar.STAT;
    }

    /**
     * The jar's stat, change time included, taken once, when the process first reads or writes a
     * journal: a jar replaced while a build runs is then not recorded beside the fingerprint of the
     * code that ran, so the next build, with the new jar, works the fingerprint out again.
     */
    private static final class Jar {
        static final FileStat STAT = take();

        private static FileStat take() {
            try {
                Path code = Path.of(Journal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                FileStat s = FileStat.ofSource(code);
                return s.kind() == FileStat.Kind.FILE ? s : null;
            } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * The lock on {@code .lock} in the cache, waited for or, without {@code wait}, null when another
     * process holds it.
     */
    static java.nio.channels.FileLock lock(Path dir, boolean wait) throws IOException {
        FileChannel ch = FileChannel.open(dir.resolve(BuildCache.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            java.nio.channels.FileLock lock = wait ? ch.lock() : ch.tryLock();
            if (lock == null) {
                ch.close();
            }
            return lock;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Removes the journal and its delta, so that no build takes the output for the one they describe. */
    static void forget(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(DELTA));
        Files.deleteIfExists(dir.resolve(FILE));
    }

    private static void stat(DataOutputStream out, FileStat s) throws IOException {
        out.writeByte(s.kind().ordinal());
        out.writeLong(s.size());
        out.writeLong(s.modified());
        out.writeLong(s.inode());
        out.writeLong(s.device());
        out.writeLong(s.changed());
    }

    private static FileStat stat(DataInputStream in) throws IOException {
        return new FileStat(FileStat.Kind.values()[in.readByte()], in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong());
    }
}
