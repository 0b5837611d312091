package dev.guidegen.site;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The roles sharing the most skills with each role, kept from one build to the next in the same
 * process while no guide's skills change: working them out again costs each role a pass over every
 * role that shares a skill with it, which at 10,000 guides is most of a rebuild.
 */
public final class SkillMemo {

    private SortedMap<String, Set<String>> skillSets;
    private SharedSkills shared;
    private final Map<String, List<String>> nearest = new ConcurrentHashMap<>();

    /** Starts a build whose guides have these skills: the last build's answers stay only if they are the same. */
    synchronized void begin(SortedMap<String, Set<String>> now) {
        if (!now.equals(skillSets)) {
            skillSets = now;
            shared = null;
            nearest.clear();
        }
    }

    /**
     * As {@link SharedSkills#nearest}, worked out once for each question while the skills stay the
     * same. Safe from any thread: the answers are worked out outside the lock, which guards only the
     * making of the table they are read from.
     */
    List<String> nearest(String slug, Set<String> exclude, int limit) {
        String key = slug + '\0' + String.join("\0", new java.util.TreeSet<>(exclude)) + '\0' + limit;
        List<String> answer = nearest.get(key);
        if (answer == null) {
            answer = List.copyOf(shared().nearest(slug, exclude, limit));
            nearest.putIfAbsent(key, answer);
        }
        return answer;
    }

    private synchronized SharedSkills shared() {
        if (shared == null) {
            shared = new SharedSkills(skillSets);
        }
        return shared;
    }
}
