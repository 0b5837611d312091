package dev.guidegen.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which guides share the most skills with a guide, ties going to the lower slug. Guides are
 * numbered in slug order and each skill keeps the numbers of its guides, so a guide is compared
 * only with the guides that share a skill with it, with counts in one reused array and no sorting
 * beyond the few candidates that can make the list.
 */
final class SharedSkills {

    private final List<String> slugs;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[][] skillsOf;
    private final int[][] guidesOf;
    private final int[] counts;

    /** {@code skillSets} in slug order: each guide's skill slugs. */
    SharedSkills(java.util.SortedMap<String, Set<String>> skillSets) {
        slugs = new ArrayList<>(skillSets.keySet());
        for (int i = 0; i < slugs.size(); i++) {
            index.put(slugs.get(i), i);
        }
        Map<String, Integer> skillIndex = new HashMap<>();
        List<List<Integer>> guides = new ArrayList<>();
        skillsOf = new int[slugs.size()][];
        int g = 0;
        for (Set<String> set : skillSets.values()) {
            int[] mine = new int[set.size()];
            int k = 0;
            for (String skill : set) {
                int s = skillIndex.computeIfAbsent(skill, x -> {
                    guides.add(new ArrayList<>());
                    return guides.size() - 1;
                });
                guides.get(s).add(g);
                mine[k++] = s;
            }
            skillsOf[g++] = mine;
        }
        guidesOf = guides.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        counts = new int[slugs.size()];
    }

    /** Up to {@code limit} slugs sharing the most skills with {@code slug}, none of them in {@code exclude}. */
    List<String> nearest(String slug, Set<String> exclude, int limit) {
        int me = index.get(slug);
        int[] touched = new int[16];
        int touchedCount = 0;
        int max = 0;
        for (int s : skillsOf[me]) {
            for (int other : guidesOf[s]) {
                if (counts[other]++ == 0) {
                    if (touchedCount == touched.length) {
                        touched = Arrays.copyOf(touched, touchedCount * 2);
                    }
                    touched[touchedCount++] = other;
                }
                max = Math.max(max, counts[other]);
            }
        }
        // Buckets by count, highest first; within a bucket, slug order is number order.
        List<String> out = new ArrayList<>();
        for (int want = max; want > 0 && out.size() < limit; want--) {
            int[] bucket = new int[touchedCount];
            int size = 0;
            for (int i = 0; i < touchedCount; i++) {
                int other = touched[i];
                if (counts[other] == want && other != me && !exclude.contains(slugs.get(other))) {
                    bucket[size++] = other;
                }
            }
            Arrays.sort(bucket, 0, size);
            for (int i = 0; i < size && out.size() < limit; i++) {
                out.add(slugs.get(bucket[i]));
            }
        }
        for (int i = 0; i < touchedCount; i++) {
            counts[touched[i]] = 0;
        }
        return out;
    }
}
