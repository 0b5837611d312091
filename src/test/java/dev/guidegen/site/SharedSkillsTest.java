package dev.guidegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The guides sharing most skills with a guide: the most shared first, ties in slug order. */
class SharedSkillsTest {

    /** Every other guide, counted one by one and sorted. */
    private static List<String> byHand(SortedMap<String, Set<String>> skillSets, String slug, Set<String> exclude, int limit) {
        List<String> others = new ArrayList<>();
        for (String other : skillSets.keySet()) {
            if (!other.equals(slug) && !exclude.contains(other) && shared(skillSets, slug, other) > 0) {
                others.add(other);
            }
        }
        others.sort(Comparator.comparing((String o) -> -shared(skillSets, slug, o)).thenComparing(o -> o));
        return others.subList(0, Math.min(limit, others.size()));
    }

    private static int shared(SortedMap<String, Set<String>> skillSets, String a, String b) {
        Set<String> both = new TreeSet<>(skillSets.get(a));
        both.retainAll(skillSets.get(b));
        return both.size();
    }

    @Test
    void eachGuidesNearestAreThoseCountingOneByOneFinds() {
        SplittableRandom random = new SplittableRandom(11);
        for (int site = 0; site < 60; site++) {
            int guides = 1 + random.nextInt(site < 50 ? 70 : 300);
            int skills = 1 + random.nextInt(12);
            SortedMap<String, Set<String>> skillSets = new TreeMap<>();
            for (int g = 0; g < guides; g++) {
                Set<String> set = new TreeSet<>();
                int k = random.nextInt(Math.min(skills, 9) + 1);
                while (set.size() < k) {
                    set.add("skill-" + random.nextInt(skills));
                }
                skillSets.put(String.format("guide-%03d", g), set);
            }
            SharedSkills shared = new SharedSkills(skillSets);
            List<String> slugs = new ArrayList<>(skillSets.keySet());
            for (String slug : slugs) {
                Set<String> exclude = new TreeSet<>();
                for (int e = random.nextInt(3); e > 0; e--) {
                    exclude.add(slugs.get(random.nextInt(slugs.size())));
                }
                int limit = 1 + random.nextInt(6);
                assertThat(shared.nearest(slug, exclude, limit)).as("%s in a site of %d guides", slug, guides)
                        .isEqualTo(byHand(skillSets, slug, exclude, limit));
            }
        }
    }
}
