package dev.guidegen.content;

/**
 * The Cache-Control values the site's {@code _headers} file gives, and {@code publish} sets:
 * {@code assets} for the files under /assets/, whose names carry a hash of their content, and
 * {@code pages} for everything else (pages, feeds, sitemaps, the search index, images and
 * {@code _redirects}), which keeps its name when it changes.
 */
public record CacheRules(String assets, String pages) {

    public static final CacheRules DEFAULT = new CacheRules("public, max-age=31536000, immutable",
            "public, max-age=0, must-revalidate");
}
