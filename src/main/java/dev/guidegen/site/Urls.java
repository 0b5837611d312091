package dev.guidegen.site;

/** The URL of every kind of page, and the output file a URL is written to. */
public final class Urls {

    public static final String HOME = "/";
    public static final String FAQ = "/faq/";
    public static final String SALARIES = "/salaries/";
    public static final String SKILLS = "/skills/";
    public static final String NOT_FOUND = "/404.html";

    /** Top-level names that plain pages may not take, because the site uses them. */
    public static final java.util.Set<String> RESERVED = java.util.Set.of("roles", "faq", "salaries", "skills", "assets",
            "404", "index", "sitemap", "feed", "search-index", "robots");

    private Urls() {
    }

    public static String guide(String slug) {
        return "/roles/" + slug + "/";
    }

    public static String guideFaq(String slug) {
        return "/roles/" + slug + "/faq/";
    }

    public static String page(String slug) {
        return "/" + slug + "/";
    }

    public static String skill(String slug) {
        return "/skills/" + slug + "/";
    }

    /** "/roles/x/" is written to "roles/x/index.html"; a URL naming a file is written to that file. */
    public static String outputPath(String url) {
        String path = url.startsWith("/") ? url.substring(1) : url;
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    /** A skill name as a URL segment: "SQL and relational databases" becomes "sql-and-relational-databases". */
    public static String slugify(String name) {
        String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(java.util.Locale.ROOT).replace("+", "-plus").replace("#", "-sharp")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
