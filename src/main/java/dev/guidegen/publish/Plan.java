package dev.guidegen.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a publish does, worked out before it does anything: which files to upload and which objects
 * to delete, in the order that never shows a reader a broken page. New and changed assets go first
 * (stylesheets, scripts, images, the search index), then pages, then the files that point at pages
 * (sitemaps, the feed, robots.txt, the host files), and deletions last of all.
 */
record Plan(List<Change> changes, int unchanged) {

    enum Stage {
        ASSETS, PAGES, INDEXES, DELETIONS
    }

    /** One upload ({@code reason} "new" or "changed") or one deletion ({@code reason} "gone"), of a path in the site. */
    record Change(Stage stage, String path, String reason) {
        boolean upload() {
            return stage != Stage.DELETIONS;
        }
    }

    /**
     * The plan for a site whose files have these MD5s, at a store whose objects have these (null when
     * the store cannot say), both by path within the site.
     */
    static Plan of(SortedMap<String, String> local, Map<String, String> remote) {
        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<String, String> file : local.entrySet()) {
            String there = remote.get(file.getKey());
            if (there == null && !remote.containsKey(file.getKey())) {
                changes.add(new Change(stageOf(file.getKey()), file.getKey(), "new"));
            } else if (!file.getValue().equals(there)) {
                changes.add(new Change(stageOf(file.getKey()), file.getKey(), "changed"));
            } else {
                unchanged++;
            }
        }
        for (String path : new TreeMap<>(remote).keySet()) {
            if (!local.containsKey(path)) {
                changes.add(new Change(Stage.DELETIONS, path, "gone"));
            }
        }
        changes.sort(Comparator.comparing(Change::stage).thenComparing(Change::path));
        return new Plan(List.copyOf(changes), unchanged);
    }

    static Stage stageOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (path.endsWith(".html")) {
            return Stage.PAGES;
        }
        if (!path.contains("/") && (name.startsWith("sitemap") || name.equals("feed.xml") || name.equals("robots.txt")
                || name.startsWith("_")) || path.startsWith("sitemaps/")) {
            return Stage.INDEXES;
        }
        return Stage.ASSETS;
    }

    long uploads() {
        return changes.stream().filter(Change::upload).count();
    }

    long deletions() {
        return changes.size() - uploads();
    }
}
