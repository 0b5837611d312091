package dev.guidegen.render;

import dev.guidegen.content.CacheRules;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The files a static host reads rather than serves, in the format Netlify and Cloudflare Pages share:
 * {@code _headers}, with how long each file may be cached, and {@code _redirects}, with where each old
 * URL now lives; and, for hosts that read neither, a small page at each old URL that sends readers on.
 */
public final class HostFiles {

    public static final String HEADERS = "_headers";
    public static final String REDIRECTS = "_redirects";

    private HostFiles() {
    }

    /**
     * {@code _headers} for a site of these output paths (a folder's name, ending in "/", stands for all its files). Hosts apply every rule whose path matches and
     * join the values of a header given twice, so no two rules may match one file: the assets get
     * one rule, and every other top-level name of the site its own.
     */
    static OutputFile headers(Collection<String> paths, CacheRules rules) {
        SortedSet<String> patterns = new TreeSet<>();
        for (String path : paths) {
            int slash = path.indexOf('/');
            if (path.startsWith("assets/")) {
                continue;
            } else if (slash >= 0) {
                patterns.add("/" + path.substring(0, slash) + "/*");
            } else {
                patterns.add("/" + path);
                if (path.equals("index.html")) {
                    patterns.add("/");
                }
            }
        }
        patterns.add("/" + HEADERS);
        StringBuilder out = new StringBuilder();
        out.append("/assets/*\n  Cache-Control: ").append(rules.assets()).append('\n');
        for (String pattern : patterns) {
            out.append(pattern).append("\n  Cache-Control: ").append(rules.pages()).append('\n');
        }
        return new OutputFile(HEADERS, out.toString().getBytes(StandardCharsets.UTF_8), "");
    }

    /** {@code _redirects}: one permanent redirect per old URL, sorted, as "/roles/old/ /roles/new/ 301". */
    static OutputFile redirects(java.util.SortedMap<String, String> aliases) {
        StringBuilder out = new StringBuilder();
        aliases.forEach((from, to) -> out.append(from).append(' ').append(to).append(" 301\n"));
        return new OutputFile(REDIRECTS, out.toString().getBytes(StandardCharsets.UTF_8), "");
    }

    /**
     * The page at an old URL for hosts that ignore {@code _redirects}: it sends the browser on at once,
     * tells search engines where the page lives now and not to index this one, and shows a link.
     */
    static OutputFile aliasPage(String from, String to, String title, String canonical, String language) {
        String t = org.jsoup.nodes.Entities.escape(title);
        String href = org.jsoup.nodes.Entities.escape(to);
        String html = "<!doctype html>\n<html lang=\"" + org.jsoup.nodes.Entities.escape(language) + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Moved: " + t + "</title>\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<link rel=\"canonical\" href=\"" + org.jsoup.nodes.Entities.escape(canonical) + "\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + href + "\">\n"
                + "</head>\n<body>\n<main>\n<h1>This page has moved</h1>\n"
                + "<p>It is now <a href=\"" + href + "\">" + t + "</a>.</p>\n</main>\n</body>\n</html>\n";
        return new OutputFile(dev.guidegen.site.Urls.outputPath(from), html.getBytes(StandardCharsets.UTF_8), "");
    }
}
