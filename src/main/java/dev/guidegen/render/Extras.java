package dev.guidegen.render;

import dev.guidegen.site.Role;
import dev.guidegen.site.Site;
import dev.guidegen.site.Skill;
import dev.guidegen.site.Urls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The files that are not pages: sitemap.xml, robots.txt, the Atom feed and the search index. */
final class Extras {

    private final Site site;
    private final Graphs graphs;
    /** The pages the sitemap lists, by URL, with their last change ("" for none). */
    private final java.util.SortedMap<String, String> sitemap;

    Extras(Site site, Graphs graphs, java.util.SortedMap<String, String> sitemap) {
        this.sitemap = sitemap;
        this.site = site;
        this.graphs = graphs;
    }

    List<OutputFile> files() {
        List<OutputFile> files = new ArrayList<>(sitemap());
        files.add(robots());
        files.add(feed());
        files.addAll(searchIndex());
        return files;
    }

    /** Every page but the 404 page, as the render stage listed them, with its last change. */
    private List<OutputFile> sitemap() {
        return sitemaps(sitemap, SITEMAP_URLS, graphs::absolute);
    }

    /** URLs a sitemap file may hold, by the sitemaps protocol. */
    static final int SITEMAP_URLS = 50_000;

    /**
     * {@code sitemap.xml} with every URL and its last change, or, for a site of more than
     * {@code limit} URLs, a sitemap index there and the URLs in {@code sitemaps/1.xml}, {@code 2.xml}, ...
     */
    static List<OutputFile> sitemaps(java.util.SortedMap<String, String> urls, int limit,
            java.util.function.UnaryOperator<String> absolute) {
        List<Map.Entry<String, String>> all = new ArrayList<>(urls.entrySet());
        int files = (all.size() + limit - 1) / limit;
        List<OutputFile> out = new ArrayList<>();
        for (int i = 1; i <= Math.max(1, files); i++) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (Map.Entry<String, String> e : all.subList((i - 1) * limit, Math.min(all.size(), i * limit))) {
                xml.append("  <url><loc>").append(xml(absolute.apply(e.getKey()))).append("</loc>");
                if (!e.getValue().isEmpty()) {
                    xml.append("<lastmod>").append(e.getValue()).append("</lastmod>");
                }
                xml.append("</url>\n");
            }
            xml.append("</urlset>\n");
            out.add(text(files <= 1 ? Urls.outputPath(Urls.SITEMAP) : "sitemaps/" + i + ".xml", xml.toString()));
        }
        if (files > 1) {
            StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (int i = 1; i <= files; i++) {
                index.append("  <sitemap><loc>").append(xml(absolute.apply("/sitemaps/" + i + ".xml"))).append("</loc></sitemap>\n");
            }
            index.append("</sitemapindex>\n");
            out.add(0, text(Urls.outputPath(Urls.SITEMAP), index.toString()));
        }
        return out;
    }

    private OutputFile robots() {
        return text(Urls.outputPath(Urls.ROBOTS), "User-agent: *\nAllow: /\n\nSitemap: " + graphs.absolute(Urls.SITEMAP) + "\n");
    }

    /** The newest guides a feed holds: readers follow changes, and a feed of every guide outgrows its readers. */
    static final int FEED_ENTRIES = 50;

    /** The newest guides, newest update first. */
    private OutputFile feed() {
        List<Role> roles = new ArrayList<>(site.roles().values());
        roles.sort(Comparator.comparing((Role r) -> r.guide().updated(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Role::slug));
        String newest = site.newestUpdate();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        xml.append("  <title>").append(xml(site.config().title())).append(": role guides</title>\n");
        xml.append("  <subtitle>").append(xml(site.config().description())).append("</subtitle>\n");
        xml.append("  <id>").append(xml(graphs.absolute(Urls.HOME))).append("</id>\n");
        xml.append("  <link rel=\"self\" href=\"").append(xml(graphs.absolute(Urls.FEED))).append("\"/>\n");
        xml.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(graphs.absolute(Urls.HOME))).append("\"/>\n");
        xml.append("  <updated>").append(timestamp(newest)).append("</updated>\n");
        xml.append("  <author><name>").append(xml(site.config().title())).append("</name></author>\n");
        for (Role r : roles.subList(0, Math.min(roles.size(), FEED_ENTRIES))) {
            String updated = r.guide().updated() == null ? newest : r.guide().updated().toString();
            xml.append("  <entry>\n");
            xml.append("    <title>").append(xml(r.guide().title())).append("</title>\n");
            xml.append("    <id>").append(xml(graphs.absolute(r.url()))).append("</id>\n");
            xml.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(graphs.absolute(r.url()))).append("\"/>\n");
            xml.append("    <updated>").append(timestamp(updated)).append("</updated>\n");
            xml.append("    <summary>").append(xml(r.guide().summary())).append("</summary>\n");
            xml.append("  </entry>\n");
        }
        xml.append("</feed>\n");
        return text(Urls.outputPath(Urls.FEED), xml.toString());
    }

    /** Roles per file of the search index: each file stays well under a megabyte. */
    static final int SEARCH_SHARD = 2_000;

    /**
     * The role filter's index: {@code search-index.json} holds the first roles and the addresses of
     * the files holding the rest ({@code search-index-2.json}, ...), which the filter fetches only
     * when the reader starts to use it.
     */
    private List<OutputFile> searchIndex() {
        List<Role> roles = List.copyOf(site.roles().values());
        int shards = Math.max(1, (roles.size() + SEARCH_SHARD - 1) / SEARCH_SHARD);
        List<OutputFile> files = new ArrayList<>();
        // Written with Jackson's streaming generator: its object mapper takes a twentieth of a second to set up.
        for (int i = 1; i <= shards; i++) {
            java.io.StringWriter out = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator json = JSON.createGenerator(out)) {
                json.writeStartObject();
                json.writeArrayFieldStart("entries");
                for (Role r : roles.subList((i - 1) * SEARCH_SHARD, Math.min(roles.size(), i * SEARCH_SHARD))) {
                    json.writeStartObject();
                    json.writeStringField("title", r.guide().title());
                    json.writeStringField("summary", r.guide().summary());
                    json.writeArrayFieldStart("skills");
                    for (String skill : r.skills()) {
                        json.writeString(site.skills().get(skill).name());
                    }
                    json.writeEndArray();
                    json.writeStringField("url", r.url());
                    json.writeEndObject();
                }
                json.writeEndArray();
                if (i == 1) {
                    json.writeArrayFieldStart("more");
                    for (int more = 2; more <= shards; more++) {
                        json.writeString(shardUrl(more));
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("search index could not be written", e);
            }
            files.add(text(Urls.outputPath(i == 1 ? Urls.SEARCH_INDEX : shardUrl(i)), out.toString()));
        }
        return files;
    }

    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    private static String shardUrl(int i) {
        return "/search-index-" + i + ".json";
    }

    private static String timestamp(String date) {
        return (date.isEmpty() ? "1970-01-01" : date) + "T00:00:00Z";
    }

    /**
     * {@code s} as XML text or attribute value: the markup characters escaped, and control characters
     * other than tab and line breaks, and U+FFFE and U+FFFF, which may not appear in XML at all,
     * left out. One pass, and no copy of a string that needs neither, as the sitemap's addresses do.
     */
    static String xml(String s) {
        int i = 0;
        while (i < s.length() && !special(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (!special(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean special(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == '&' || c == '<' || c == '>' || c == '"' || c >= '\uFFFE';
    }

    private static OutputFile text(String path, String content) {
        return new OutputFile(path, content.getBytes(StandardCharsets.UTF_8), "");
    }
}
