package dev.guidegen.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules a built site gives its host, read back from its own {@code _headers} and
 * {@code _redirects}, so that what publish sets on each object is exactly what the build wrote for
 * hosts that read those files.
 */
final class HostRules {

    private record Rule(String pattern, String cacheControl) {
    }

    private final List<Rule> rules;
    /** Each old URL's object key (without the prefix), to the URL it redirects to. */
    private final Map<String, String> redirects;

    private HostRules(List<Rule> rules, Map<String, String> redirects) {
        this.rules = rules;
        this.redirects = redirects;
    }

    static HostRules parse(String headers, String redirects) {
        List<Rule> rules = new ArrayList<>();
        String pattern = null;
        for (String line : headers.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                pattern = line.strip();
            } else if (pattern != null) {
                String header = line.strip();
                int colon = header.indexOf(':');
                if (colon > 0 && header.substring(0, colon).strip().equalsIgnoreCase("Cache-Control")) {
                    rules.add(new Rule(pattern, header.substring(colon + 1).strip()));
                }
            }
        }
        Map<String, String> moved = new HashMap<>();
        for (String line : redirects.split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length >= 2 && parts[0].startsWith("/") && parts[0].endsWith("/")) {
                moved.put(parts[0].substring(1) + "index.html", parts[1]);
            }
        }
        return new HostRules(rules, moved);
    }

    /** The Cache-Control of the first rule whose path matches the file at {@code path} (relative to the site). */
    Optional<String> cacheControl(String path) {
        String url = "/" + path;
        String dir = path.endsWith("index.html") ? url.substring(0, url.length() - "index.html".length()) : null;
        for (Rule r : rules) {
            String p = r.pattern();
            boolean matches = p.endsWith("*") ? url.startsWith(p.substring(0, p.length() - 1))
                    : p.equals(url) || p.equals(dir);
            if (matches) {
                return Optional.of(r.cacheControl());
            }
        }
        return Optional.empty();
    }

    /** Where the page at {@code path} redirects to, for an alias page. */
    Optional<String> redirect(String path) {
        return Optional.ofNullable(redirects.get(path));
    }
}
