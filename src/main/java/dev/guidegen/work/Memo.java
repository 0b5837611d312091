package dev.guidegen.work;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What one build made from each file, kept for the next build in the same process. A value is
 * reused only when the file's bytes and its context (whatever else went into making it) are exactly
 * the same, so a build with a memo makes what a build without one would. Values the last build did
 * not ask for are dropped, unless the build began by keeping them ({@link #beginKeeping}).
 */
public final class Memo<V> {

    private record Entry<V>(byte[] bytes, String context, V value) {
    }

    private volatile Map<String, Entry<V>> last = Map.of();
    private volatile Map<String, Entry<V>> now = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder reused = new java.util.concurrent.atomic.LongAdder();

    /** Starts a build: what the previous build made becomes what this one may reuse. */
    public synchronized void begin() {
        if (!now.isEmpty()) {
            last = now;
            // Sized for what the last build made, so that the table need not grow entry by entry.
            now = new ConcurrentHashMap<>(last.size());
        }
        reused.reset();
    }

    /**
     * Starts a build that keeps every value of the last build that it does not make again: for a
     * build that knows every file it does not ask about is as the last build had it, so that it
     * need not ask about each. The values it does make replace the last build's.
     */
    public synchronized void beginKeeping() {
        last = now;
        reused.reset();
    }

    /** How many values the current build took from the memo rather than making them. */
    public int reused() {
        return reused.intValue();
    }

    /** How many values the current build made or reused, with those it kept from the last when it began keeping them. */
    public int size() {
        return now.size();
    }

    /** What one file made: its key, its bytes, its context and the value. */
    public interface Visitor<V> {
        void visit(String key, byte[] bytes, String context, V value);
    }

    /** Every value the current build made or reused. */
    public void forEach(Visitor<V> visitor) {
        now.forEach((key, e) -> visitor.visit(key, e.bytes(), e.context(), e.value()));
    }

    /** The last build's value for {@code key} if made from the same bytes in the same context, else {@code make}'s. */
    public V get(String key, byte[] bytes, String context, Supplier<V> make) {
        Entry<V> old = last.get(key);
        Entry<V> entry;
        if (old != null && old.context().equals(context) && Arrays.equals(old.bytes(), bytes)) {
            entry = old;
            reused.increment();
        } else {
            entry = new Entry<>(bytes, context, make.get());
        }
        now.put(key, entry);
        return entry.value();
    }
}
