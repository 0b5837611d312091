package dev.guidegen.site;

import dev.guidegen.content.Guide;
import dev.guidegen.problem.Problem;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The last build's site and the problems its site stage recorded, kept for a rebuild in the same
 * process after an edit that the site stage cannot see: guides' body text, with the same links and
 * images to the same places and the same heading and element ids. Such a guide's role takes its new
 * parse and keeps everything else, and the stage's checks, which read nothing else of a body, have
 * the same outcome.
 */
public final class SiteMemo {

    private Site site;
    private List<Problem> problems = List.of();
    private boolean taken;

    /** Remembers the site a build made, with the problems its site stage recorded. */
    public synchronized void remember(Site made, List<Problem> recorded) {
        site = made;
        problems = List.copyOf(recorded);
        taken = false;
    }

    /** Whether the last build took its site from here rather than working it out. */
    public synchronized boolean taken() {
        return taken;
    }

    /** Forgets the last site, so that the next build works it out. */
    public synchronized void forget() {
        site = null;
        problems = List.of();
    }

    /** The problems the last site stage recorded. */
    public synchronized List<Problem> problems() {
        return problems;
    }

    /**
     * The last site with each of {@code changed} (guides it holds, by slug) in its role, which
     * becomes the site the next build may take; or null when there is no last site or it has no
     * role for one of them.
     */
    public synchronized Site with(Collection<Guide> changed) {
        if (site == null) {
            return null;
        }
        SortedMap<String, Role> roles = new TreeMap<>(site.roles());
        for (Guide g : changed) {
            Role r = roles.get(g.slug());
            if (r == null) {
                return null;
            }
            roles.put(g.slug(), new Role(g, r.group(), r.pay(), r.ladder(), r.skills(), r.related(), r.linkedFrom(),
                    r.comparedWith()));
        }
        site = new Site(site.config(), site.snapshot(), roles, site.pages(), site.skills(), site.links(), site.images(),
                site.comparisons(), site.groups(), site.aliases());
        taken = true;
        return site;
    }
}
