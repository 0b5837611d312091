package dev.guidegen.site;

import dev.guidegen.content.Content;
import dev.guidegen.content.ContentReader;
import dev.guidegen.content.FaqEntry;
import dev.guidegen.content.Guide;
import dev.guidegen.content.Heading;
import dev.guidegen.content.ImageFile;
import dev.guidegen.content.Markdown;
import dev.guidegen.content.Page;
import dev.guidegen.source.Ref;
import dev.guidegen.problem.DidYouMean;
import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import dev.guidegen.salary.Pay;
import dev.guidegen.salary.RoleSalary;
import dev.guidegen.salary.Snapshot;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The site stage: gives every guide, page and skill its URL, resolves and checks every cross-link
 * (related, career_path, Markdown links and anchors), and works out related roles, backlinks and pay.
 */
public final class SiteBuilder {

    private static final int RELATED_LIMIT = 5;
    private static final String DRAFT_HINT = "build with --drafts to preview, or link to it once it is published";

    private final Content content;
    private final Problems problems;
    /** Guides and pages that exist but are not in this build; links to them are reported for what they are. */
    private final Set<String> unreadable;
    private final Set<String> drafts;
    private final Set<String> draftPages;
    /** Each skill name's slug, worked out once however many guides name the skill. */
    private final Map<String, String> skillSlugs = new java.util.concurrent.ConcurrentHashMap<>();

    /** Related roles by shared skills, kept across builds in one process; a fresh one for a build of its own. */
    private final SkillMemo skillMemo;
    /** The build's threads. */
    private final dev.guidegen.work.Workers workers;

    /**
     * Each guide's links are checked, and its role made, on all of {@code workers}; the results are
     * gathered in slug order, as one thread would make them.
     */
    public SiteBuilder(Content content, Problems problems, SkillMemo skillMemo, dev.guidegen.work.Workers workers) {
        this.workers = workers;
        this.skillMemo = skillMemo;
        this.content = content;
        this.problems = problems;
        this.unreadable = content.unreadable();
        this.drafts = Set.copyOf(content.drafts().stream().map(Guide::slug).toList());
        this.draftPages = Set.copyOf(content.draftPages().stream().map(Page::slug).toList());
    }

