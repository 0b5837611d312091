package dev.guidegen.pipeline;

import dev.guidegen.content.Content;
import dev.guidegen.content.ContentReader;
import dev.guidegen.content.Guide;
import dev.guidegen.content.GuideShape;
import dev.guidegen.site.Urls;
import dev.guidegen.source.SourceTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The editor's most common change, told apart from all others: only the text of guides' bodies and
 * FAQ answers, with the same links to the same places ({@link GuideShape}). Such an edit can change
 * no page but the guide's own page and its FAQ page, since a body reaches other pages only through
 * where it links (the roles that link to a guide); so a rebuild after one renders those pages alone and takes every other page as
 * the last build made it, without working out its values. When the links, images and ids of the
 * bodies are the same too, the site stage has nothing to work out again either. Any other change,
 * or a first build, or one after a failed build, builds as usual.
 */
public final class BodyEdits {

    /** The last successful build's sources other than guides, its guides in path order and its drafts; null before one. */
    private Map<String, byte[]> others;
    private List<Guide> guides;
    private List<Guide> draftGuides;
    private boolean drafts;

    /**
     * What an edit of guides' bodies alone changed: the URLs of the only pages it can touch, the
     * guides whose bodies changed, and whether the site stage can see it at all ({@code siteSees}
     * is false when every changed body has the same links, images, and heading and element ids).
     */
    record Edit(Set<String> urls, List<Guide> changed, boolean siteSees) {
    }

    /**
     * What this build's changes are, when they are guides' bodies alone; null when they may touch
     * any page: when something other than a guide's body changed, or there is no last build to
     * compare with.
     */
    synchronized Edit changes(SourceTree tree, Content now, boolean drafts) {
        if (others == null || this.drafts != drafts || !tree.problems().isEmpty() || now.guides().size() != guides.size()) {
            return null;
        }
        Map<String, byte[]> current = othersOf(tree);
        if (!current.keySet().equals(others.keySet())) {
            return null;
        }
        for (Map.Entry<String, byte[]> e : current.entrySet()) {
            if (!Arrays.equals(e.getValue(), others.get(e.getKey()))) {
                return null;
            }
        }
        Set<String> urls = new TreeSet<>();
        List<Guide> changed = new ArrayList<>();
        boolean siteSees = !now.drafts().equals(draftGuides);
        // Guides come in the order of their files, and a guide's shape holds its path: a guide in the
        // place of another has another shape, and the edit is not one of bodies alone.
        for (int i = 0; i < guides.size(); i++) {
            Guide g = now.guides().get(i);
            Guide old = guides.get(i);
            if (old == g) {
                continue; // the very parse of an unchanged file
            }
            if (!GuideShape.of(old).equals(GuideShape.of(g))) {
                return null;
            }
            urls.add(Urls.guide(g.slug()));
            urls.add(Urls.guideFaq(g.slug()));
            changed.add(g);
            siteSees |= !GuideShape.seenBySite(old).equals(GuideShape.seenBySite(g));
        }
        return new Edit(urls, changed, siteSees);
    }

    /** Remembers a build that succeeded, as what the next one compares with. */
    synchronized void succeeded(SourceTree tree, Content now, boolean drafts) {
        others = othersOf(tree);
        guides = List.copyOf(now.guides());
        draftGuides = now.drafts();
        this.drafts = drafts;
    }

    /** Forgets the last build: after a failed one, the next renders as usual. */
    synchronized void failed() {
        others = null;
        guides = null;
        draftGuides = null;
    }

    /** Every source but those {@code tree.under(GUIDES)} gives, found without going through the guides. */
    private static Map<String, byte[]> othersOf(SourceTree tree) {
        Map<String, byte[]> out = new HashMap<>(tree.files().headMap(ContentReader.GUIDES));
        out.putAll(tree.files().tailMap(ContentReader.GUIDES + Character.MAX_VALUE));
        return out;
    }

}
