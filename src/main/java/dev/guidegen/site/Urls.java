package dev.guidegen.site;

/** The URL of every kind of page, and the output file a URL is written to. */
public final class Urls {

    public static final String HOME = "/";
    public static final String FAQ = "/faq/";
    public static final String SALARIES = "/salaries/";
    public static final String SKILLS = "/skills/";
    public static final String NOT_FOUND = "/404.html";
    public static final String SITEMAP = "/sitemap.xml";
    public static final String ROBOTS = "/robots.txt";
    public static final String FEED = "/feed.xml";
    public static final String SEARCH_INDEX = "/search-index.json";
    public static final String ASSETS = "/assets/";

    /** The files every build writes besides its pages. */
    public static final java.util.List<String> FILES = java.util.List.of(SITEMAP, ROBOTS, FEED, SEARCH_INDEX);

    /** Top-level names that plain pages may not take, because the site uses them. */
    public static final java.util.Set<String> RESERVED = java.util.Set.of("roles", "faq", "salaries", "skills", "assets", "images", "compare", "groups", "page", "sitemaps",
            "404", "index", "sitemap", "feed", "search-index", "robots");

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):.*",
            java.util.regex.Pattern.DOTALL);

    /** The only schemes a link may use: anything else (javascript:, data:, vbscript:, file:) could run or leak. */
    public static final java.util.Set<String> SAFE_SCHEMES = java.util.Set.of("http", "https", "mailto", "tel");

    private Urls() {
    }

    /** True for a link that leaves the site: one with a scheme (https:, mailto:) or a protocol-relative one. */
    public static boolean isExternal(String url) {
        return url.startsWith("//") || scheme(url) != null;
    }

    /**
     * The scheme of a URL in lowercase ("javascript" for " JavaScript:alert(1)"), or null when it has
     * none. It is read the way a browser reads it: tabs and line breaks anywhere are dropped, and
     * spaces and control characters at either end are trimmed.
     */
    public static String scheme(String url) {
        if (url.indexOf(':') < 0) {
            return null; // most links, and the only check on the output's hot path
        }
        StringBuilder clean = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                clean.append(c);
            }
        }
        int from = 0;
        int to = clean.length();
        while (from < to && clean.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && clean.charAt(to - 1) <= ' ') {
            to--;
        }
        java.util.regex.Matcher m = SCHEME.matcher(clean.substring(from, to));
        return m.matches() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : null;
    }

    /** True for a URL whose scheme is not one of {@link #SAFE_SCHEMES}. */
    public static boolean hasUnsafeScheme(String url) {
        String scheme = scheme(url);
        return scheme != null && !SAFE_SCHEMES.contains(scheme);
    }

    /**
     * Resolves "." and ".." in a slash-separated relative path, keeping a trailing slash; null when
     * the path climbs above where it starts.
     */
    public static String normalise(String path) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        String[] split = path.split("/", -1);
        for (int i = 0; i < split.length; i++) {
            String part = split[i];
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!part.equals(".") && !(part.isEmpty() && i < split.length - 1)) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    public static String guide(String slug) {
        return "/roles/" + slug + "/";
    }

    public static String guideFaq(String slug) {
        return "/roles/" + slug + "/faq/";
    }

    /** Entries on one page of a long list: a group's roles, a skill's roles. */
    public static final int PAGE_SIZE = 50;

    /** How many pages a list of {@code entries} takes: always at least one. */
    public static int pageCount(int entries) {
        return Math.max(1, (entries + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The n-th page (from 1) of a list whose first page is at {@code first}. */
    public static String paged(String first, int n) {
        return n <= 1 ? first : first + "page/" + n + "/";
    }

    public static String group(String key) {
        return "/groups/" + key + "/";
    }

    /** The page comparing two guides, named by their slugs in alphabetical order. */
    public static String compare(String a, String b) {
        return a.compareTo(b) < 0 ? "/compare/" + a + "-vs-" + b + "/" : "/compare/" + b + "-vs-" + a + "/";
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
