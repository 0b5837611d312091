package dev.guidegen.pipeline;

import dev.guidegen.content.ContentReader;
import dev.guidegen.content.Guide;
import dev.guidegen.content.Markdown;
import dev.guidegen.site.Urls;
import dev.guidegen.source.SourceTree;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The editor's most common change, told apart from all others: only the text of guides' bodies,
 * with the same links to the same places. Such an edit can change no page but the guide's own page
 * and its FAQ page, since a body reaches other pages only through where it links (the roles that
 * link to a guide); so a rebuild after one renders those pages alone and takes every other page as
 * the last build made it, without working out its values. Any other change, or a first build, or
 * one after a failed build, renders as usual.
 */
public final class BodyEdits {

    /** The last successful build's sources other than guides, and its guides by slug; null before one. */
    private Map<String, byte[]> others;
    private Map<String, Guide> guides;
    private boolean drafts;

    /**
     * The URLs of the only pages this build's changes can touch, or null when they may touch any:
     * when something other than a guide's body changed, or there is no last build to compare with.
     */
    synchronized Set<String> pagesToRender(SourceTree tree, List<Guide> now, boolean drafts) {
        if (others == null || this.drafts != drafts || !tree.problems().isEmpty() || now.size() != guides.size()) {
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
        for (Guide g : now) {
            Guide old = guides.get(g.slug());
            if (old == null) {
                return null;
            }
            if (old == g) {
                continue; // the very parse of an unchanged file
            }
            if (!shape(old).equals(shape(g))) {
                return null;
            }
            urls.add(Urls.guide(g.slug()));
            urls.add(Urls.guideFaq(g.slug()));
        }
        return urls;
    }

    /** Remembers a build that succeeded, as what the next one compares with. */
    synchronized void succeeded(SourceTree tree, List<Guide> now, boolean drafts) {
        others = othersOf(tree);
        guides = new HashMap<>();
        now.forEach(g -> guides.put(g.slug(), g));
        this.drafts = drafts;
    }

    /** Forgets the last build: after a failed one, the next renders as usual. */
    synchronized void failed() {
        others = null;
        guides = null;
    }

    private static Map<String, byte[]> othersOf(SourceTree tree) {
        Map<String, byte[]> out = new HashMap<>();
        tree.files().forEach((path, bytes) -> {
            if (!path.startsWith(ContentReader.GUIDES)) {
                out.put(path, bytes);
            }
        });
        return out;
    }

    /** A guide as other pages see it: everything but its body, of which only where it links counts. */
    private static Guide shape(Guide g) {
        Markdown body = new Markdown("", g.body().targets(), List.of(), List.of(), List.of(), List.of(), false, 0);
        return new Guide(g.slug(), g.path(), g.title(), g.summary(), g.updated(), g.level(), g.experience(), g.group(), g.skills(),
                g.related(), g.careerPath(), g.compare(), g.salaryKey(), g.salaryGiven(), g.salaryOff(), g.faq(), g.draft(), body,
                g.aliases());
    }
}
