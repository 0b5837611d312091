package dev.guidegen.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guidegen.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages of the last build, each with a digest of everything that made it: the page's URL, its
 * template name, every template file, and its values written out as JSON (views are records of
 * text, numbers and lists, so equal JSON means equal values). A page whose digest is unchanged is
 * not rendered again. Values that cannot be written as JSON are never matched, so they always render.
 * It also keeps the templates parsed from the last template files ({@link #parsed()}), and the
 * files other than pages the last build made ({@link #others()}), which a settled build hands on.
 */
public final class RenderMemo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Entry(byte[] digest, OutputFile file) {
    }

    private volatile Map<String, Entry> last = Map.of();
    private volatile Map<String, Entry> now = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder reused = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder unchanged = new java.util.concurrent.atomic.LongAdder();
    private byte[] templates = new byte[0];
    /**
     * Each template as parsed from the template files whose digest is {@link #templates}, by name:
     * a build with the same files takes it as it is rather than parsing it again. Only templates
     * that parsed are kept, so a syntax error is found, and reported, by every build.
     */
    private final Map<String, freemarker.template.Template> parsed = new ConcurrentHashMap<>();
    /** The last build's files that are not pages; null before one, and while a build that does not keep them is under way. */
    private java.util.List<OutputFile> others;

    /**
     * Starts a build with these templates: what the previous build rendered becomes what this one
     * may reuse. A build that {@code keeps} the last build's pages takes every page it does not make
     * again as it was ({@link #keepRest}) instead of asking for each.
     */
    synchronized void begin(SourceTree tree, boolean keeps) {
        if (keeps) {
            last = now; // the pages made again replace their entries; the rest stay
        } else {
            others = null;
            if (!now.isEmpty()) {
                last = now;
                now = new ConcurrentHashMap<>();
            }
        }
        reused.reset();
        unchanged.reset();
        MessageDigest d = dev.guidegen.work.Sha256.digest();
        tree.under(SourceTree.TEMPLATES).forEach((path, bytes) -> {
            d.update(path.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(bytes);
        });
        byte[] now = d.digest();
        if (!Arrays.equals(now, templates)) {
            parsed.clear();
        }
        templates = now;
    }

    /** The templates parsed from this build's template files, for {@link Templates} to take and add to. */
    Map<String, freemarker.template.Template> parsed() {
        return parsed;
    }

    /** How many pages the current build took from the memo rather than rendering them. */
    public int reused() {
        return reused.intValue();
    }

    /** The digest of a page's inputs, or empty when its values cannot be written out. */
    Optional<byte[]> digest(String url, String template, Map<String, Object> model) {
        byte[] values;
        try {
            values = JSON.writeValueAsBytes(model);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        MessageDigest d = dev.guidegen.work.Sha256.digest();
        d.update(templates);
        d.update((url + '\0' + template + '\0').getBytes(StandardCharsets.UTF_8));
        d.update(values);
        return Optional.of(d.digest());
    }

    /** The last build's file for this URL if it was made from the same digest. */
    Optional<OutputFile> reuse(String url, byte[] digest) {
        Entry old = last.get(url);
        if (old != null && Arrays.equals(old.digest(), digest)) {
            reused.increment();
            now.put(url, old);
            return Optional.of(old.file());
        }
        return Optional.empty();
    }

    /**
     * The last build's file for this URL, taken without comparing digests: for a page the caller
     * knows no change can reach. Empty when the last build made no such page.
     */
    Optional<OutputFile> reuseUnchanged(String url) {
        Entry old = last.get(url);
        if (old == null) {
            return Optional.empty();
        }
        reused.increment();
        unchanged.increment();
        now.put(url, old);
        return Optional.of(old.file());
    }

    /** How many of the reused pages were taken without working out their values. */
    public int takenUnchanged() {
        return unchanged.intValue();
    }

    /**
     * Hands over every page of the last build whose URL {@code made} does not hold, as it was, for a
     * build begun as one that keeps them: one pass over the pages, with nothing to look up.
     */
    void keepRest(java.util.Set<String> made, java.util.function.Consumer<OutputFile> sink) {
        int kept = 0;
        for (Map.Entry<String, Entry> e : now.entrySet()) {
            if (!made.contains(e.getKey())) {
                kept++;
                sink.accept(e.getValue().file());
            }
        }
        reused.add(kept);
        unchanged.add(kept);
    }

    /**
     * Whether a build that rendered with this memo went through every page and file, which a
     * settled build takes as they were: false before one, and while a build that does not keep the
     * last one's pages is under way. It does not say that build succeeded: only a caller that knows
     * the last build succeeded (and rendered through this memo) may take its pages as they were.
     */
    public synchronized boolean settles() {
        return others != null;
    }

    /** The files other than pages that the last build made, or null when none is known. */
    synchronized java.util.List<OutputFile> others() {
        return others;
    }

    synchronized void others(java.util.List<OutputFile> made) {
        others = java.util.List.copyOf(made);
    }

    void remember(String url, byte[] digest, OutputFile file) {
        now.put(url, new Entry(digest, file));
    }
}
