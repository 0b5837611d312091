package dev.guidegen.site;

import dev.guidegen.content.Page;
import dev.guidegen.content.SiteConfig;
import dev.guidegen.salary.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The whole site before rendering: every role, page and skill with its URL, and every content link
 * already resolved, so that rendering never has to decide anything. {@code images} are the
 * published images by URL; {@code comparisons} the pages that compare two guides, by URL;
 * {@code groups} the occupation groups by key, empty for a site without them; {@code aliases} each old
 * URL that redirects, to where it redirects.
 */
public record Site(SiteConfig config, Snapshot snapshot, SortedMap<String, Role> roles, List<Page> pages,
        SortedMap<String, Skill> skills, Map<String, Map<String, String>> links,
        SortedMap<String, dev.guidegen.content.ImageFile> images, SortedMap<String, Comparison> comparisons,
        SortedMap<String, dev.guidegen.content.Group> groups, SortedMap<String, String> aliases) {

    /** The newest "updated" date of every guide, or the empty string when none has one. */
    public String newestUpdate() {
        return newestUpdate(roles.values());
    }

    /** The newest "updated" date of the given roles' guides, or the empty string when none has one. */
    public static String newestUpdate(java.util.Collection<Role> of) {
        java.time.LocalDate newest = null;
        for (Role role : of) {
            java.time.LocalDate date = role.guide().updated();
            if (date != null && (newest == null || date.isAfter(newest))) {
                newest = date;
            }
        }
        return newest == null ? "" : newest.toString();
    }

    /** The URL a content link written in {@code sourcePath} points at, or the link itself if it is not a content link. */
    public String resolveLink(String sourcePath, String url) {
        Map<String, String> bySource = links.get(sourcePath);
        return bySource == null ? url : bySource.getOrDefault(url, url);
    }
}
