package dev.guidegen.render;

import dev.guidegen.content.MarkdownParser;
import dev.guidegen.content.Page;
import dev.guidegen.problem.OncePerPlace;
import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import dev.guidegen.site.Role;
import dev.guidegen.site.Site;
import dev.guidegen.site.Skill;
import dev.guidegen.site.Urls;
import dev.guidegen.source.SourceTree;
import freemarker.core.Environment;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The render stage: every page of the site through its template, in parallel, plus the assets.
 * A template error is reported once, at the template's line, naming the first page it broke.
 */
public final class Renderer {

    private final Problems problems;
    /**
     * Each of the build's threads writes its pages through one writer, emptied before each page: a
     * new one for each page grew its buffer two or three times, about a tenth of what a build allocates.
     */
    private final ThreadLocal<TextWriter> writers = ThreadLocal.withInitial(() -> new TextWriter(64 << 10));
    /** Where each guide page's frame goes as the page is made; null when no one keeps them. */
    private java.util.function.Consumer<RoleFrame> frames;

    public Renderer(Problems problems) {
        this.problems = problems;
    }

    /**
     * What a later build needs to make a guide's page and FAQ page again without the rest of the
     * site, as long as the guide keeps its {@link dev.guidegen.content.GuideShape} and nothing else
     * changes: the guide as this build read it, its view without what its body and answers give,
     * the guide page's JSON-LD (which reads neither), and where each link its body and answers
     * hold was resolved to.
     */
    public record RoleFrame(View.SiteInfo site, dev.guidegen.content.Guide guide, View.Role view, String guideLd,
            Map<String, String> links) {
    }

    /** Hands each guide page's {@link RoleFrame} to {@code frames}, from any of the build's threads, as the page is made. */
    public Renderer keepingFrames(java.util.function.Consumer<RoleFrame> frames) {
        this.frames = frames;
        return this;
    }

    /** A page to render: its URL, its template, and a way to make its values (done on the rendering thread). */
    /** {@code lastmod} is the page's date in the sitemap ("" for none), or null for a page left out of it. */
    private record Job(String url, String template, String lastmod, Supplier<Map<String, Object>> model) {
    }

    /**
     * Parses every template without rendering, so that a build stopped by content problems still
     * reports template syntax errors in the same run.
     */
    public void checkTemplates(SourceTree tree) {
        Templates templates = new Templates(tree, problems);
        for (String path : tree.under(SourceTree.TEMPLATES).keySet()) {
            String name = path.substring(SourceTree.TEMPLATES.length());
            if (name.endsWith(".ftlh")) {
                templates.get(name, "a check of every template");
            }
        }
    }

