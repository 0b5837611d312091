package dev.guidegen.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which guides share the most skills with a guide, ties going to the lower slug. Guides are
 * numbered in slug order and each skill keeps the set of its guides as bits, 64 to a word. A guide's
 * counts are added up word by word, as binary numbers held one bit plane each: the count of the
 * guide numbered g is bit g of plane 0, plus twice bit g of plane 1, and so on. Guides with a count
 * are then read off from the highest count down, and in number order within it, so no sorting is
 * needed.
 */
final class SharedSkills {

    private final List<String> slugs;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[][] skillsOf;
    /** For each skill, its guides as bits. */
    private final long[][] guidesOf;
    private final int words;

    /** {@code skillSets} in slug order: each guide's skill slugs. */
    SharedSkills(java.util.SortedMap<String, Set<String>> skillSets) {
        slugs = new ArrayList<>(skillSets.keySet());
        for (int i = 0; i < slugs.size(); i++) {
            index.put(slugs.get(i), i);
        }
        words = (slugs.size() + 63) >>> 6;
        Map<String, Integer> skillIndex = new HashMap<>();
        List<long[]> guides = new ArrayList<>();
        skillsOf = new int[slugs.size()][];
        int g = 0;
        for (Set<String> set : skillSets.values()) {
            int[] mine = new int[set.size()];
            int k = 0;
            for (String skill : set) {
                int s = skillIndex.computeIfAbsent(skill, x -> {
                    guides.add(new long[words]);
                    return guides.size() - 1;
                });
                guides.get(s)[g >>> 6] |= 1L << g;
                mine[k++] = s;
            }
            skillsOf[g++] = mine;
        }
        guidesOf = guides.toArray(long[][]::new);
    }

    /** Up to {@code limit} slugs sharing the most skills with {@code slug}, none of them in {@code exclude}. */
    List<String> nearest(String slug, Set<String> exclude, int limit) {
        int me = index.get(slug);
        int[] mine = skillsOf[me];
        int planes = 32 - Integer.numberOfLeadingZeros(mine.length);
        long[][] count = new long[planes][words];
        for (int s : mine) {
            long[] guides = guidesOf[s];
            for (int w = 0; w < words; w++) {
                // Adds one to the count of each guide of this skill: a carry runs up the planes.
                long carry = guides[w];
                for (int p = 0; p < planes && carry != 0; p++) {
                    long next = count[p][w] & carry;
                    count[p][w] ^= carry;
                    carry = next;
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int want = mine.length; want > 0 && out.size() < limit; want--) {
            for (int w = 0; w < words && out.size() < limit; w++) {
                long having = -1L;
                for (int p = 0; p < planes; p++) {
                    having &= (want >>> p & 1) != 0 ? count[p][w] : ~count[p][w];
                }
                while (having != 0 && out.size() < limit) {
                    int other = (w << 6) + Long.numberOfTrailingZeros(having);
                    having &= having - 1;
                    if (other != me && !exclude.contains(slugs.get(other))) {
                        out.add(slugs.get(other));
                    }
                }
            }
        }
        return out;
    }
}
