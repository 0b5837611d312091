package dev.guidegen.site;

import java.util.List;

/** A skill and the guides that list it, sorted by slug. */
public record Skill(String slug, String name, List<String> guides) {
    public Skill {
        guides = List.copyOf(guides);
    }

    public String url() {
        return Urls.skill(slug);
    }
}
