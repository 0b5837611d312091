package dev.guidegen.site;

import dev.guidegen.content.Page;
import dev.guidegen.content.SiteConfig;
import dev.guidegen.salary.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The whole site before rendering: every role, page and skill with its URL, and every content link
 * already resolved, so that rendering never has to decide anything.
 */
public record Site(SiteConfig config, Snapshot snapshot, SortedMap<String, Role> roles, List<Page> pages,
        SortedMap<String, Skill> skills, Map<String, Map<String, String>> links) {

    /** The URL a content link written in {@code sourcePath} points at, or the link itself if it is not a content link. */
    public String resolveLink(String sourcePath, String url) {
        Map<String, String> bySource = links.get(sourcePath);
        return bySource == null ? url : bySource.getOrDefault(url, url);
    }
}