    /** {@code files} are the URLs of files the build copies or writes besides pages, such as /assets/site.css. */
    public Site build(Snapshot snapshot, Set<String> files) {
        SortedMap<String, Guide> guides = unique(content.guides(), Guide::slug, Guide::path);
        SortedMap<String, Page> pages = unique(content.pages(), Page::slug, Page::path);
        SortedMap<String, dev.guidegen.content.Group> groups = unique(content.groups(), dev.guidegen.content.Group::key,
                dev.guidegen.content.Group::path);
        Map<String, String> groupOf = groupsOf(guides, groups);
        for (Page page : pages.values()) {
            if (Urls.RESERVED.contains(page.slug())) {
                problems.error(SourcePos.start(page.path()), "page name \"" + page.slug() + "\" is taken by the site's own "
                        + "/" + page.slug() + "/ URL", "rename the file");
            }
        }
        Map<String, RoleSalary> usedRoles = new HashMap<>();
        Map<String, Pay> pays = new HashMap<>();
        for (Guide g : guides.values()) {
            RoleSalary salary = salaryOf(g, snapshot);
            if (salary != null) {
                usedRoles.put(salary.key(), salary);
            }
            pays.put(g.slug(), Pay.resolve(salary, salary == null ? null : snapshot.categories().get(salary.category()),
                    content.config().minSample()));
        }
        Map<String, Set<String>> anchors = new HashMap<>();
        for (Guide g : guides.values()) {
            Set<String> ids = new TreeSet<>(GuideSections.idsOf(g, pays.get(g.slug())));
            for (FaqEntry q : g.faq()) {
                for (Ref id : q.answer().rawIds()) {
                    problems.error(id.pos(), "id \"" + id.value() + "\" in a FAQ answer: answers show on several pages, "
                            + "where ids could clash", "link to the question instead, as #faq-N");
                }
            }
            for (int i = 1; i <= g.faq().size(); i++) {
                ids.add(GuideSections.faqId(i));
            }
            for (Heading h : g.body().headings()) {
                if (GuideSections.isTaken(h.id())) {
                    problems.error(h.pos(), "heading \"" + h.text() + "\" takes the id \"" + h.id()
                            + "\", which the guide page uses for its own section", "reword the heading");
                }
                ids.add(h.id());
            }
            addRawIds(g.body(), ids);
            anchors.put(g.path(), ids);
        }
        for (Page p : pages.values()) {
            for (Heading h : p.body().headings()) {
                if (h.id().equals(GuideSections.MAIN)) {
                    problems.error(h.pos(), "heading \"" + h.text() + "\" takes the id \"main\", which the page uses for its "
                            + "main content", "reword the heading");
                }
            }
            Set<String> ids = new TreeSet<>(p.body().headings().stream().map(Heading::id).toList());
            ids.add(GuideSections.MAIN);
            addRawIds(p.body(), ids);
            ids.remove(GuideSections.MAIN);
            anchors.put(p.path(), ids);
        }

        SortedMap<String, Comparison> comparisons = comparisons(guides);
        SortedMap<String, Skill> skills = skills(guides);
        Set<String> skillUrls = new TreeSet<>();
        skills.values().forEach(sk -> skillUrls.add(sk.url()));
        Set<String> linkable = new TreeSet<>(files);
        linkable.addAll(comparisons.keySet());
        groups.keySet().forEach(key -> {
            linkable.add(Urls.group(key));
            linkable.add(Urls.FAQ + key + "/");
            linkable.add(Urls.SALARIES + key + "/");
        });
        LinkChecker checker = new LinkChecker(guides, pages, anchors, skillUrls, linkable);
        Map<String, Map<String, String>> links = new TreeMap<>();
        // Each guide's backlinks, looked up by slug and sorted by title when its role is made.
        Map<String, Set<String>> linkedFrom = new HashMap<>();
        List<Guide> guideList = List.copyOf(guides.values());
        // Each guide's links resolved, and the guides it links to, worked out on all cores and gathered in order.
        List<Checked> checked = workers.map(guideList, g -> {
            Set<String> targets = new TreeSet<>();
            Map<String, String> resolved = new TreeMap<>();
            checker.check(g.path(), g.body(), resolved, targets);
            for (FaqEntry q : g.faq()) {
                checker.check(g.path(), q.answer(), resolved, targets);
            }
            for (Ref r : g.related()) {
                if (checkGuideRef(r, "related", guides)) {
                    targets.add(r.value());
                }
            }
            targets.addAll(ladderSlugs(g, guides));
            targets.remove(g.slug());
            return new Checked(resolved, targets);
        });
        for (int i = 0; i < guideList.size(); i++) {
            Guide g = guideList.get(i);
            links.put(g.path(), checked.get(i).resolved());
            for (String t : checked.get(i).targets()) {
                linkedFrom.computeIfAbsent(t, k -> new java.util.HashSet<>()).add(g.slug());
            }
        }
        for (Page p : pages.values()) {
            Map<String, String> resolved = new TreeMap<>();
            checker.check(p.path(), p.body(), resolved, new TreeSet<>());
            links.put(p.path(), resolved);
        }

        SortedMap<String, Set<String>> skillSets = new TreeMap<>();
        guides.values().forEach(g -> skillSets.put(g.slug(), skillSet(g)));
        skillMemo.begin(skillSets);
        // Each guide's comparisons, found in one pass rather than one pass per guide.
        Map<String, List<String>> comparedWithOf = new HashMap<>();
        for (Comparison c : comparisons.values()) {
            comparedWithOf.computeIfAbsent(c.a(), k -> new ArrayList<>()).add(c.b());
            comparedWithOf.computeIfAbsent(c.b(), k -> new ArrayList<>()).add(c.a());
        }
        SortedMap<String, Role> roles = new TreeMap<>();
        // Backlinks and comparisons sort by the title of the guide they name: looked up by hashing, not
        // down the sorted map, several times for each guide.
        Map<String, Guide> bySlug = new HashMap<>(guides);
        Comparator<String> byTitle = Comparator.comparing((String s) -> bySlug.get(s).title()).thenComparing(s -> s);
        List<Role> made = workers.map(guideList, g -> {
            Pay pay = pays.get(g.slug());
            List<String> skillSlugs = g.skills().stream().map(s -> slugOf(s.value())).filter(skills::containsKey)
                    .distinct().toList();
            List<String> backlinks = linkedFrom.getOrDefault(g.slug(), Set.of()).stream().sorted(byTitle).toList();
            List<String> comparedWith = comparedWithOf.getOrDefault(g.slug(), List.of()).stream().distinct()
                    .sorted(byTitle).toList();
            return new Role(g, groupOf.getOrDefault(g.slug(), ""), pay, ladder(g, bySlug), skillSlugs,
                    related(g, bySlug),
                    backlinks, comparedWith);
        });
        made.forEach(role -> roles.put(role.guide().slug(), role));
        content.drafts().stream().filter(d -> !d.salaryOff()).forEach(d -> usedRoles.putIfAbsent(d.salaryKey().value(), null));
        checkSnapshotUse(snapshot, usedRoles, guides, content.config().maxAgeDays());
        SortedMap<String, dev.guidegen.content.ImageFile> images = new TreeMap<>();
        content.images().values().forEach(i -> images.put(i.url(), i));
        return new Site(content.config(), snapshot, roles, List.copyOf(pages.values()), skills, links, images, comparisons, groups,
                aliases(guides, pages));
    }

