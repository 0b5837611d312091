package dev.guidegen.content;

import dev.guidegen.source.Fields;
import dev.guidegen.source.Ref;
import dev.guidegen.problem.DidYouMean;
import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import dev.guidegen.source.LineMap;
import dev.guidegen.source.Node;
import dev.guidegen.source.NodeReader;
import dev.guidegen.source.SourceTree;
import dev.guidegen.source.TextDecoder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The content stage: reads site.yaml, the guides and the pages into records, recording every problem. */
public final class ContentReader {

    public static final String SITE_YAML = "content/site.yaml";
    public static final String GUIDES = "content/guides/";

    /** Whether {@code path} is a guide's file: a Markdown file directly in {@link #GUIDES}. */
    public static boolean isGuideFile(String path) {
        return path.startsWith(GUIDES) && path.endsWith(".md") && path.indexOf('/', GUIDES.length()) < 0;
    }
    public static final String PAGES = "content/pages/";
    /** Occupation groups, each with a page listing its roles. */
    public static final String GROUPS = "content/groups/";
    /** Images that guides and pages show, published under /images/. */
    public static final String IMAGES = "content/images/";
    /** The salary snapshot, read by the salary stage. */
    public static final String SNAPSHOT = "content/data/salaries.json";
    public static final List<String> LEVELS = List.of("entry", "mid", "senior", "lead", "principal");
    public static final int SUMMARY_LIMIT = 160;
    /**
     * Whether {@code s} may become a URL segment: lowercase ASCII letters and digits in runs joined by
     * single hyphens, as {@code [a-z0-9]+(?:-[a-z0-9]+)*} says. Checked by hand because every build
     * checks every file's name: the regular expression's matcher was a third of what a preview's
     * rebuild allocates at 10,000 guides.
     */
    public static boolean isSlug(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == '-' || s.charAt(n - 1) == '-') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '-' ? s.charAt(i - 1) == '-' : !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> GUIDE_KEYS = new LinkedHashSet<>(List.of("title", "summary", "updated", "level",
            "experience", "group", "skills", "related", "career_path", "compare", "salary", "faq", "draft", "aliases"));
    private static final Set<String> PAGE_KEYS = Set.of("title", "summary", "draft", "aliases");
    private static final Set<String> GROUP_KEYS = Set.of("title", "summary", "draft");
    private static final Set<String> SITE_KEYS = Set.of("title", "base_url", "language", "description", "salary", "html", "cache");
    private static final Set<String> SITE_CACHE_KEYS = Set.of("assets", "pages");
    private static final Set<String> SITE_HTML_KEYS = Set.of("iframe_hosts", "unsafe");
    private static final Set<String> SITE_SALARY_KEYS = Set.of("min_sample", "max_age_days");
    private static final Set<String> FAQ_KEYS = Set.of("q", "a");

    private final MarkdownParser markdown;
    private final NodeReader yaml = NodeReader.yaml();
    private final boolean drafts;
    private final Problems problems;
    /** What raw HTML may do, from site.yaml; read before any Markdown. */
    private RawHtml html = RawHtml.DEFAULT;
    /** content/images/ by path, read before any Markdown so that images get their size. */
    private java.util.SortedMap<String, ImageFile> images = new java.util.TreeMap<>();

    /** Runs the guides and pages through the parsers on all cores; null reads them one after another. */
    private final dev.guidegen.work.Workers workers;

    public ContentReader(MarkdownParser markdown, boolean drafts, Problems problems) {
        this(markdown, drafts, problems, null);
    }

    public ContentReader(MarkdownParser markdown, boolean drafts, Problems problems, dev.guidegen.work.Workers workers) {
        this(markdown, drafts, problems, workers, null);
    }

    /** With a memo, a file parsed the same way in the memo's last build is taken from it, problems and all. */
    public ContentReader(MarkdownParser markdown, boolean drafts, Problems problems, dev.guidegen.work.Workers workers,
            ParseMemo memo) {
        this.markdown = markdown;
        this.drafts = drafts;
        this.problems = problems;
        this.workers = workers;
        this.memo = memo;
    }

    private final ParseMemo memo;
    /** Everything besides a file's own bytes that its parse reads: the raw HTML rules and the images. */
    private String context = "";