    /**
     * Renders every page and hands each file to {@code sink} as soon as it is made, on the thread
     * that made it, so that no page waits in memory for the others.
     *
     * <p>With a {@code memo} (which may be null), a page whose template and values are the same as
     * in the memo's last build is taken from it, and this build's pages are left in it. When
     * {@code only} is not null, every page whose URL it does not hold is taken from {@code memo} as
     * the last build made it, without working out its values, because the caller knows that nothing
     * that page shows has changed.
     *
     * <p>{@code settled} says, besides, that the site is the one the memo's last build rendered but
     * for the bodies of the guides whose pages {@code only} names, and that build succeeded: the
     * caller knows it did, and the memo went through every file then ({@link RenderMemo#settles}).
     * Then no page outside {@code only} is even listed: each is taken from the memo, and so is every
     * file that is not a page (the sitemap, feed, search index, images, assets and host files), since
     * none of them reads a guide's body. Those files go to {@code kept} in one pass over the memo, on
     * the calling thread once the pages are made, rather than to {@code sink}.
     */
    public void render(SourceTree tree, Site site, Assets assets, MarkdownParser markdown, dev.guidegen.work.Workers workers,
            RenderMemo memo, java.util.Set<String> only, boolean settled, java.util.function.Consumer<OutputFile> sink,
            java.util.function.Consumer<OutputFile> kept) {
        if (settled && (memo == null || only == null || !memo.settles())) {
            throw new IllegalStateException("a settled render needs a memo of a build that succeeded, and the pages to make");
        }
        // The site's top-level names ("roles/", "feed.xml"), for the host file that gives each its cache rule.
        java.util.Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.function.Consumer<OutputFile> out = f -> {
            int slash = f.path().indexOf('/');
            written.add(slash < 0 ? f.path() : f.path().substring(0, slash + 1));
            sink.accept(f);
        };
        if (memo != null) {
            memo.begin(tree, settled);
        }
        Templates templates = new Templates(tree, problems, assets, memo == null ? null : memo.parsed());
        ViewBuilder views = new ViewBuilder(site, new Markup(site));
        Graphs graphs = new Graphs(site);
        List<Job> jobs = new ArrayList<>();
        if (settled) {
            site.roles().values().stream().filter(role -> only.contains(role.url()))
                    .forEach(role -> roleJobs(site, views, graphs, role, jobs, null));
        } else {
            jobs.addAll(jobs(site, views, graphs));
        }

        // The sitemaps, the feed and the search index need the site and the list of pages, not the pages
        // themselves: they are made on one thread while the other starts on the pages, rather than on
        // one thread alone once all pages are made.
        java.util.function.Supplier<List<OutputFile>> extras = null;
        if (!settled) {
            java.util.SortedMap<String, String> sitemap = new java.util.TreeMap<>();
            jobs.stream().filter(job -> job.lastmod() != null).forEach(job -> sitemap.put(job.url(), job.lastmod()));
            extras = workers.start(() -> new Extras(site, graphs, sitemap).files());
        }

        Map<String, Template> ready = new LinkedHashMap<>();
        for (Job job : jobs) {
            if (!ready.containsKey(job.template())) {
                templates.get(job.template(), job.url()).ifPresent(t -> ready.put(job.template(), t));
            }
        }
        // A template error breaks every page made from that template: report it once, at its line.
        OncePerPlace failures = new OncePerPlace();
        List<Job> runnable = jobs.stream().filter(job -> ready.containsKey(job.template())).toList();
        workers.map(runnable, job -> {
            if (only != null && memo != null && !only.contains(job.url())) {
                Optional<OutputFile> same = memo.reuseUnchanged(job.url());
                if (same.isPresent()) {
                    out.accept(same.get());
                    return job.url();
                }
            }
            Map<String, Object> model = job.model().get();
            Optional<byte[]> digest = memo == null ? Optional.empty() : memo.digest(job.url(), job.template(), model);
            Optional<OutputFile> done = digest.flatMap(d -> memo.reuse(job.url(), d));
            if (done.isEmpty()) {
                done = renderOne(job, model, ready.get(job.template()), failures);
                if (digest.isPresent() && done.isPresent()) {
                    memo.remember(job.url(), digest.get(), done.get());
                }
            }
            done.ifPresent(out);
            return job.url();
        });
        failures.report(problems, (what, on) -> what + " (while rendering " + on + ")", what -> null);
        if (settled) {
            java.util.Set<String> rendered = new java.util.HashSet<>();
            jobs.forEach(job -> rendered.add(job.url()));
            memo.keepRest(rendered, kept);
            memo.others().forEach(kept);
            return;
        }
        List<OutputFile> others = new ArrayList<>();
        java.util.function.Consumer<OutputFile> other = f -> {
            others.add(f);
            out.accept(f);
        };
        extras.get().forEach(other);
        for (var image : site.images().values()) {
            other.accept(new OutputFile(image.url().substring(1), image.bytes(), ""));
        }
        assets.files().forEach(other);
        if (!site.aliases().isEmpty()) {
            site.aliases().forEach((from, to) -> other.accept(HostFiles.aliasPage(from, to, titleAt(site, to),
                    graphs.absolute(to), site.config().language())));
            other.accept(HostFiles.redirects(site.aliases()));
        }
        other.accept(HostFiles.headers(written, site.config().cache()));
        if (memo != null) {
            memo.others(others);
        }
    }