    /** What checking one guide's links gives: its links resolved, and the guides it links to. */
    private record Checked(Map<String, String> resolved, Set<String> targets) {
    }

    /**
     * Each old URL that redirects, to the URL it redirects to: a guide's aliases under /roles/ (with
     * its FAQ page's), a page's at the top. An alias that is not a slug, that is a URL the site
     * uses, or that another alias claimed first, is an error at its place.
     */
    private SortedMap<String, String> aliases(SortedMap<String, Guide> guides, SortedMap<String, Page> pages) {
        SortedMap<String, String> out = new TreeMap<>();
        Map<String, SourcePos> claimed = new HashMap<>();
        java.util.function.BiPredicate<Ref, String> claim = (alias, url) -> {
            if (!dev.guidegen.content.ContentReader.isSlug(alias.value())) {
                problems.error(alias.pos(), "alias \"" + alias.value() + "\" is not a slug",
                        "an alias is an old file name without .md: lowercase letters, digits and single hyphens");
                return false;
            }
            SourcePos first = claimed.putIfAbsent(url, alias.pos());
            if (first != null) {
                problems.error(alias.pos(), "alias \"" + alias.value() + "\" is claimed twice: " + first + " has it too",
                        "an old URL can redirect to one place only; keep it where it belongs");
                return false;
            }
            return true;
        };
        for (Guide g : guides.values()) {
            for (Ref alias : g.aliases()) {
                String slug = alias.value();
                if (guides.containsKey(slug) || unreadable.contains(slug) || drafts.contains(slug)) {
                    problems.error(alias.pos(), "alias \"" + slug + "\" is the URL of a guide, " + Urls.guide(slug),
                            "an alias is an old slug that no guide uses now; remove it here or rename that guide");
                } else if (claim.test(alias, Urls.guide(slug))) {
                    out.put(Urls.guide(slug), Urls.guide(g.slug()));
                    if (!g.faq().isEmpty()) {
                        out.put(Urls.guideFaq(slug), Urls.guideFaq(g.slug()));
                    }
                }
            }
        }
        for (Page p : pages.values()) {
            for (Ref alias : p.aliases()) {
                String slug = alias.value();
                if (pages.containsKey(slug) || draftPages.contains(slug) || Urls.RESERVED.contains(slug)) {
                    problems.error(alias.pos(), "alias \"" + slug + "\" is a URL the site uses, " + Urls.page(slug),
                            "an alias is an old slug that no page uses now; remove it");
                } else if (claim.test(alias, Urls.page(slug))) {
                    out.put(Urls.page(slug), Urls.page(p.slug()));
                }
            }
        }
        return out;
    }

