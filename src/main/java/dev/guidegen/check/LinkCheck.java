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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check stage: scans every rendered HTML page once and checks each internal href and src,
 * and each #fragment, against the files and element ids of the output. This catches what the
 * site stage cannot see, such as a broken link written into a template.
 */
public final class LinkCheck {

    /** Attributes that hold URLs but are not links to follow: only their scheme is checked. */
    private static final List<String> SCHEME_ONLY = List.of("action", "formaction", "data", "poster", "cite", "background",
            "xlink:href", "ping");
    private static final HtmlScan SCAN = new HtmlScan(java.util.stream.Stream.concat(
            java.util.stream.Stream.of("href", "src"), SCHEME_ONLY.stream()).collect(java.util.stream.Collectors.toSet()));

    private final Problems problems;
    private final dev.guidegen.site.Site site;
    private final SourceTree tree;
    /** Every file of the output, by path; only the names matter once a page is scanned. */
    private final Set<String> paths;
    /** What each page holds, kept instead of the page itself. */
    private final Map<String, Scanned> pages;

    /** A page's links and ids, and the template it was made from, for placing a problem with them. */
    record Scanned(String template, HtmlScan.Page page) {
    }

    private final ScanMemo memo;
    /**
     * Settled, the last check that passed, which this one checks against (the memo forgets it if
     * this one fails): only the files made again are noted, every other being as that check had it.
     * Null when every file is noted.
     */
    private final ScanMemo.Passed settledOn;

    /**
     * With a memo, a page whose bytes are unchanged since the memo's last build is not scanned
     * again. A {@code settled} check is told only of the files the build made again: every other
     * file is the one the memo's last check passed ({@link ScanMemo#settles}), with the same path,
     * and the build makes no file that check did not have.
     */
    public LinkCheck(Problems problems, dev.guidegen.site.Site site, SourceTree tree, ScanMemo memo, boolean settled) {
        if (settled && (memo == null || !memo.settles())) {
            throw new IllegalStateException("a settled link check needs the memo of a check that passed");
        }
        this.problems = problems;
        this.site = site;
        this.tree = tree;
        this.memo = memo;
        this.settledOn = settled ? memo.passed() : null;
        // Sized for as many pages as the last build checked, so that the tables need not grow page by page.
        int expected = memo == null || settled ? 16 : Math.max(16, memo.pages.size());
        paths = java.util.concurrent.ConcurrentHashMap.newKeySet(expected);
        pages = new java.util.concurrent.ConcurrentHashMap<>(expected);
        if (memo != null) {
            if (settled) {
                memo.pages.beginKeeping();
            } else {
                memo.pages.begin();
            }
            memo.kept(0);
        }
    }

    /**
     * Whether two pages hold the same ids and the same URLs in the same attributes, in the same
     * order: then checking the one in place of the other, among the same other pages, has the same
     * outcome.
     */
    public static boolean sameLinksAndIds(byte[] a, byte[] b) {
        return SCAN.scan(a).equals(SCAN.scan(b));
    }

    /** One copy of each id, attribute name and link found, for every page that holds it. */
    private final Map<Object, Object> kept = new java.util.concurrent.ConcurrentHashMap<>();

    private Object same(Object o) {
        Object k = kept.putIfAbsent(o, o);
        return k == null ? o : k;
    }

    /** Takes note of one output file as it is made; safe from any thread. */
    public void add(OutputFile f) {
        paths.add(f.path());
        if (f.path().endsWith(".html")) {
            java.util.function.Supplier<HtmlScan.Page> scan = () -> SCAN.scan(f.bytes(), this::same);
            pages.put(f.path(), new Scanned(f.template(), memo == null ? scan.get() : memo.pages.get(f.path(), f.bytes(), "", scan)));
        }
    }

    /**
     * How many pages the build made: those noted, or when settled, those of the last passing check,
     * which holds every page noted; whether this check passed or not.
     */
    public int pages() {
        return settledOn == null ? pages.size() : settledOn.scans().size();
    }

