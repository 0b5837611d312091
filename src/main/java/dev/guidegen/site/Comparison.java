package dev.guidegen.site;

/**
 * A page setting two guides side by side, {@code a} before {@code b} in slug order. {@code before}
 * is the slug of the one that comes first on a career ladder where the two are adjacent steps, or
 * empty when no ladder puts them next to each other.
 */
public record Comparison(String a, String b, String before) {

    public String url() {
        return Urls.compare(a, b);
    }

    /** The other guide of the pair. */
    public String other(String slug) {
        return slug.equals(a) ? b : a;
    }
}