    /** Adds the ids raw HTML gives elements to a page's {@code ids}, reporting one the page already has. */
    private void addRawIds(Markdown md, Set<String> ids) {
        for (Ref id : md.rawIds()) {
            if (GuideSections.isTaken(id.value()) || !ids.add(id.value())) {
                problems.error(id.pos(), "id \"" + id.value() + "\" is already on the page, "
                        + (GuideSections.isTaken(id.value()) ? "for its own section" : "on a heading or another element"),
                        "choose another id");
            }
        }
    }

    /**
     * Each guide's group. When the site has groups, every guide names one of them; a site without
     * content/groups/ has none, and a guide there may not name one.
     */
    private Map<String, String> groupsOf(Map<String, Guide> guides, Map<String, dev.guidegen.content.Group> groups) {
        Set<String> draftGroups = new TreeSet<>(content.draftGroups().stream().map(dev.guidegen.content.Group::key).toList());
        Map<String, String> out = new HashMap<>();
        for (Guide g : guides.values()) {
            Ref ref = g.group();
            if (ref == null) {
                if (!groups.isEmpty()) {
                    problems.error(g.start(), "missing required field \"group\": this site sorts every guide into a group",
                            DidYouMean.known("groups", groups.keySet()));
                }
            } else if (ref.value().isEmpty()) {
                continue; // an empty "group:" was reported where it is written
            } else if (groups.containsKey(ref.value())) {
                out.put(g.slug(), ref.value());
            } else if (draftGroups.contains(ref.value())) {
                problems.error(ref.pos(), "group \"" + ref.value() + "\" is a draft, left out of this build", DRAFT_HINT);
            } else {
                problems.error(ref.pos(), "unknown group \"" + ref.value() + "\"" + DidYouMean.suffix(ref.value(), groups.keySet()),
                        groups.isEmpty() ? "create content/groups/" + ref.value() + ".md to make the group"
                                : DidYouMean.known("groups", ref.value(), groups.keySet()));
            }
        }
        return out;
    }

    /**
     * The pairs of guides that get a comparison page: every two adjacent steps of a career ladder
     * that are both guides, and every pair a guide names under "compare".
     */
    private SortedMap<String, Comparison> comparisons(Map<String, Guide> guides) {
        Map<String, String> before = new TreeMap<>();
        SortedMap<String, String[]> pairs = new TreeMap<>();
        for (Guide g : guides.values()) {
            List<Ref> steps = g.careerPath();
            for (int i = 0; i + 1 < steps.size(); i++) {
                String x = steps.get(i).value();
                String y = steps.get(i + 1).value();
                if (guides.containsKey(x) && guides.containsKey(y) && !x.equals(y)) {
                    String url = Urls.compare(x, y);
                    pairs.putIfAbsent(url, x.compareTo(y) < 0 ? new String[] {x, y} : new String[] {y, x});
                    before.putIfAbsent(url, x);
                }
            }
            for (Ref r : g.compare()) {
                if (r.value().equals(g.slug())) {
                    problems.error(r.pos(), "\"compare\" lists the guide itself", "list other guides only");
                } else if (checkGuideRef(r, "compare", guides)) {
                    String x = g.slug();
                    String y = r.value();
                    pairs.putIfAbsent(Urls.compare(x, y), x.compareTo(y) < 0 ? new String[] {x, y} : new String[] {y, x});
                }
            }
        }
        SortedMap<String, Comparison> out = new TreeMap<>();
        pairs.forEach((url, ab) -> out.put(url, new Comparison(ab[0], ab[1], before.getOrDefault(url, ""))));
        return out;
    }

    /** Keeps the first of several files with one slug (slugs compare without case) and reports the others. */
    private <T> SortedMap<String, T> unique(List<T> items, java.util.function.Function<T, String> slug,
            java.util.function.Function<T, String> path) {
        SortedMap<String, T> out = new TreeMap<>();
        for (T item : items) {
            String key = slug.apply(item);
            T first = out.get(key);
            if (first == null) {
                out.put(key, item);
            } else {
                problems.error(SourcePos.start(path.apply(item)), "duplicate slug \"" + key + "\": "
                        + path.apply(first) + " has it too", "slugs ignore case; rename one of the files");
            }
        }
        return out;
    }