    /**
     * Checks the links of the pages noted, once all are. Each is checked, unless the memo's last
     * check found nothing wrong against the same files and base URL: then a page is checked only
     * when its scan is not the very one checked then, or a page it links into with a
     * {@code #fragment} has different ids now, since its links can have no other outcome. Settled,
     * every page not noted is taken as that check had it.
     */
    public void finish(dev.guidegen.work.Workers workers) {
        String baseUrl = site.config().baseUrl();
        boolean settled = settledOn != null;
        if (settled && (!settledOn.baseUrl().equals(baseUrl) || !settledOn.paths().containsAll(paths))) {
            throw new IllegalStateException("a settled link check was given a file or base URL its last check did not have");
        }
        // The last check this one may take pages from; the record changes only once this one passes.
        ScanMemo.Passed last = settled ? settledOn : memo == null ? null : memo.passed();
        if (last != null && !settled && (!last.baseUrl().equals(baseUrl) || !last.paths().equals(paths))) {
            last = null;
        }
        Set<String> files = settled ? last.paths() : paths;
        Map<String, Set<String>> ids = new HashMap<>();
        pages.forEach((path, scanned) -> ids.put(path, scanned.page().ids()));
        Map<String, Set<String>> lastIds = settled ? last.ids() : Map.of();
        java.util.function.Function<String, Set<String>> idsOf = path -> ids.getOrDefault(path, lastIds.getOrDefault(path, Set.of()));
        Map<String, Scanned> lastScans = settled ? last.scans() : Map.of();
        java.util.function.Function<String, Scanned> scannedOf = path -> pages.getOrDefault(path, lastScans.get(path));
        List<String> toCheck = last == null ? new java.util.ArrayList<>(new java.util.TreeSet<>(pages.keySet())) : toCheck(last, ids);
        if (settled) {
            memo.kept(last.scans().size() - pages.size());
        }
        // One broken link in a template breaks it on every page made from that template: report it once.
        OncePerPlace broken = new OncePerPlace();
        // ... and look for the nearest existing name once per missing target, not once per page.
        Map<String, String> nearest = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.Supplier<List<String>> urls = memoised(() -> files.stream().map(p -> "/" + pageUrl(p)).sorted().toList());
        java.util.function.Supplier<Map<String, Map<String, SourcePos>>> written = memoised(() -> contentLinks(site));
        Map<String, Set<String>> fragmentTargets = new java.util.concurrent.ConcurrentHashMap<>();
        // What a link that names a path from the site's root, with no fragment, comes to is the same
        // on every page: the same links stand in every page's header and footer. "" is no problem.
        Map<String, String> rooted = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.UnaryOperator<String> near = target -> nearest.computeIfAbsent(target,
                t -> DidYouMean.nearest(t, urls.get()).map(n -> " (did you mean \"" + n + "\"?)").orElse(""));
        workers.map(toCheck, path -> {
            Scanned scanned = scannedOf.apply(path);
            Set<String> intoFragments = new HashSet<>();
            for (HtmlScan.Attr a : scanned.page().urls()) {
                String url = a.value();
                if (a.name().equals("href") || a.name().equals("src")) {
                    boolean anyPage = url.startsWith("/") && !url.startsWith("//") && url.indexOf('#') < 0;
                    String known = anyPage ? rooted.get(url) : null;
                    String problem = known != null ? (known.isEmpty() ? null : known)
                            : problemWith(path, url, baseUrl, files, idsOf, near, intoFragments::add);
                    if (anyPage && known == null) {
                        rooted.put(url, problem == null ? "" : problem);
                    }
                    if (problem != null) {
                        broken.add(writtenAt(written.get(), path, url).orElseGet(() -> locate(tree, scanned.template(), a.name(), url)),
                                "broken link \"" + url + "\": " + problem, "/" + pageUrl(path));
                    }
                } else if (Urls.hasUnsafeScheme(url)) {
                    broken.add(locate(tree, scanned.template(), a.name(), url), "unsafe URL \"" + url + "\" in " + a.name()
                            + ": the scheme \"" + Urls.scheme(url) + ":\" is not allowed", "/" + pageUrl(path));
                }
            }
            fragmentTargets.put(path, intoFragments);
            return path;
        });
        boolean passed = broken.isEmpty();
        broken.report(problems, (what, on) -> what + " (on " + on + ")",
                what -> "fix the link where it is written, or the page it names");
        if (memo != null) {
            if (passed) {
                remember(last, baseUrl, ids, fragmentTargets, scannedOf);
            } else {
                memo.failed(toCheck.size());
            }
        }
    }

    /**
     * The pages noted that are checked against {@code last}, sorted: those whose links are not the
     * very ones it checked, and any page that links with a {@code #fragment} into a page whose ids
     * ({@code ids}, of the pages noted) are not those it checked against.
     */
    private List<String> toCheck(ScanMemo.Passed last, Map<String, Set<String>> ids) {
        Set<String> changedIds = new HashSet<>();
        ids.forEach((path, now) -> {
            Set<String> then = last.ids().get(path);
            if (then != now && !now.equals(then)) {
                changedIds.add(path);
            }
        });
        Set<String> out = new java.util.TreeSet<>();
        pages.forEach((path, scanned) -> {
            if (last.scans().get(path).page() != scanned.page()) {
                out.add(path);
            }
        });
        if (!changedIds.isEmpty()) {
            last.fragmentTargets().forEach((path, targets) -> {
                if (!java.util.Collections.disjoint(targets, changedIds)) {
                    out.add(path);
                }
            });
        }
        return new java.util.ArrayList<>(out);
    }

