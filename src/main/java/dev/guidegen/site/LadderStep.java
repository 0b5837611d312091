package dev.guidegen.site;

/** One step of a career ladder; {@code slug} is empty for a step that has no guide. */
public record LadderStep(String title, String slug) {
    public boolean isGuide() {
        return !slug.isEmpty();
    }
}