    private Optional<OutputFile> renderOne(Job job, Map<String, Object> model, Template template, OncePerPlace failures) {
        TextWriter out = writers.get();
        out.reset();
        try {
            Environment env = template.createProcessingEnvironment(model, out);
            env.setTemplateProcessingTracer(new NestingGuard());
            env.process();
            return Optional.of(new OutputFile(Urls.outputPath(job.url()), out.toBytes(),
                    dev.guidegen.source.SourceTree.TEMPLATES + job.template()));
        } catch (TemplateException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof NestingGuard.TooDeep deep) {
                    // A function's body runs inside an expression, which FreeMarker wraps; the guard's word stands.
                    failures.add(deep.pos(), "template error: " + deep.getMessage(), job.url());
                    return Optional.empty();
                }
            }
            String name = e.getTemplateSourceName() == null ? job.template() : e.getTemplateSourceName();
            int line = e.getLineNumber() == null ? 1 : e.getLineNumber();
            int col = e.getColumnNumber() == null ? 1 : e.getColumnNumber();
            String what = e.getBlamedExpressionString() != null
                    ? "\"" + e.getBlamedExpressionString() + "\" " + blame(e)
                    : plain(e);
            failures.add(new SourcePos(SourceTree.TEMPLATES + name, line, col), "template error: " + what, job.url());
            return Optional.empty();
        } catch (NestingGuard.TooDeep e) {
            failures.add(e.pos(), "template error: " + e.getMessage(), job.url());
            return Optional.empty();
        } catch (StackOverflowError e) {
            // NestingGuard stops template loops and the content stage deep Markdown; this is the last guard.
            failures.add(SourcePos.start(SourceTree.TEMPLATES + job.template()),
                    "template error: the page nests too deeply to render", job.url());
            return Optional.empty();
        } catch (OutOfMemoryError e) {
            // A template can ask for text without end (?left_pad of a huge width, ?interpret calling itself).
            // The page's memory is garbage once this frame is left, so the build can report it and go on.
            failures.add(SourcePos.start(SourceTree.TEMPLATES + job.template()),
                    "template error: the page needs more memory than there is; does the template make text without end?",
                    job.url());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message of an error FreeMarker gives no expression for, with the reason an include failed. */
    private static String plain(TemplateException e) {
        if (e.getCause() instanceof freemarker.template.TemplateNotFoundException missing) {
            return "#include names a template that does not exist: \"" + missing.getTemplateName() + "\"";
        }
        if (e.getCause() instanceof freemarker.core.ParseException syntax) {
            return "#include of " + syntax.getTemplateName() + ", which has a syntax error at line " + syntax.getLineNumber()
                    + ": " + Templates.joined(syntax.getEditorMessage());
        }
        String m = Templates.oneLine(e.getMessageWithoutStackTop());
        if (m.endsWith(":") && e.getCause() != null) {
            m += " " + Templates.oneLine(e.getCause().getMessage());
        }
        return m;
    }

    private static String blame(TemplateException e) {
        String m = Templates.oneLine(e.getMessageWithoutStackTop());
        if (m.contains("null or missing")) {
            return "is missing";
        }
        if (m.endsWith(":")) {
            // FreeMarker puts the reason on the lines after the colon, between ---begin-message--- marks.
            String reason = String.valueOf(e.getMessageWithoutStackTop()).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("---")).skip(1).findFirst()
                    .orElse(e.getCause() == null ? "" : Templates.oneLine(e.getCause().getMessage()));
            m += " " + reason;
        }
        return "failed: " + m;
    }

    private List<Job> jobs(Site site, ViewBuilder views, Graphs graphs) {
        List<Job> jobs = new ArrayList<>();
        String title = site.config().title();
        View.Link home = new View.Link(title, Urls.HOME);
        String snapshotIso = site.snapshot().date() == null ? "" : site.snapshot().date().toString();
        String newest = site.newestUpdate();

        // The home page lists the groups of a site that has them; without groups, every role by level, paged.
        int homePages = site.groups().isEmpty() ? Urls.pageCount(site.roles().size()) : 1;
        for (int n = 1; n <= homePages; n++) {
            int page = n;
            String url = Urls.paged(Urls.HOME, n);
            jobs.add(new Job(url, "home.ftlh", newest, () -> {
                List<View.Link> crumbs = new ArrayList<>(List.of(home));
                addPage(crumbs, page, url);
                View.Meta meta = meta(site, title + pageSuffix(page), site.config().description(), url,
                        crumbs, "website");
                Map<String, Object> model = model(views, withLd(meta, graphs.page(meta, newest, List.of())), "levels",
                        site.groups().isEmpty() ? views.levels(page) : List.of());
                model.put("groups", views.groupCards());
                model.put("newest", site.groups().isEmpty() ? List.of() : views.newest(10));
                model.put("pages", site.groups().isEmpty() ? views.homePages(page) : List.of());
                return model;
            }));
        }
        for (var group : site.groups().values()) {
            List<Role> members = views.groupRoles(group.key());
            int pages = Urls.pageCount(members.size());
            String groupNewest = Site.newestUpdate(members);
            for (int n = 1; n <= pages; n++) {
                int page = n;
                String url = Urls.paged(Urls.group(group.key()), n);
                jobs.add(new Job(url, "group.ftlh", groupNewest, () -> {
                    View.GroupPage g = views.groupPage(group, members, page);
                    List<View.Link> crumbs = new ArrayList<>(List.of(home, new View.Link(g.title(), Urls.group(g.key()))));
                    addPage(crumbs, page, url);
                    View.Meta meta = meta(site, g.title() + pageSuffix(page) + ": roles, skills and pay",
                            g.summary(), url, crumbs, "website");
                    return model(views, withLd(meta, graphs.page(meta, groupNewest, List.of())), "group", g);
                }));
            }
        }
        for (Role role : site.roles().values()) {
            roleJobs(site, views, graphs, role, jobs, frames);
        }
        for (var comparison : site.comparisons().values()) {
            jobs.add(new Job(comparison.url(), "compare.ftlh", Site.newestUpdate(List.of(views.role(comparison.a()), views.role(comparison.b()))), () -> {
                View.Compare c = views.compare(comparison);
                View.Meta meta = meta(site, c.title() + ": skills, ladder and pay side by side",
                        "How the " + c.a().title() + " and " + c.b().title() + " roles compare: their skills, where each sits "
                                + "on the career ladder, and what each pays.", c.url(),
                        List.of(home, new View.Link(c.a().title(), c.a().url()), new View.Link(c.title(), c.url())), "website");
                return model(views, withLd(meta, graphs.breadcrumbsOnly(meta)), "compare", c);
            }));
        }
        // The FAQ hub and the salary index: on a site with groups, a list of groups and a paged page
        // per group; without groups, one paged list of every role.
        String faqDescription = "Every question readers ask about the roles on " + title + ", grouped by role.";
        String salaryDescription = "Pay for every role on " + title + ", with the sample size, basis and date of each figure.";
        List<Role> everyRole = List.copyOf(site.roles().values());
        if (!site.groups().isEmpty()) {
            jobs.add(new Job(Urls.FAQ, "faq.ftlh", newest, () -> {
                View.Meta meta = meta(site, "Questions and answers about every role", faqDescription, Urls.FAQ,
                        List.of(home, new View.Link("FAQ", Urls.FAQ)), "website");
                return model(views, withLd(meta, graphs.page(meta, newest, List.of())), "hub", views.faqGroups());
            }));
            jobs.add(new Job(Urls.SALARIES, "salaries.ftlh", snapshotIso, () -> {
                View.Meta meta = meta(site, "Salaries for every group of roles, side by side", salaryDescription,
                        Urls.SALARIES, List.of(home, new View.Link("Salaries", Urls.SALARIES)), "website");
                return model(views, withLd(meta, graphs.page(meta, snapshotIso, List.of())), "index", views.salaryGroups());
            }));
        }
        List<dev.guidegen.content.Group> scopes = new ArrayList<>(site.groups().values());
        if (scopes.isEmpty()) {
            scopes.add(null);
        }
        for (dev.guidegen.content.Group group : scopes) {
            List<Role> roles = group == null ? everyRole : views.groupRoles(group.key());
            String groupTitle = group == null ? "" : group.title();
            String faqFirst = group == null ? Urls.FAQ : Urls.FAQ + group.key() + "/";
            String salaryFirst = group == null ? Urls.SALARIES : Urls.SALARIES + group.key() + "/";
            int asked = (int) roles.stream().filter(r -> !r.guide().faq().isEmpty()).count();
            String scopeNewest = Site.newestUpdate(roles);
            for (int n = 1; n <= Urls.pageCount(asked); n++) {
                int page = n;
                String url = Urls.paged(faqFirst, n);
                jobs.add(new Job(url, "faq.ftlh", scopeNewest, () -> {
                    List<View.Link> crumbs = new ArrayList<>(List.of(home, new View.Link("FAQ", Urls.FAQ)));
                    if (group != null) {
                        crumbs.add(new View.Link(groupTitle, faqFirst));
                    }
                    addPage(crumbs, page, url);
                    View.Meta meta = meta(site, (group == null ? "Questions and answers about every role"
                            : "Questions and answers: " + groupTitle) + pageSuffix(page), faqDescription, url,
                            crumbs, "website");
                    return model(views, withLd(meta, graphs.page(meta, newest, List.of())), "hub",
                            views.faqHub(roles, faqFirst, page, groupTitle));
                }));
            }
            for (int n = 1; n <= Urls.pageCount(roles.size()); n++) {
                int page = n;
                String url = Urls.paged(salaryFirst, n);
                jobs.add(new Job(url, "salaries.ftlh", snapshotIso, () -> {
                    List<View.Link> crumbs = new ArrayList<>(List.of(home, new View.Link("Salaries", Urls.SALARIES)));
                    if (group != null) {
                        crumbs.add(new View.Link(groupTitle, salaryFirst));
                    }
                    addPage(crumbs, page, url);
                    View.Meta meta = meta(site, (group == null ? "Salaries for every role, side by side"
                            : "Salaries: " + groupTitle) + pageSuffix(page), salaryDescription, url, crumbs,
                            "website");
                    return model(views, withLd(meta, graphs.page(meta, snapshotIso, List.of())), "index",
                            views.salaryIndex(roles, salaryFirst, page, groupTitle));
                }));
            }
        }
        jobs.add(new Job(Urls.SKILLS, "skills.ftlh", newest, () -> {
            List<View.SkillInfo> skills = site.skills().values().stream().map(views::skill).toList();
            View.Meta meta = meta(site, "Skills and the roles that need them",
                    "Every skill the role guides name, with the roles that need each one.", Urls.SKILLS,
                    List.of(home, new View.Link("Skills", Urls.SKILLS)), "website");
            return model(views, withLd(meta, graphs.page(meta, newest, List.of())), "skills", skills);
        }));
        for (Skill skill : site.skills().values()) {
            int pages = Urls.pageCount(skill.guides().size());
            String skillNewest = Site.newestUpdate(skill.guides().stream().map(views::role).toList());
            for (int n = 1; n <= pages; n++) {
                int page = n;
                String url = Urls.paged(skill.url(), n);
                jobs.add(new Job(url, "skill.ftlh", skillNewest, () -> {
                    View.SkillInfo s = views.skillPage(skill, page);
                    List<View.Link> crumbs = new ArrayList<>(List.of(home, new View.Link("Skills", Urls.SKILLS),
                            new View.Link(s.name(), s.url())));
                    addPage(crumbs, page, url);
                    View.Meta meta = meta(site, s.name() + pageSuffix(page) + ": roles that need it",
                            "The roles that list " + s.name() + " as a skill, with their pay and experience.", url, crumbs,
                            "website");
                    return model(views, withLd(meta, graphs.page(meta, newest, List.of())), "skill", s);
                }));
            }
        }
        for (Page page : site.pages()) {
            String url = Urls.page(page.slug());
            jobs.add(new Job(url, "page.ftlh", "", () -> {
                View.PageInfo p = views.page(page);
                View.Meta meta = meta(site, p.title(), p.summary(), url, List.of(home, new View.Link(p.title(), url)),
                        "article");
                return model(views, withLd(meta, graphs.page(meta, null, List.of())), "page", p);
            }));
        }
        jobs.add(new Job(Urls.NOT_FOUND, "404.ftlh", null, () -> {
            View.Meta meta = meta(site, "Page not found", "This page does not exist.", Urls.NOT_FOUND,
                    List.of(home), "website");
            Map<String, Object> model = model(views, meta, "levels", site.groups().isEmpty() ? views.levels(1) : List.of());
            model.put("groups", views.groupCards());
            return model;
        }));
        return jobs;
    }

    /** The title of the page at a URL an alias sends readers to: a guide, its FAQ page, or a plain page. */
    private static String titleAt(Site site, String url) {
        String[] parts = url.split("/"); // "", "roles", slug[, "faq"]
        if (parts.length >= 3 && parts[1].equals("roles") && site.roles().containsKey(parts[2])) {
            String title = site.roles().get(parts[2]).guide().title();
            return parts.length == 4 ? title + ": questions and answers" : title;
        }
        return site.pages().stream().filter(p -> Urls.page(p.slug()).equals(url)).map(Page::title).findFirst().orElse(url);
    }

    /** A breadcrumb for the n-th page of a paged list, after the first. */
    /** The jobs for a role's own pages: its guide page, and its FAQ page when it has questions. */
    private static void roleJobs(Site site, ViewBuilder views, Graphs graphs, Role role, List<Job> jobs,
            java.util.function.Consumer<RoleFrame> frames) {
        int pages = role.guide().faq().isEmpty() ? 1 : 2;
        jobs.add(new Job(role.url(), "guide.ftlh", updated(role), () -> {
            View.Role r = views.role(role, pages);
            View.Meta meta = guideMeta(views.siteInfo(), r);
            String ld = graphs.page(meta, r.updated(), List.of(graphs.occupation(role, r)));
            if (frames != null) {
                frames.accept(new RoleFrame(views.siteInfo(), role.guide(), views.frame(role), ld,
                        site.links().getOrDefault(role.guide().path(), Map.of())));
            }
            return model(views.siteInfo(), withLd(meta, ld), "role", r);
        }));
        if (role.guide().faq().isEmpty()) {
            return; // a guide with no questions has no FAQ page, and is left out of the FAQ hub
        }
        jobs.add(new Job(Urls.guideFaq(role.slug()), "guide-faq.ftlh", updated(role),
                () -> faqModel(views.siteInfo(), graphs, views.role(role, pages))));
    }

    private static View.Meta guideMeta(View.SiteInfo info, View.Role r) {
        return meta(info, r.title() + ": role guide, skills and pay", r.summary(), r.url(),
                List.of(new View.Link(info.title(), Urls.HOME), new View.Link(r.title(), r.url())), "article");
    }

    private static Map<String, Object> faqModel(View.SiteInfo info, Graphs graphs, View.Role r) {
        String url = r.faqUrl();
        View.Meta meta = meta(info, r.title() + ": questions and answers",
                "Common questions about the " + r.title() + " role, answered.", url,
                List.of(new View.Link(info.title(), Urls.HOME), new View.Link(r.title(), r.url()), new View.Link("FAQ", url)),
                "website");
        String ld = graphs.page(meta, r.updated(), List.of(graphs.faqPage(url, r.faq())));
        return model(info, withLd(meta, ld), "role", r);
    }

    /**
     * Each guide's page and, when it has questions, its FAQ page, made from the frame a full build
     * left ({@link #keepingFrames}) with the guide as it is now in place of the one read then, which
     * must have the same shape: the same bytes the full build would make. The templates are read
     * once for all of them. Template problems go to this renderer's problems, and give no files.
     */
    public List<OutputFile> renderGuides(SourceTree templates, Assets assets, List<RoleFrame> frames) {
        Templates loaded = new Templates(templates, problems, assets, null);
        OncePerPlace failures = new OncePerPlace();
        List<OutputFile> made = new ArrayList<>();
        Graphs graphs = frames.isEmpty() ? null : new Graphs(frames.get(0).site().baseUrl(), frames.get(0).site().language());
        for (RoleFrame frame : frames) {
            View.SiteInfo info = frame.site();
            View.Role r = ViewBuilder.withBody(frame.view(), frame.guide(), url -> frame.links().getOrDefault(url, url));
            List<Job> jobs = new ArrayList<>();
            jobs.add(new Job(r.url(), "guide.ftlh", "", () -> model(info, withLd(guideMeta(info, r), frame.guideLd()), "role", r)));
            if (!frame.guide().faq().isEmpty()) {
                jobs.add(new Job(r.faqUrl(), "guide-faq.ftlh", "", () -> faqModel(info, graphs, r)));
            }
            for (Job job : jobs) {
                loaded.get(job.template(), job.url()).flatMap(t -> renderOne(job, job.model().get(), t, failures)).ifPresent(made::add);
            }
        }
        failures.report(problems, (what, on) -> what + " (while rendering " + on + ")", what -> null);
        return made;
    }

    private static void addPage(List<View.Link> crumbs, int page, String url) {
        if (page > 1) {
            crumbs.add(new View.Link("Page " + page, url));
        }
    }

    /** ", page 3" for a title on the third page of a paged list; nothing on the first. */
    private static String pageSuffix(int page) {
        return page > 1 ? ", page " + page : "";
    }

    private static View.Meta meta(Site site, String title, String description, String url, List<View.Link> crumbs,
            String ogType) {
        return meta(site.config().baseUrl(), title, description, url, crumbs, ogType);
    }

    private static View.Meta meta(View.SiteInfo info, String title, String description, String url, List<View.Link> crumbs,
            String ogType) {
        return meta(info.baseUrl(), title, description, url, crumbs, ogType);
    }

    private static View.Meta meta(String base, String title, String description, String url, List<View.Link> crumbs,
            String ogType) {
        String canonical = base.substring(0, base.length() - 1) + url;
        return new View.Meta(title, description, url, canonical, crumbs, "", ogType);
    }

    private static View.Meta withLd(View.Meta m, String ld) {
        return new View.Meta(m.title(), m.description(), m.url(), m.canonical(), m.breadcrumbs(), ld, m.ogType());
    }

    private static String updated(Role role) {
        return role.guide().updated() == null ? "" : role.guide().updated().toString();
    }

    private static Map<String, Object> model(ViewBuilder views, View.Meta meta, String key, Object value) {
        return model(views.siteInfo(), meta, key, value);
    }

    private static Map<String, Object> model(View.SiteInfo info, View.Meta meta, String key, Object value) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", info);
        model.put("meta", meta);
        model.put(key, value);
        return model;
    }
}
