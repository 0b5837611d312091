package dev.guidegen.site;

import dev.guidegen.content.Guide;
import dev.guidegen.salary.Pay;
import java.util.List;

/**
 * A guide with everything the site knows about it: its group's key (empty on a site without groups), its pay, ladder, skills, and the guides it
 * is related to, linked from and compared with (as slugs, sorted as they should show).
 */
public record Role(Guide guide, String group, Pay pay, List<LadderStep> ladder, List<String> skills, List<String> related,
        List<String> linkedFrom, List<String> comparedWith) {

    public Role {
        ladder = List.copyOf(ladder);
        skills = List.copyOf(skills);
        related = List.copyOf(related);
        linkedFrom = List.copyOf(linkedFrom);
        comparedWith = List.copyOf(comparedWith);
    }

    public String slug() {
        return guide.slug();
    }

    public String url() {
        return Urls.guide(guide.slug());
    }
}
