package dev.guidegen.source;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bytes of each file as the last read found them, with the file's size, modification time and
 * identity then: a read in the same process takes a file's bytes from here instead of opening it
 * when all three are the same. An editor's save changes the time, and a save by renaming a new file
 * over the old one changes the identity too. A file whose time was within two seconds of when it
 * was read is read again all the same, since some file systems keep times to the second and a save
 * of the same size in that second would otherwise go unseen.
 */
public final class ReadMemo {

    private record Entry(long size, long modifiedNanos, Object fileKey, long readAtMillis, byte[] bytes) {
    }

    /**
     * How long before it was read a file's time must be for the memo to vouch for it: a file changed
     * more recently may change again within the same tick of its clock, leaving its stat as it was.
     * A quick rebuild trusts a source's stat by the same rule.
     */
    public static final long SETTLED_MILLIS = 2_000;

    private Map<String, Entry> last = Map.of();
    private Map<String, Entry> now = new ConcurrentHashMap<>();

    synchronized void begin() {
        last = now;
        now = new ConcurrentHashMap<>();
    }

    /** The bytes read last time if the file looks the same now, else null. */
    byte[] get(String path, BasicFileAttributes attrs) {
        Entry e = last.get(path);
        if (e != null && e.size() == attrs.size() && e.modifiedNanos() == nanos(attrs)
                && Objects.equals(e.fileKey(), attrs.fileKey())
                && e.modifiedNanos() / 1_000_000 < e.readAtMillis() - SETTLED_MILLIS) {
            now.put(path, e);
            return e.bytes();
        }
        return null;
    }

    void put(String path, BasicFileAttributes attrs, byte[] bytes) {
        now.put(path, new Entry(attrs.size(), nanos(attrs), attrs.fileKey(), System.currentTimeMillis(), bytes));
    }

    private static long nanos(BasicFileAttributes attrs) {
        return attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
