package dev.guidegen.content;

/**
 * The site-wide settings from {@code content/site.yaml}. {@code baseUrl} always ends in '/';
 * {@code html} is what raw HTML in Markdown may do; {@code cache} is how long CDNs may keep files.
 */
public record SiteConfig(String title, String baseUrl, String language, String description,
        int minSample, int maxAgeDays, RawHtml html, CacheRules cache) {
}