    /**
     * {@code read} run by a reader of its own on one file, or its result and problems from the memo
     * when the file and its context are unchanged since the memo's last build.
     */
    @SuppressWarnings("unchecked")
    private <T> Optional<T> once(String kind, String path, byte[] bytes,
            java.util.function.Function<ContentReader, Optional<T>> read) {
        if (memo == null) {
            return read.apply(this);
        }
        String key = kind + '\0' + path;
        ParseMemo.Entry entry = memo.files.get(key, bytes, context, () -> {
            ParseMemo.Entry kept = memo.stored(key, bytes, context);
            if (kept != null) {
                return kept;
            }
            Problems own = new Problems();
            ContentReader reader = new ContentReader(markdown, drafts, own, null, null);
            reader.html = html;
            reader.images = images;
            Optional<T> value = read.apply(reader);
            return new ParseMemo.Entry(value, own.sorted());
        });
        entry.problems().forEach(problems::add);
        return (Optional<T>) entry.value();
    }

    /** How one kind of content file is read: by a reader, from its slug, path and bytes. */
    private interface FileReader<T> {
        Optional<T> read(ContentReader reader, String slug, String path, byte[] bytes);
    }

    /** Each file of {@code folder} read, in the files' order, on all cores; empty for one that made nothing. */
    private <T> List<Optional<T>> readEach(List<Map.Entry<String, byte[]>> files, String folder, String kind, FileReader<T> read) {
        return map(files, file -> slugOf(file.getKey(), folder).flatMap(slug -> once(kind, file.getKey(), file.getValue(),
                r -> read.read(r, slug, file.getKey(), file.getValue()))));
    }

    private static String contextOf(RawHtml html, java.util.SortedMap<String, ImageFile> images) {
        StringBuilder b = new StringBuilder(html.toString());
        images.values().forEach(i -> b.append('\0').append(i.path()).append(' ').append(i.width()).append('x').append(i.height()));
        return b.toString();
    }

    /** {@code f} over every item, in the items' order, on all cores when there are workers. */
    private <T, R> List<R> map(List<T> items, java.util.function.Function<T, R> f) {
        return workers == null ? items.stream().map(f).toList() : workers.map(items, f);
    }

    public Content read(SourceTree tree) {
        SiteConfig config = readConfig(tree);
        html = config.html();
        for (Map.Entry<String, byte[]> file : tree.under(IMAGES).entrySet()) {
            Images.read(file.getKey(), file.getValue(), problems).ifPresent(image -> images.put(image.path(), image));
        }
        if (memo != null) {
            memo.begin();
            context = contextOf(html, images);
        }
        List<Guide> guides = new ArrayList<>();
        Set<String> unreadable = new java.util.TreeSet<>();
        // A guide the source stage could not or would not read exists all the same: links to it are
        // not reported again as links to nothing.
        for (var problem : tree.problems()) {
            String path = problem.pos().path();
            if (isGuideFile(path)) {
                String slug = path.substring(GUIDES.length(), path.length() - 3).toLowerCase(Locale.ROOT);
                if (isSlug(slug)) {
                    unreadable.add(slug);
                }
            }
        }
        List<Guide> leftOut = new ArrayList<>();
        List<Map.Entry<String, byte[]>> guideFiles = List.copyOf(tree.under(GUIDES).entrySet());
        List<Optional<Guide>> read = readEach(guideFiles, GUIDES, "guide", ContentReader::readGuide);
        for (int i = 0; i < guideFiles.size(); i++) {
            Optional<Guide> guide = read.get(i);
            if (guide.isEmpty()) {
                // A file whose name makes no slug was reported as such; one that does is a guide that exists.
                String name = guideFiles.get(i).getKey().substring(GUIDES.length());
                String stem = name.endsWith(".md") ? name.substring(0, name.length() - 3).toLowerCase(Locale.ROOT) : "";
                if (isSlug(stem)) {
                    unreadable.add(stem);
                }
            }
            guide.filter(g -> !drafts && g.draft()).ifPresent(leftOut::add);
            guide.filter(g -> drafts || !g.draft()).ifPresent(guides::add);
        }
        List<Group> groups = new ArrayList<>();
        List<Group> draftGroups = new ArrayList<>();
        for (Optional<Group> group : readEach(List.copyOf(tree.under(GROUPS).entrySet()), GROUPS, "group",
                ContentReader::readGroup)) {
            group.ifPresent(g -> (g.draft() && !drafts ? draftGroups : groups).add(g));
        }
        List<Page> pages = new ArrayList<>();
        List<Page> draftPages = new ArrayList<>();
        for (Optional<Page> page : readEach(List.copyOf(tree.under(PAGES).entrySet()), PAGES, "page",
                ContentReader::readPage)) {
            page.ifPresent(p -> (p.draft() && !drafts ? draftPages : pages).add(p));
        }
        for (String path : tree.under(SourceTree.CONTENT).keySet()) {
            if (!path.equals(SITE_YAML) && !path.equals(SNAPSHOT) && !path.startsWith(GUIDES) && !path.startsWith(PAGES)
                    && !path.startsWith(IMAGES) && !path.startsWith(GROUPS)) {
                problems.warning(SourcePos.start(path), "file is not part of the site and is ignored",
                        "content/ holds site.yaml, guides/*.md, groups/*.md, pages/*.md, images/ and data/salaries.json");
            }
        }
        if (memo != null) {
            memo.read();
        }
        return new Content(config, guides, pages, unreadable, leftOut, draftPages, images, groups, draftGroups);
    }

