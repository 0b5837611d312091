package dev.guidegen.content;

import dev.guidegen.problem.Problem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the content stage made of each guide, group and page file in the last build, so that a
 * rebuild in the same process (the preview's) parses only the files that changed. An entry is used
 * only when the file's bytes and everything else its parse reads (the raw HTML rules and the images)
 * are exactly the same, so a rebuild with the memo gives what a build without it would. Entries of
 * files the last build did not read are dropped.
 */
public final class ParseMemo {

    /** A file's parse: what it made, if anything, and the problems it recorded, in order. */
    record Entry(byte[] bytes, String context, Optional<?> value, List<Problem> problems) {
    }

    private Map<String, Entry> last = Map.of();
    private final Map<String, Entry> now = new ConcurrentHashMap<>();
    private volatile int reused;

    /** Starts a build: what the previous build parsed becomes what this one may reuse. */
    synchronized void begin() {
        if (!now.isEmpty()) {
            last = Map.copyOf(now);
            now.clear();
        }
        reused = 0;
    }

    /** How many files the current build took from the memo rather than parsing them. */
    public int reused() {
        return reused;
    }

    /**
     * The entry for {@code path} with these bytes in this context: the last build's when it matches,
     * or else a new parse by {@code parse}, remembered for the next build.
     */
    Entry get(String kind, String path, byte[] bytes, String context, Supplier<Entry> parse) {
        String key = kind + '\0' + path;
        Entry old = last.get(key);
        Entry entry;
        if (old != null && old.context().equals(context) && Arrays.equals(old.bytes(), bytes)) {
            entry = old;
            synchronized (this) {
                reused++;
            }
        } else {
            entry = parse.get();
        }
        now.put(key, entry);
        return entry;
    }
}
