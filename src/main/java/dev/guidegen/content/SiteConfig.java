package dev.guidegen.content;

/**
 * The site-wide settings from {@code content/site.yaml}. {@code baseUrl} always ends in '/';
 * {@code html} is what raw HTML in Markdown may do.
 */
public record SiteConfig(String title, String baseUrl, String language, String description,
        int minSample, int maxAgeDays, RawHtml html) {
}