    private SiteConfig readConfig(SourceTree tree) {
        SiteConfig fallback = new SiteConfig("", "/", "en", "", 0, Integer.MAX_VALUE, RawHtml.DEFAULT, CacheRules.DEFAULT);
        if (!tree.has(SITE_YAML)) {
            if (!tree.refused(SITE_YAML)) {
                problems.error(SourcePos.start(SITE_YAML), "missing site configuration",
                        "create content/site.yaml with title, base_url, language, description and salary");
            }
            return fallback;
        }
        Optional<Fields> read = TextDecoder.decode(SITE_YAML, tree.bytes(SITE_YAML), problems)
                .flatMap(text -> {
                    if (text.isBlank()) {
                        problems.error(SourcePos.start(SITE_YAML), "empty file");
                        return Optional.empty();
                    }
                    return yaml.read(SITE_YAML, text, 0, problems);
                })
                .flatMap(node -> Fields.of(node, "site.yaml", SourcePos.start(SITE_YAML), problems));
        if (read.isEmpty()) {
            return fallback;
        }
        Fields f = read.get();
        f.warnUnknown(SITE_KEYS, "site.yaml");
        String title = f.string("title", true).map(Ref::value).orElse("");
        String baseUrl = f.string("base_url", true).map(Ref::value).orElse("/");
        if (f.has("base_url") && !baseUrl.matches("https?://[^\\s/]+/?")) {
            problems.error(f.posOf("base_url"), "\"base_url\" must be the address of a site's root, like "
                    + "https://careers.example.org/, not \"" + baseUrl + "\"",
                    "pages link to each other from the root (/roles/...), so the site cannot be served under a path");
        }
        if (!baseUrl.endsWith("/")) {
            baseUrl += "/";
        }
        String language = f.string("language", true).map(ref -> {
            if (!ref.value().matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")) {
                problems.error(ref.pos(), "\"language\" must be a language tag such as en or en-GB, not \"" + ref.value() + "\"");
            }
            return ref.value();
        }).orElse("en");
        String description = f.string("description", true).map(Ref::value).orElse("");
        int minSample = 0;
        int maxAge = Integer.MAX_VALUE;
        Optional<Fields> salary = f.has("salary")
                ? Fields.of(f.map().get("salary"), "\"salary\"", f.posOf("salary"), problems)
                : Optional.empty();
        if (!f.has("salary")) {
            problems.error(f.where(), "missing required field \"salary\"", "salary: {min_sample: 30, max_age_days: 365}");
        }
        if (salary.isPresent()) {
            Fields s = salary.get();
            s.warnUnknown(SITE_SALARY_KEYS, "salary settings");
            minSample = s.count("min_sample", true).orElse(0);
            maxAge = s.count("max_age_days", true).orElse(Integer.MAX_VALUE);
        }
        RawHtml html = RawHtml.DEFAULT;
        if (f.has("html")) {
            Optional<Fields> h = Fields.of(f.map().get("html"), "\"html\"", f.posOf("html"), problems);
            if (h.isPresent()) {
                h.get().warnUnknown(SITE_HTML_KEYS, "html settings");
                List<String> hosts = new ArrayList<>();
                for (Ref host : h.get().strings("iframe_hosts", "host names")) {
                    if (!host.value().matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+")) {
                        problems.error(host.pos(), "\"" + host.value() + "\" is not a host name",
                                "write the host alone, like www.youtube-nocookie.com, without https:// or a path");
                    } else {
                        hosts.add(host.value());
                    }
                }
                html = new RawHtml(new java.util.TreeSet<>(hosts), h.get().bool("unsafe").orElse(false));
            }
        }
        CacheRules cache = CacheRules.DEFAULT;
        if (f.has("cache")) {
            Optional<Fields> c = Fields.of(f.map().get("cache"), "\"cache\"", f.posOf("cache"), problems);
            if (c.isPresent()) {
                c.get().warnUnknown(SITE_CACHE_KEYS, "cache settings");
                cache = new CacheRules(cacheControl(c.get(), "assets").orElse(cache.assets()),
                        cacheControl(c.get(), "pages").orElse(cache.pages()));
            }
        }
        return new SiteConfig(title, baseUrl, language, description, minSample, maxAge, html, cache);
    }

