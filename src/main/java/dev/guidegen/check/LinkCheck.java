package dev.guidegen.check;

import dev.guidegen.problem.DidYouMean;
import dev.guidegen.problem.OncePerPlace;
import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import dev.guidegen.render.OutputFile;
import dev.guidegen.site.Urls;
import dev.guidegen.source.LineMap;
import dev.guidegen.source.SourceTree;
import dev.guidegen.source.TextDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The check stage: reads every rendered HTML page with jsoup and checks each internal href and
 * src, and each #fragment, against the files and element ids of the output. This catches what the
 * site stage cannot see, such as a broken link written into a template.
 */
public final class LinkCheck {

    /** Attributes that hold URLs but are not links to follow: only their scheme is checked. */
    private static final List<String> SCHEME_ONLY = List.of("action", "formaction", "data", "poster", "cite", "background",
            "xlink:href", "ping");
    private static final String SCHEME_ONLY_SELECTOR = String.join(", ", SCHEME_ONLY.stream().map(a -> "[" + a + "]").toList());

    private final Problems problems;

    public LinkCheck(Problems problems) {
        this.problems = problems;
    }

    public void check(List<OutputFile> files, dev.guidegen.site.Site site, SourceTree tree, dev.guidegen.work.Workers workers) {
        String baseUrl = site.config().baseUrl();
        Map<String, SourcePos> written = contentLinks(site);
        Map<String, OutputFile> byPath = new HashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        Map<String, Document> docs = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Set<String>> ids = new java.util.concurrent.ConcurrentHashMap<>();
        workers.map(files.stream().filter(f -> f.path().endsWith(".html")).toList(), f -> {
            Document doc = Jsoup.parse(new String(f.bytes(), StandardCharsets.UTF_8), "");
            docs.put(f.path(), doc);
            Set<String> pageIds = new HashSet<>();
            doc.select("[id]").forEach(e -> pageIds.add(e.id()));
            doc.select("a[name]").forEach(e -> pageIds.add(e.attr("name")));
            ids.put(f.path(), pageIds);
            return f;
        });
        // One broken link in a template breaks it on every page made from that template: report it once.
        OncePerPlace broken = new OncePerPlace();
        for (OutputFile f : files) {
            Document doc = docs.get(f.path());
            if (doc == null) {
                continue;
            }
            for (Element e : doc.select("[href], [src]")) {
                String attr = e.hasAttr("href") ? "href" : "src";
                String url = e.attr(attr);
                String problem = problemWith(f.path(), url, baseUrl, byPath, ids);
                if (problem != null) {
                    broken.add(written.getOrDefault(url, locate(tree, f.template(), attr, url)), "broken link \"" + url + "\": " + problem,
                            "/" + pageUrl(f.path()));
                }
            }
            for (Element e : doc.select(SCHEME_ONLY_SELECTOR)) {
                for (String attr : SCHEME_ONLY) {
                    String url = e.attr(attr);
                    if (Urls.hasUnsafeScheme(url)) {
                        broken.add(locate(tree, f.template(), attr, url), "unsafe URL \"" + url + "\" in " + attr
                                + ": the scheme \"" + Urls.scheme(url) + ":\" is not allowed", "/" + pageUrl(f.path()));
                    }
                }
            }
        }
        broken.report(problems, (what, on) -> what + " (on " + on + ")",
                what -> "fix the link where it is written, or the page it names");
    }

    /**
     * Where each URL that content writes was first written, as written and as resolved, so that a
     * link the output check refuses is reported in the guide or page it came from.
     */
    private static Map<String, SourcePos> contentLinks(dev.guidegen.site.Site site) {
        Map<String, SourcePos> out = new HashMap<>();
        java.util.function.BiConsumer<String, dev.guidegen.content.Markdown> add = (path, md) -> {
            for (List<dev.guidegen.source.Ref> refs : List.of(md.links(), md.images())) {
                for (dev.guidegen.source.Ref r : refs) {
                    out.putIfAbsent(r.value(), r.pos());
                    out.putIfAbsent(site.resolveLink(path, r.value()), r.pos());
                }
            }
        };
        for (dev.guidegen.site.Role role : site.roles().values()) {
            add.accept(role.guide().path(), role.guide().body());
            role.guide().faq().forEach(q -> add.accept(role.guide().path(), q.answer()));
        }
        site.pages().forEach(p -> add.accept(p.path(), p.body()));
        return out;
    }

    private static String problemWith(String page, String url, String baseUrl, Map<String, OutputFile> files,
            Map<String, Set<String>> ids) {
        if (Urls.hasUnsafeScheme(url)) {
            return "the scheme \"" + Urls.scheme(url) + ":\" is not allowed (only http:, https:, mailto: and tel:)";
        }
        if (url.startsWith(baseUrl)) {
            url = "/" + url.substring(baseUrl.length());
        } else if (Urls.isExternal(url)) {
            return null;
        }
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash + 1);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String target;
        if (path.isEmpty()) {
            target = page;
        } else {
            String dir = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
            String joined = path.startsWith("/") ? path.substring(1) : dir + path;
            target = Urls.normalise(joined);
            if (target == null) {
                return "it leaves the site";
            }
            if (target.isEmpty() || target.endsWith("/")) {
                target += "index.html";
            }
        }
        if (!files.containsKey(target)) {
            if (files.containsKey(target + "/index.html")) {
                return "the page's URL ends in \"/\"";
            }
            return "no such page or file" + DidYouMean.nearest("/" + pageUrl(target), files.keySet().stream()
                    .map(p -> "/" + pageUrl(p)).toList()).map(n -> " (did you mean \"" + n + "\"?)").orElse("");
        }
        if (!fragment.isEmpty() && !ids.getOrDefault(target, Set.of()).contains(fragment)) {
            return "no element with id \"" + fragment + "\" on that page";
        }
        return null;
    }

    private static String pageUrl(String path) {
        return path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
    }

    /** Where the link is written in the template, when it is written literally; else the template's first line. */
    private static SourcePos locate(SourceTree tree, String template, String attr, String url) {
        if (template.isEmpty() || !tree.has(template)) {
            return SourcePos.start(template.isEmpty() ? "templates" : template);
        }
        String text = TextDecoder.decodeTrusted(tree.bytes(template));
        int at = text.indexOf(attr + "=\"" + url + "\"");
        return at < 0 ? SourcePos.start(template) : new LineMap(text).pos(template, at + attr.length() + 2);
    }
}
