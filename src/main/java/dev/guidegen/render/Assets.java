package dev.guidegen.render;

import dev.guidegen.problem.DidYouMean;
import dev.guidegen.problem.Problems;
import dev.guidegen.source.LineMap;
import dev.guidegen.source.SourceTree;
import dev.guidegen.source.TextDecoder;
import dev.guidegen.site.Urls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of {@code templates/assets/}, each published under a name that carries a short hash of
 * its content ({@code /assets/site.3f9a1c2e.css}), so that a CDN may keep it for a year and a new
 * version is a new URL. Templates ask for an asset by its plain name with {@code asset("site.css")}.
 * A stylesheet's {@code url(...)} that names another asset is rewritten to that asset's published
 * URL before the stylesheet's own hash is taken, so changing an image changes the stylesheet's name too.
 */
public final class Assets {

    public static final String FOLDER = SourceTree.TEMPLATES + "assets/";
    /** Hex digits of the SHA-256 of the content in a published name: 32 bits, ample for one site's assets. */
    private static final int HASH_DIGITS = 8;
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\"()\\s]*)\\1\\s*\\)");

    /** An asset: its name under templates/assets/, its published URL, and its bytes as published. */
    public record Asset(String name, String url, byte[] bytes) {
    }

    private final SortedMap<String, Asset> byName;

    private Assets(SortedMap<String, Asset> byName) {
        this.byName = byName;
    }

    /** The site's assets, with a problem at its place for each stylesheet {@code url(...)} that names no asset. */
    public static Assets read(SourceTree tree, Problems problems) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        tree.under(FOLDER).forEach((path, bytes) -> files.put(path.substring(FOLDER.length()), bytes));
        SortedMap<String, Asset> done = new TreeMap<>();
        for (String name : files.keySet()) {
            publish(name, files, done, new LinkedHashSet<>(), problems);
        }
        return new Assets(done);
    }

    /** Publishes {@code name}, first publishing every asset its stylesheet names. */
    private static Asset publish(String name, SortedMap<String, byte[]> files, SortedMap<String, Asset> done,
            Set<String> visiting, Problems problems) {
        Asset ready = done.get(name);
        if (ready != null) {
            return ready;
        }
        byte[] bytes = files.get(name);
        if (name.endsWith(".css")) {
            visiting.add(name);
            bytes = rewriteCss(name, bytes, files, done, visiting, problems);
            visiting.remove(name);
        }
        Asset asset = new Asset(name, Urls.ASSETS + fingerprinted(name, bytes), bytes);
        done.put(name, asset);
        return asset;
    }

    private static byte[] rewriteCss(String name, byte[] bytes, SortedMap<String, byte[]> files, SortedMap<String, Asset> done,
            Set<String> visiting, Problems problems) {
        String path = FOLDER + name;
        Optional<String> decoded = TextDecoder.decode(path, bytes, problems);
        if (decoded.isEmpty()) {
            return bytes;
        }
        String css = decoded.get();
        LineMap lines = null;
        Matcher m = CSS_URL.matcher(css);
        StringBuilder out = new StringBuilder(css.length());
        int last = 0;
        while (m.find()) {
            String url = m.group(2);
            Optional<String> target = assetName(name, url);
            if (target.isEmpty()) {
                continue;
            }
            if (lines == null) {
                lines = new LineMap(css);
            }
            String named = target.get();
            if (!files.containsKey(named)) {
                problems.error(lines.pos(path, m.start(2)), "url(" + url + ") names no file in templates/assets/"
                        + DidYouMean.suffix(named, files.keySet()), "assets: " + String.join(", ", files.keySet()));
                continue;
            }
            if (visiting.contains(named)) {
                problems.error(lines.pos(path, m.start(2)), "url(" + url + ") names a stylesheet that names this one",
                        "stylesheets that name each other cannot each carry the other's hash; break the cycle");
                continue;
            }
            Asset asset = publish(named, files, done, visiting, problems);
            int cut = firstOf(url, "?#");
            out.append(css, last, m.start(2)).append(asset.url()).append(cut < 0 ? "" : url.substring(cut));
            last = m.end(2);
        }
        if (last == 0) {
            return bytes;
        }
        out.append(css, last, css.length());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The asset a stylesheet's URL names, relative to the stylesheet or from /assets/, or empty for a
     * URL that is not a file of the site's assets (another site's, a data: URL, an anchor).
     */
    private static Optional<String> assetName(String cssName, String url) {
        int cut = firstOf(url, "?#");
        String path = cut < 0 ? url : url.substring(0, cut);
        if (path.isEmpty() || url.startsWith("//") || Urls.scheme(url) != null) {
            return Optional.empty();
        }
        if (path.startsWith("/")) {
            return path.startsWith(Urls.ASSETS) ? Optional.of(path.substring(Urls.ASSETS.length())) : Optional.empty();
        }
        String dir = cssName.contains("/") ? cssName.substring(0, cssName.lastIndexOf('/') + 1) : "";
        return Optional.ofNullable(Urls.normalise(dir + path)).filter(n -> !n.isEmpty());
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** "site.css" with these bytes as "site.3f9a1c2e.css"; a name without an extension gets the hash at its end. */
    static String fingerprinted(String name, byte[] bytes) {
        String hash = HexFormat.of().formatHex(dev.guidegen.work.Sha256.of(bytes)).substring(0, HASH_DIGITS);
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash + 1) {
            return name + "." + hash;
        }
        return name.substring(0, dot) + "." + hash + name.substring(dot);
    }

    /** The published URL of the asset named {@code name} under templates/assets/, if there is one. */
    public Optional<String> url(String name) {
        Asset a = byName.get(name.startsWith("/") ? name.substring(1) : name);
        return Optional.ofNullable(a).map(Asset::url);
    }

    /** The plain names templates may ask for, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** Every published URL. */
    public List<String> urls() {
        return byName.values().stream().map(Asset::url).toList();
    }

    /** The files to write, under their published names. */
    public List<OutputFile> files() {
        List<OutputFile> out = new ArrayList<>();
        for (Asset a : byName.values()) {
            out.add(new OutputFile(a.url().substring(1), a.bytes(), ""));
        }
        return out;
    }
}