    /** A Cache-Control value from site.yaml: one line of printable ASCII, as an HTTP header needs. */
    private Optional<String> cacheControl(Fields f, String key) {
        return f.string(key, false).flatMap(ref -> {
            if (!ref.value().matches("[ -~]+") || ref.value().isBlank()) {
                problems.error(ref.pos(), "\"" + key + "\" must be a Cache-Control value on one line, like "
                        + "\"public, max-age=600\"", "HTTP headers hold printable ASCII only");
                return Optional.empty();
            }
            return Optional.of(ref.value().strip());
        });
    }

    private Optional<String> slugOf(String path, String folder) {
        String name = path.substring(folder.length());
        if (!name.endsWith(".md")) {
            problems.error(SourcePos.start(path), "not a Markdown file: content files end in .md",
                    "move other files out of " + folder);
            return Optional.empty();
        }
        String stem = name.substring(0, name.length() - 3);
        String slug = stem.toLowerCase(Locale.ROOT);
        if (!isSlug(slug)) {
            problems.error(SourcePos.start(path), "file name \"" + name + "\" does not make a valid slug",
                    "use lowercase letters, digits and single hyphens, like backend-engineer.md");
            return Optional.empty();
        }
        return Optional.of(slug);
    }

    private Optional<Parsed> parseFile(String path, byte[] bytes) {
        return TextDecoder.decode(path, bytes, problems).flatMap(text ->
                FrontMatter.split(path, text, problems).flatMap(fm -> {
                    Node node = yaml.read(path, fm.yaml(), fm.yamlLineOffset(), problems).orElse(null);
                    if (node == null) {
                        return Optional.empty();
                    }
                    if (node instanceof Node.Scalar s && s.type() == Node.ScalarType.NULL) {
                        node = new Node.MapNode(SourcePos.start(path), Map.of());
                    }
                    if (!(node instanceof Node.MapNode map)) {
                        problems.error(node.pos(), "front matter must be a mapping of fields, not " + node.kind());
                        return Optional.empty();
                    }
                    return Optional.of(new Parsed(text, fm, new Fields(map, SourcePos.start(path), problems)));
                }));
    }

    private record Parsed(String text, FrontMatter fm, Fields fields) {
    }

    private Optional<Guide> readGuide(String slug, String path, byte[] bytes) {
        return parseFile(path, bytes).map(p -> {
            Fields f = p.fields();
            f.warnUnknown(GUIDE_KEYS, Set.of("draft"), "guide front matter");
            String title = f.string("title", true).map(Ref::value).orElse(slug);
            String summary = summary(f);
            var updated = f.date("updated", true).orElse(null);
            String level = f.string("level", false).map(ref -> {
                if (!LEVELS.contains(ref.value())) {
                    problems.error(ref.pos(), "unknown level \"" + ref.value() + "\"" + DidYouMean.suffix(ref.value(), LEVELS),
                            "levels: " + String.join(", ", LEVELS));
                    return "";
                }
                return ref.value();
            }).orElse("");
            String experience = f.string("experience", false).map(Ref::value).orElse("");
            // A "group:" with nothing after it is reported here, once; an empty group is never missing as well.
            Ref group = f.string("group", false).orElse(null);
            if (group == null && f.map().get("group") != null) {
                if (f.map().get("group") instanceof Node.Scalar s && s.type() == Node.ScalarType.NULL) {
                    problems.error(f.posOf("group"), "\"group\" is empty", "name the group, like group: backend");
                }
                group = new Ref("", f.posOf("group"));
            }
            List<Ref> skills = f.strings("skills", "skill names");
            List<Ref> related = f.strings("related", "guide slugs");
            List<Ref> careerPath = f.strings("career_path", "ladder steps (guide slugs or step titles)");
            List<Ref> compare = f.strings("compare", "guide slugs");
            // "salary: false" says the role has no pay figures; any other value names a snapshot role.
            boolean salaryOff = false;
            Optional<Ref> salary;
            if (f.map().get("salary") instanceof Node.Scalar s && s.type() == Node.ScalarType.BOOLEAN) {
                salary = Optional.empty();
                salaryOff = !f.bool("salary").orElse(false);
                if (!salaryOff) {
                    problems.error(s.pos(), "\"salary\" names a role in content/data/salaries.json, or is false; it cannot be "
                            + s.text(), "leave \"salary\" out to use the role named like the guide's file");
                }
            } else {
                salary = f.string("salary", false);
            }
            Ref salaryKey = salary.orElse(new Ref(slug, SourcePos.start(path)));
            boolean draft = f.bool("draft").orElse(false);
            List<FaqEntry> faq = new ArrayList<>();
            LineMap fileLines = new LineMap(p.text());
            for (Fields item : f.mappings("faq", "questions, each {q, a}")) {
                item.warnUnknown(FAQ_KEYS, "a FAQ entry");
                Optional<Ref> q = item.string("q", true);
                Optional<Ref> a = item.string("a", true);
                if (q.isPresent() && a.isPresent()) {
                    int start = fileLines.offset(a.get().pos());
                    String idPrefix = slug + ".faq-" + (faq.size() + 1) + ".";
                    Markdown answer = markdown.parse(path, a.get().value(), idPrefix, html, images, off -> locate(p.text(), fileLines, start,
                            a.get().value(), off, a.get().pos()), problems);
                    faq.add(new FaqEntry(q.get().value(), answer, q.get().pos()));
                }
            }
            Markdown body = parseBody(path, p, fileLines);
            List<Ref> aliases = f.strings("aliases", "old slugs");
            return new Guide(slug, path, title, summary, updated, level, experience, group, skills, related, careerPath, compare,
                    salaryKey, salary.isPresent(), salaryOff, faq, draft, body, aliases);
        });
    }