    /**
     * Leaves this check, which found nothing wrong, as what the next may take pages from: the
     * check it was checked against ({@code last}, when there is one), brought up to date with the
     * pages checked again; else a new record.
     */
    private void remember(ScanMemo.Passed last, String baseUrl, Map<String, Set<String>> ids,
            Map<String, Set<String>> checkedTargets, java.util.function.Function<String, Scanned> scannedOf) {
        if (last != null) {
            checkedTargets.forEach((path, targets) -> {
                last.scans().put(path, scannedOf.apply(path));
                last.fragmentTargets().put(path, targets);
            });
            if (settledOn != null) {
                last.ids().putAll(ids); // the pages noted; every other page's ids are as they were
                ids = last.ids();
            }
            memo.passed(new ScanMemo.Passed(baseUrl, last.paths(), last.scans(), ids, last.fragmentTargets()),
                    checkedTargets.size());
            return;
        }
        Map<String, Scanned> scans = new HashMap<>(pages);
        memo.passed(new ScanMemo.Passed(baseUrl, Set.copyOf(paths), scans, ids, new HashMap<>(checkedTargets)),
                checkedTargets.size());
    }

    /**
     * Where each content file wrote each URL, as written and as resolved, so that a link the output
     * check refuses is reported in the guide or page it came from.
     */
    private static Map<String, Map<String, SourcePos>> contentLinks(dev.guidegen.site.Site site) {
        Map<String, Map<String, SourcePos>> out = new HashMap<>();
        java.util.function.BiConsumer<String, dev.guidegen.content.Markdown> add = (path, md) -> {
            Map<String, SourcePos> urls = out.computeIfAbsent(path, k -> new HashMap<>());
            for (List<dev.guidegen.source.Ref> refs : List.of(md.links(), md.images())) {
                for (dev.guidegen.source.Ref r : refs) {
                    urls.putIfAbsent(r.value(), r.pos());
                    urls.putIfAbsent(site.resolveLink(path, r.value()), r.pos());
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

    /**
     * Where content wrote a URL found on a page: in the guide or page the page is made from, or, on
     * a page made from many (the FAQ hub), in the first content file, by path, that wrote it.
     */
    private java.util.Optional<SourcePos> writtenAt(Map<String, Map<String, SourcePos>> written, String page, String url) {
        String source = sourceOf(page);
        if (source != null) {
            return java.util.Optional.ofNullable(written.getOrDefault(source, Map.of()).get(url));
        }
        return new java.util.TreeMap<>(written).values().stream().map(urls -> urls.get(url))
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The content file a page is made from alone, or null for a page made from many or from none. */
    private String sourceOf(String page) {
        String[] parts = page.split("/");
        if (parts.length >= 3 && parts[0].equals("roles") && site.roles().containsKey(parts[1])) {
            return site.roles().get(parts[1]).guide().path();
        }
        if (parts.length == 2 && parts[1].equals("index.html")) {
            return site.pages().stream().filter(p -> p.slug().equals(parts[0])).map(dev.guidegen.content.Page::path)
                    .findFirst().orElse(null);
        }
        return null;
    }

    /** {@code supplier}'s value, made on first use and then kept. */
    private static <T> java.util.function.Supplier<T> memoised(java.util.function.Supplier<T> supplier) {
        return new java.util.function.Supplier<>() {
            private volatile T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /**
     * What is wrong with a link on {@code page}, or null; {@code nearest} gives " (did you mean ...)"
     * for a missing URL, and {@code intoFragment} is told the page a link with a #fragment leads to.
     */
    private static String problemWith(String page, String url, String baseUrl, Set<String> files,
            java.util.function.Function<String, Set<String>> ids, java.util.function.UnaryOperator<String> nearest,
            java.util.function.Consumer<String> intoFragment) {
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
        if (!files.contains(target)) {
            if (files.contains(target + "/index.html")) {
                return "the page's URL ends in \"/\"";
            }
            return "no such page or file" + nearest.apply("/" + pageUrl(target));
        }
        if (!fragment.isEmpty()) {
            intoFragment.accept(target);
        }
        if (!fragment.isEmpty() && !ids.apply(target).contains(fragment)) {
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
