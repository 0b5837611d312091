package dev.guidegen.bench;

import dev.guidegen.pipeline.Build;
import dev.guidegen.pipeline.BuildResult;
import dev.guidegen.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reports build figures for the shipped site and for a large site made from it (every guide
 * copied under new slugs). Prints figures; it has no pass mark, so a slow machine fails nothing.
 *
 * <p>Run with {@code scripts/bench.sh [copies]}.
 */
public final class BuildBenchmark {

    private BuildBenchmark() {
    }

    public static void main(String[] args) {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        SourceTree shipped = SourceTree.read(Path.of("."));
        report("shipped site", shipped);
        report("shipped site x" + copies, enlarge(shipped, copies));
    }

    private static void report(String name, SourceTree tree) {
        int runs = 7;
        long[] ms = new long[runs];
        BuildResult result = null;
        Runtime rt = Runtime.getRuntime();
        long peak = 0;
        for (int i = 0; i < runs; i++) {
            System.gc();
            long start = System.nanoTime();
            result = Build.run(tree, false);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
            peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
        }
        if (result.failed()) {
            throw new IllegalStateException(name + " did not build: " + result.problems());
        }
        long[] warm = Arrays.copyOfRange(ms, 2, runs);
        Arrays.sort(warm);
        long median = warm[warm.length / 2];
        int pages = result.stats().pages();
        System.out.printf("%-24s %6d pages  first %5d ms  median of warm runs %5d ms  %7.0f pages/s  heap after build %4d MB%n",
                name, pages, ms[0], median, pages * 1000.0 / Math.max(1, median), peak / (1024 * 1024));
    }

    /** The shipped site with each guide copied {@code copies} times, its links kept inside the copy. */
    private static SourceTree enlarge(SourceTree tree, int copies) {
        Map<String, byte[]> files = new TreeMap<>(tree.files());
        String snapshot = new String(tree.bytes("content/data/salaries.json"), StandardCharsets.UTF_8);
        StringBuilder roles = new StringBuilder();
        for (Map.Entry<String, byte[]> e : tree.under("content/guides/").entrySet()) {
            String slug = e.getKey().substring("content/guides/".length(), e.getKey().length() - 3);
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            for (int i = 1; i <= copies; i++) {
                String copy = text.replace("salary: " + slug, "salary: " + slug)
                        .replace("title: ", "title: Copy " + i + " of ");
                files.put("content/guides/" + slug + "-copy-" + i + ".md", copy.getBytes(StandardCharsets.UTF_8));
            }
        }
        files.put("content/data/salaries.json", (snapshot + roles).getBytes(StandardCharsets.UTF_8));
        return SourceTree.of(files);
    }
}
