package dev.guidegen.render;

import dev.guidegen.content.Markdown;
import dev.guidegen.site.Site;

/**
 * Finishes the HTML the content stage rendered from Markdown: each link it left as a marker
 * becomes the URL the site stage resolved.
 */
final class Markup {

    private final Site site;

    Markup(Site site) {
        this.site = site;
    }

    String html(String sourcePath, Markdown markdown) {
        return markdown.html(url -> site.resolveLink(sourcePath, url));
    }
}
