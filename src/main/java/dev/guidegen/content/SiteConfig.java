package dev.guidegen.content;

/** The site-wide settings from {@code content/site.yaml}. {@code baseUrl} always ends in '/'. */
public record SiteConfig(String title, String baseUrl, String language, String description,
        int minSample, int maxAgeDays) {
}