    private boolean checkGuideRef(Ref ref, String field, Map<String, Guide> guides) {
        if (guides.containsKey(ref.value())) {
            return true;
        }
        if (unreadable.contains(ref.value())) {
            return false;
        }
        if (drafts.contains(ref.value())) {
            problems.error(ref.pos(), "guide \"" + ref.value() + "\" in " + field + " is a draft, left out of this build",
                    DRAFT_HINT);
            return false;
        }
        problems.error(ref.pos(), "unknown guide \"" + ref.value() + "\" in " + field
                + DidYouMean.suffix(ref.value(), guides.keySet()), DidYouMean.known("guides", ref.value(), guides.keySet()));
        return false;
    }

    private List<LadderStep> ladder(Guide g, Map<String, Guide> guides) {
        List<LadderStep> steps = new ArrayList<>();
        for (Ref r : g.careerPath()) {
            if (guides.containsKey(r.value())) {
                steps.add(new LadderStep(guides.get(r.value()).title(), r.value()));
            } else if (!ContentReader.isSlug(r.value())) {
                steps.add(new LadderStep(r.value(), ""));
            }
        }
        return steps;
    }

    /** The guides a ladder names, reporting slug-like steps that name none. */
    private Set<String> ladderSlugs(Guide g, Map<String, Guide> guides) {
        Set<String> slugs = new TreeSet<>();
        for (Ref r : g.careerPath()) {
            if (ContentReader.isSlug(r.value()) && checkGuideRef(r, "career_path", guides)) {
                slugs.add(r.value());
            }
        }
        return slugs;
    }