    private Optional<Group> readGroup(String key, String path, byte[] bytes) {
        return readPlain(key, path, bytes, GROUP_KEYS, "group front matter")
                .map(p -> new Group(key, path, p.title(), p.summary(), p.draft(), p.body()));
    }

    private Optional<Page> readPage(String slug, String path, byte[] bytes) {
        return readPlain(slug, path, bytes, PAGE_KEYS, "page front matter")
                .map(p -> new Page(slug, path, p.title(), p.summary(), p.draft(), p.body(), p.aliases()));
    }

    /** What pages and groups share: a title, a summary, a draft flag and a Markdown body. */
    private record Plain(String title, String summary, boolean draft, Markdown body, List<Ref> aliases) {
    }

    private Optional<Plain> readPlain(String slug, String path, byte[] bytes, Set<String> keys, String what) {
        return parseFile(path, bytes).map(p -> {
            Fields f = p.fields();
            f.warnUnknown(keys, Set.of("draft"), what);
            String title = f.string("title", true).map(Ref::value).orElse(slug);
            String summary = summary(f);
            boolean draft = f.bool("draft").orElse(false);
            List<Ref> aliases = keys.contains("aliases") ? f.strings("aliases", "old slugs") : List.of();
            return new Plain(title, summary, draft, parseBody(path, p, new LineMap(p.text())), aliases);
        });
    }

    private String summary(Fields f) {
        return f.string("summary", true).map(ref -> {
            if (ref.value().length() > SUMMARY_LIMIT) {
                problems.warning(ref.pos(), "summary is " + ref.value().length() + " characters; search engines cut it after "
                        + SUMMARY_LIMIT, "keep the summary to one sentence of at most " + SUMMARY_LIMIT + " characters");
            }
            return ref.value();
        }).orElse("");
    }

    /**
     * The file's body parsed, its places found with {@code fileLines}, the file's line map: the body
     * is the end of the file's text, from the start of the line after the front matter (an empty body
     * after a last line "---" has no places to find).
     */
    private Markdown parseBody(String path, Parsed p, LineMap fileLines) {
        String body = p.fm().body();
        int start = p.text().length() - body.length();
        return markdown.parse(path, body, html, images, off -> fileLines.pos(path, start + off), problems);
    }

    /**
     * Where a character of a YAML string value sits in its file. Folding and quoting change the
     * text between file and value, so the value's line is searched for the same text; failing
     * that, the value's own position is the answer.
     */
    private static SourcePos locate(String file, LineMap lines, int start, String value, int offset, SourcePos fallback) {
        int lineEnd = value.indexOf('\n', offset);
        String needle = value.substring(offset, lineEnd < 0 ? value.length() : lineEnd);
        if (needle.length() > 40) {
            needle = needle.substring(0, 40);
        }
        // Quoting and indentation only ever add characters between value and file, so the text
        // sits at or after start + offset; searching from there tells repeated links apart.
        int found = needle.isEmpty() ? -1 : file.indexOf(needle, Math.min(file.length(), start + offset));
        if (found < 0 && !needle.isEmpty()) {
            found = file.indexOf(needle, start);
        }
        return found < 0 ? fallback : lines.pos(fallback.path(), found);
    }
}
