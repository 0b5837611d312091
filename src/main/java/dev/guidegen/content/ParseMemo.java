package dev.guidegen.content;

import dev.guidegen.problem.Problem;
import dev.guidegen.work.Memo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the content stage made of each guide, group and page file in the last build, so that a
 * rebuild in the same process (the preview's) parses only the files that changed. A file's parse is
 * reused only when its bytes and everything else its parse reads (the raw HTML rules and the images)
 * are exactly the same, with the problems it recorded.
 *
 * <p>It may also start from the parses a build kept on disk ({@link #from}), each stored with
 * fingerprints ({@link dev.guidegen.work.Digest}) of its file's bytes and of its context and reused only when both match.
 */
public final class ParseMemo {

    /** A file's parse: what it made, if anything, and the problems it recorded. */
    record Entry(Optional<?> value, List<Problem> problems) {
    }

    /**
     * A file's parse as a cache on disk keeps it ({@link ParseCodec}), with the digests of its file's
     * bytes and of its context; the value is a {@link Guide}, {@link Group} or {@link Page}, or null.
     */
    public record Stored(byte[] bytes, byte[] context, Object value, List<Problem> problems) {
        public Stored {
            problems = List.copyOf(problems);
        }
    }

    final Memo<Entry> files = new Memo<>();
    /** The parses it started from; let go once a build has read its files, since only the first build may use them. */
    private volatile Map<String, java.util.function.Supplier<Stored>> stored;
    private final LongAdder fromStore = new LongAdder();
    /**
     * The digest of each file's bytes worked out this build: on the build's threads for a file that
     * has a stored parse to compare with, else when {@link #export} or {@link #digestsByPath} first needs it.
     */
    private final Map<String, byte[]> digests = new java.util.concurrent.ConcurrentHashMap<>();
    /** The last context digested, and its digest: every file of a build has the same context. */
    private volatile Object[] lastContext = {null, null};
    /** Whether its parses go to a cache on disk, which needs each file's digest; the preview's never do. */
    private final boolean forDisk;

    /** A memo for builds in one process, as the preview's. */
    public ParseMemo() {
        this(Map.of(), false);
    }

    private ParseMemo(Map<String, java.util.function.Supplier<Stored>> stored, boolean forDisk) {
        this.stored = stored;
        this.forDisk = forDisk;
    }

    /**
     * A memo whose first build may take each file's parse from {@code stored}, which gives what
     * {@link #export} gave, read back when asked for, or null when it cannot be read back.
     */
    public static ParseMemo from(Map<String, java.util.function.Supplier<Stored>> stored) {
        return new ParseMemo(Map.copyOf(stored), true);
    }

    /** How many files the current build took from the memo rather than parsing them. */
    public int reused() {
        return files.reused();
    }

    /** How many files the current build took from the parses it started from on disk. */
    public int fromStore() {
        return fromStore.intValue();
    }

    /** How many files the current build parsed or reused. */
    public int files() {
        return files.size();
    }

    /** Every parse the last build made or reused, for a cache on disk, sorted by key. */
    public Map<String, Stored> export() {
        Map<String, Stored> out = new TreeMap<>();
        files.forEach((key, bytes, context, entry) -> out.put(key, new Stored(digests.computeIfAbsent(key, k -> digest(bytes)),
                contextDigest(context),
                entry.value().orElse(null), entry.problems())));
        return out;
    }

    /** The fingerprint of the bytes of each file the last build parsed or reused, by the file's path. */
    public Map<String, byte[]> digestsByPath() {
        Map<String, byte[]> out = new java.util.HashMap<>();
        files.forEach((key, bytes, context, entry) -> out.put(key.substring(key.indexOf('\0') + 1),
                digests.computeIfAbsent(key, k -> digest(bytes))));
        return out;
    }

    /** The stored parse of the file {@code key} if it was made from these bytes in this context, else null. */
    Entry stored(String key, byte[] bytes, String context) {
        if (!forDisk) {
            return null;
        }
        java.util.function.Supplier<Stored> kept = stored.get(key);
        if (kept == null) {
            // Nothing to compare with: the digest is worked out when the cache is kept, off the build's threads.
            return null;
        }
        byte[] digest = digest(bytes);
        digests.put(key, digest);
        Stored s = kept.get();
        if (s == null || !Arrays.equals(s.context(), contextDigest(context)) || !Arrays.equals(s.bytes(), digest)) {
            return null;
        }
        fromStore.increment();
        return new Entry(Optional.ofNullable(s.value()), s.problems());
    }

    /** Every file of the current build is read: the parses it started from (and the cache's bytes) may go. */
    void read() {
        stored = Map.of();
    }

    void begin() {
        files.begin();
        digests.clear();
        fromStore.reset();
    }

    private byte[] contextDigest(String context) {
        Object[] last = lastContext;
        if (last[0] == context) {
            return (byte[]) last[1];
        }
        byte[] d = digest(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        lastContext = new Object[] {context, d};
        return d;
    }

    private static byte[] digest(byte[] bytes) {
        return dev.guidegen.work.Digest.of(bytes);
    }
}