    /** The explicit related guides first, then those sharing the most skills, at most five. */
    private List<String> related(Guide g, Map<String, Guide> guides) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Ref r : g.related()) {
            if (r.value().equals(g.slug())) {
                problems.warning(r.pos(), "\"related\" lists the guide itself", "list other guides only");
            } else if (guides.containsKey(r.value())) {
                out.add(r.value());
            }
        }
        if (out.size() < RELATED_LIMIT) {
            out.addAll(skillMemo.nearest(g.slug(), out, RELATED_LIMIT - out.size()));
        }
        return out.stream().limit(RELATED_LIMIT).toList();
    }

    private Set<String> skillSet(Guide g) {
        Set<String> s = new TreeSet<>();
        g.skills().forEach(r -> s.add(slugOf(r.value())));
        return s;
    }

    private String slugOf(String skillName) {
        return skillSlugs.computeIfAbsent(skillName, Urls::slugify);
    }

    private SortedMap<String, Skill> skills(Map<String, Guide> guides) {
        Map<String, String> names = new TreeMap<>();
        Map<String, Set<String>> users = new TreeMap<>();
        for (Guide g : guides.values()) {
            for (Ref r : g.skills()) {
                String slug = slugOf(r.value());
                if (slug.isEmpty()) {
                    problems.error(r.pos(), "skill \"" + r.value() + "\" has no letters or digits from a to z or 0 to 9 to name its page",
                            "skill pages are named in ASCII, like /skills/sql/");
                    continue;
                }
                if (slug.length() > dev.guidegen.problem.Limits.MAX_SLUG_CHARS) {
                    problems.error(r.pos(), "skill name is too long for a page name: its URL segment would be "
                            + slug.length() + " characters, and at most " + dev.guidegen.problem.Limits.MAX_SLUG_CHARS
                            + " are allowed", "name the skill in a few words; say more in the guide's text");
                    continue;
                }
                String known = names.putIfAbsent(slug, r.value());
                if (known != null && !known.equals(r.value())) {
                    problems.warning(r.pos(), "skill \"" + r.value() + "\" is written \"" + known + "\" elsewhere",
                            "spell a skill the same way in every guide");
                }
                users.computeIfAbsent(slug, k -> new TreeSet<>()).add(g.slug());
            }
        }
        SortedMap<String, Skill> out = new TreeMap<>();
        names.forEach((slug, name) -> out.put(slug, new Skill(slug, name, List.copyOf(users.get(slug)))));
        return out;
    }

    private RoleSalary salaryOf(Guide g, Snapshot snapshot) {
        Ref key = g.salaryKey();
        if (g.salaryOff()) {
            return null; // the editor says there are no figures for this role: nothing to warn about
        }
        RoleSalary role = snapshot.roles().get(key.value());
        if (role == null && !snapshot.roles().isEmpty()) {
            String message = "salary role \"" + key.value() + "\" is not in the snapshot"
                    + DidYouMean.suffix(key.value(), snapshot.roles().keySet());
            if (g.salaryGiven()) {
                problems.error(key.pos(), message, DidYouMean.known("roles", key.value(), snapshot.roles().keySet()));
            } else {
                problems.warning(key.pos(), message + "; the page shows no pay figures",
                        "add an entry under roles in content/data/salaries.json, point \"salary:\" at one, or write"
                                + " \"salary: false\" to say the role has no figures");
            }
        }
        return role;
    }

    private void checkSnapshotUse(Snapshot snapshot, Map<String, RoleSalary> used, Map<String, Guide> guides, int maxAgeDays) {
        for (RoleSalary role : snapshot.roles().values()) {
            if (!used.containsKey(role.key()) && unreadable.isEmpty()) {
                problems.warning(role.pos(), "salary role \"" + role.key() + "\" is not used by any guide",
                        "remove it, or point a guide at it with \"salary: " + role.key() + "\"");
            }
        }
        // A build never reads the clock, so a date in the future shows only against the other dates:
        // the snapshot is compared with the newest guide, in both directions.
        Guide newest = guides.values().stream().filter(g -> g.updated() != null)
                .max(Comparator.comparing(Guide::updated).thenComparing(Guide::slug)).orElse(null);
        if (snapshot.date() != null && newest != null) {
            long age = ChronoUnit.DAYS.between(snapshot.date(), newest.updated());
            if (age > maxAgeDays) {
                problems.warning(snapshot.datePos(), "the snapshot (" + snapshot.date() + ") is " + age
                        + " days older than the newest guide (" + newest.updated() + ", " + newest.path()
                        + "); the limit is " + maxAgeDays + " days",
                        "refresh content/data/salaries.json, or check the year of that guide's \"updated\"");
            } else if (-age > maxAgeDays) {
                problems.warning(snapshot.datePos(), "the snapshot (" + snapshot.date() + ") is " + -age
                        + " days newer than the newest guide (" + newest.updated() + "); the limit is " + maxAgeDays + " days",
                        "check the year of snapshot_date, or review the guides against the new figures");
            }
        }
    }

    /** Resolves the relative Markdown links of one file, recording each broken one where it was written. */
    private final class LinkChecker {
        private final Map<String, Guide> guides;
        private final Map<String, Page> pages;
        private final Map<String, Set<String>> anchors;

        /** Every URL the build makes, to the source file whose headings are its anchors (null: not checked here). */
        private final Map<String, String> siteUrls = new HashMap<>();

        /** content/images/ by source path, and the URLs they are published at. */
        private final Map<String, ImageFile> images = new HashMap<>();
        private final Set<String> imageUrls = new TreeSet<>();

        LinkChecker(Map<String, Guide> guides, Map<String, Page> pages, Map<String, Set<String>> anchors,
                Set<String> skillUrls, Set<String> files) {
            content.images().forEach((path, image) -> {
                images.put(path, image);
                imageUrls.add(image.url());
            });
            this.guides = guides;
            this.pages = pages;
            this.anchors = anchors;
            for (String url : List.of(Urls.HOME, Urls.FAQ, Urls.SALARIES, Urls.SKILLS, Urls.NOT_FOUND)) {
                siteUrls.put(url, null);
            }
            guides.values().forEach(g -> {
                siteUrls.put(Urls.guide(g.slug()), g.path());
                if (!g.faq().isEmpty()) {
                    siteUrls.put(Urls.guideFaq(g.slug()), null);
                }
            });
            pages.values().forEach(p -> siteUrls.put(Urls.page(p.slug()), p.path()));
            skillUrls.forEach(u -> siteUrls.put(u, null));
            files.forEach(f -> siteUrls.put(f, null));
            imageUrls.forEach(u -> siteUrls.put(u, null));
        }

        void check(String from, Markdown md, Map<String, String> resolved, Set<String> guideTargets) {
            for (Ref link : md.links()) {
                check(from, link, false, resolved, guideTargets);
            }
            for (Ref image : md.images()) {
                check(from, image, true, resolved, guideTargets);
            }
        }

        private void check(String from, Ref link, boolean image, Map<String, String> resolved, Set<String> guideTargets) {
            String url = link.value();
            if (Urls.hasUnsafeScheme(url)) {
                problems.error(link.pos(), "link \"" + url + "\" uses the scheme \"" + Urls.scheme(url)
                        + ":\", which is not allowed", "links may use http:, https:, mailto: and tel:");
                return;
            }
            String base = content.config().baseUrl();
            if (base.length() > 1 && url.startsWith(base) && !image) {
                // The site's own address, written in full: checked like the site URL it names.
                checkSiteUrl(link, "/" + url.substring(base.length()), guideTargets);
                return;
            }
            if (url.isEmpty() || Urls.isExternal(url)) {
                return;
            }
            if (url.startsWith("/")) {
                if (image) {
                    checkImageUrl(link);
                } else {
                    checkSiteUrl(link, guideTargets);
                }
                return;
            }
            int hash = url.indexOf('#');
            String path = hash < 0 ? url : url.substring(0, hash);
            String fragment = hash < 0 ? "" : url.substring(hash + 1);
            if (path.isEmpty()) {
                // FAQ answers show on the FAQ pages too, so an anchor in a guide points at the guide's own URL.
                if (checkAnchor(link, from, fragment) && from.startsWith(ContentReader.GUIDES)) {
                    resolved.put(url, Urls.guide(stem(from, ContentReader.GUIDES)) + url);
                }
                return;
            }
            String inFolder = from.substring(0, from.lastIndexOf('/') + 1);
            String file = Urls.normalise(inFolder + path);
            if (file != null && file.startsWith(ContentReader.IMAGES)) {
                ImageFile found = images.get(file);
                if (found == null) {
                    problems.error(link.pos(), "broken " + (image ? "image" : "link") + " \"" + url + "\": no file " + file
                            + DidYouMean.suffix(file, images.keySet()), DidYouMean.known("images", file, images.keySet()));
                    return;
                }
                resolved.put(url, found.url());
                return;
            }
            if (image) {
                problems.error(link.pos(), "image \"" + url + "\" is not in content/images/",
                        "put the file in content/images/ and write its path from this file, like ../images/chart.png");
                return;
            }
            if (!path.endsWith(".md")) {
                problems.error(link.pos(), "link \"" + url + "\" is not a content file or site URL",
                        "link to a guide as backend-engineer.md, to a page as ../pages/about.md, or to a site URL such as /salaries/");
                return;
            }
            String target = Urls.normalise(from.substring(0, from.lastIndexOf('/') + 1) + path);
            if (target != null && !target.startsWith("content/")) {
                target = null;
            }
            String result = null;
            if (target != null && target.startsWith(ContentReader.GUIDES) && target.indexOf('/', ContentReader.GUIDES.length()) < 0) {
                String slug = stem(target, ContentReader.GUIDES);
                Guide g = guides.get(slug);
                if (g == null && unreadable.contains(slug)) {
                    return;
                }
                if (g == null && drafts.contains(slug)) {
                    problems.error(link.pos(), "broken link \"" + url + "\": guide \"" + slug
                            + "\" is a draft, left out of this build", DRAFT_HINT);
                    return;
                }
                if (g == null) {
                    problems.error(link.pos(), "broken link \"" + url + "\": no guide \"" + slug + "\""
                            + DidYouMean.suffix(slug, guides.keySet()), DidYouMean.known("guides", slug, guides.keySet()));
                    return;
                }
                guideTargets.add(slug);
                result = Urls.guide(slug);
                target = g.path(); // slugs ignore case: "Backend-Engineer.md" may be the file that holds the headings
            } else if (target != null && target.startsWith(ContentReader.PAGES) && target.indexOf('/', ContentReader.PAGES.length()) < 0) {
                String slug = stem(target, ContentReader.PAGES);
                if (!pages.containsKey(slug) && draftPages.contains(slug)) {
                    problems.error(link.pos(), "broken link \"" + url + "\": page \"" + slug
                            + "\" is a draft, left out of this build", DRAFT_HINT);
                    return;
                }
                if (!pages.containsKey(slug)) {
                    problems.error(link.pos(), "broken link \"" + url + "\": no page \"" + slug + "\""
                            + DidYouMean.suffix(slug, pages.keySet()), DidYouMean.known("pages", slug, pages.keySet()));
                    return;
                }
                result = Urls.page(slug);
                target = pages.get(slug).path();
            } else {
                problems.error(link.pos(), "broken link \"" + url + "\": " + (target == null ? "it leaves content/" : target
                        + " is neither a guide nor a page"), "guides live in content/guides/, pages in content/pages/");
                return;
            }
            if (!fragment.isEmpty() && !checkAnchor(link, target, fragment)) {
                return;
            }
            resolved.put(url, fragment.isEmpty() ? result : result + "#" + fragment);
        }

        /** An image written as a site URL ("/images/chart.png") must name a file of content/images/. */
        private void checkImageUrl(Ref link) {
            String url = link.value();
            int cut = url.indexOf('?') >= 0 ? url.indexOf('?') : url.indexOf('#');
            String path = cut < 0 ? url : url.substring(0, cut);
            if (!imageUrls.contains(path)) {
                problems.error(link.pos(), "broken image \"" + url + "\": no image at " + path
                        + DidYouMean.suffix(path, imageUrls), DidYouMean.known("images", path, imageUrls));
            }
        }

        /** A link written as a site URL ("/salaries/", "/roles/x/#pay") must name a page or file the build makes. */
        private void checkSiteUrl(Ref link, Set<String> guideTargets) {
            checkSiteUrl(link, link.value(), guideTargets);
        }

        private void checkSiteUrl(Ref link, String url, Set<String> guideTargets) {
            int hash = url.indexOf('#');
            String path = hash < 0 ? url : url.substring(0, hash);
            String fragment = hash < 0 ? "" : url.substring(hash + 1);
            int query = path.indexOf('?');
            path = query < 0 ? path : path.substring(0, query);
            if (!siteUrls.containsKey(path)) {
                boolean file = path.substring(path.lastIndexOf('/') + 1).contains(".");
                problems.error(link.pos(), "broken link \"" + link.value() + "\": no " + (file ? "file" : "page") + " at " + path
                        + DidYouMean.suffix(path, siteUrls.keySet().stream()
                                .filter(u -> u.substring(u.lastIndexOf('/') + 1).contains(".") == file).toList()),
                        file || path.endsWith("/") ? null : "site URLs end in \"/\", like /roles/backend-engineer/");
                return;
            }
            String source = siteUrls.get(path);
            if (path.startsWith("/roles/") && source != null && source.startsWith(ContentReader.GUIDES)) {
                guideTargets.add(stem(source, ContentReader.GUIDES));
            }
            if (!fragment.isEmpty() && source != null) {
                checkAnchor(link, source, fragment);
            }
        }

        private boolean checkAnchor(Ref link, String target, String fragment) {
            Set<String> ids = anchors.getOrDefault(target, Set.of());
            if (ids.contains(fragment)) {
                return true;
            }
            problems.error(link.pos(), "broken link \"" + link.value() + "\": no heading \"#" + fragment + "\" in " + target
                    + DidYouMean.nearest(fragment, ids).map(n -> " (did you mean \"#" + n + "\"?)").orElse(""),
                    "anchors are heading texts in lowercase with hyphens, like #day-to-day-work");
            return false;
        }

        private static String stem(String path, String folder) {
            return path.substring(folder.length(), path.length() - 3).toLowerCase(Locale.ROOT);
        }

    }
}
