package dev.guidegen.render;

import dev.guidegen.content.Guide;
import dev.guidegen.content.Page;
import dev.guidegen.salary.Basis;
import dev.guidegen.salary.Figures;
import dev.guidegen.salary.Pay;
import dev.guidegen.salary.Source;
import dev.guidegen.salary.Stated;
import dev.guidegen.site.Role;
import dev.guidegen.site.GuideSections;
import dev.guidegen.site.Site;
import dev.guidegen.site.Skill;
import dev.guidegen.site.Urls;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the site model into the plain values templates read; Markdown is rendered here, once per text. */
final class ViewBuilder {

    private static final DateTimeFormatter HUMAN_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final int WORDS_PER_MINUTE = 200;

    private final Site site;
    /** The site's roles by slug, looked up in one step rather than down a sorted map's tree, for every card and link. */
    private final java.util.Map<String, Role> roleBySlug;
    private final Markup markup;
    private final Money money;
    private final Charts charts;
    private final View.SiteInfo siteInfo;
    /** A guide's frame, made once for its page, its FAQ page and a quick rebuild. */
    private final java.util.Map<String, View.Role> frames = new java.util.concurrent.ConcurrentHashMap<>();
    /** A guide's view while pages that show it are still to be made. */
    private final java.util.Map<String, Uses> roles = new java.util.concurrent.ConcurrentHashMap<>();

    private record Uses(View.Role view, int left) {
    }
    private final java.util.Map<String, View.Pay> pays = new java.util.concurrent.ConcurrentHashMap<>();
    /** Cards appear on many pages (home, skills, similar roles); each is made once. */
    private final java.util.Map<String, View.Card> cards = new java.util.concurrent.ConcurrentHashMap<>();

    ViewBuilder(Site site, Markup markup) {
        this.site = site;
        this.roleBySlug = new java.util.HashMap<>(site.roles());
        this.markup = markup;
        this.money = new Money(site.snapshot().currency());
        this.charts = new Charts(money);
        this.siteInfo = makeSiteInfo();
    }

    /** Every role by level, in ladder order (roles without a level last), then title, and the same split by group key. */
    private record Order(List<Role> byLevel, java.util.Map<String, List<Role>> byGroup) {
    }

    /** Worked out once, when a page first needs it: a rebuild of one guide's pages never does. */
    private volatile Order order;

    private Order order() {
        Order o = order;
        if (o == null) {
            synchronized (this) {
                if (order == null) {
                    List<String> levels = dev.guidegen.content.ContentReader.LEVELS;
                    List<Role> byLevel = site.roles().values().stream()
                            .sorted(java.util.Comparator.comparingInt((Role r) -> r.guide().level().isEmpty() ? levels.size()
                                    : levels.indexOf(r.guide().level())).thenComparing(r -> r.guide().title())
                                    .thenComparing(Role::slug))
                            .toList();
                    java.util.Map<String, List<Role>> groups = new java.util.HashMap<>();
                    byLevel.forEach(r -> groups.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r));
                    order = new Order(byLevel, groups);
                }
                o = order;
            }
        }
        return o;
    }

    View.SiteInfo siteInfo() {
        return siteInfo;
    }

    private View.SiteInfo makeSiteInfo() {
        var c = site.config();
        List<View.Link> nav = new ArrayList<>(List.of(new View.Link("Roles", Urls.HOME),
                new View.Link("Salaries", Urls.SALARIES), new View.Link("Skills", Urls.SKILLS),
                new View.Link("FAQ", Urls.FAQ)));
        site.pages().forEach(p -> nav.add(new View.Link(p.title(), Urls.page(p.slug()))));
        return new View.SiteInfo(c.title(), c.description(), c.language(), c.baseUrl(), snapshotDate(), nav);
    }

    String snapshotDate() {
        return site.snapshot().date() == null ? "" : HUMAN_DATE.format(site.snapshot().date());
    }

    /**
     * The guide's view for one of the {@code pages} pages that show it. It is made once, and let go
     * once the last of them has it: a site's guides are not all held twice, parsed and resolved,
     * until the site is written.
     */
    View.Role role(Role r, int pages) {
        View.Role[] view = new View.Role[1];
        roles.compute(r.slug(), (slug, uses) -> {
            Uses u = uses != null ? uses
                    : new Uses(withBody(frame(r), r.guide(), url -> site.resolveLink(r.guide().path(), url)), pages);
            view[0] = u.view();
            return u.left() <= 1 ? null : new Uses(u.view(), u.left() - 1);
        });
        return view[0];
    }

    /**
     * A guide's view as its frame: everything but what its body and FAQ answers give (the reading
     * time, the questions, the table of contents and the body's HTML), which {@link #withBody} adds.
     * The frame of a guide changes only when its {@link dev.guidegen.content.GuideShape} or another
     * guide does.
     */
    View.Role frame(Role r) {
        return frames.computeIfAbsent(r.slug(), slug -> makeFrame(r));
    }

    private View.Role makeFrame(Role r) {
        Guide g = r.guide();
        List<View.Step> ladder = r.ladder().stream()
                .map(s -> new View.Step(s.title(), s.isGuide() ? Urls.guide(s.slug()) : "", s.slug().equals(g.slug()),
                        s.isGuide() ? payHeadline(roleBySlug.get(s.slug())) : ""))
                .toList();
        List<View.Link> skills = r.skills().stream().map(site.skills()::get)
                .map(s -> new View.Link(s.name(), s.url())).toList();
        List<View.Card> related = r.related().stream().map(roleBySlug::get).map(this::card).toList();
        List<View.Link> linkedFrom = r.linkedFrom().stream().map(roleBySlug::get)
                .map(o -> new View.Link(o.guide().title(), o.url())).toList();
        return new View.Role(g.slug(), g.title(), r.url(), Urls.guideFaq(g.slug()), g.summary(), levelLabel(g.level()),
                g.experience(), g.updated() == null ? "" : g.updated().toString(),
                g.updated() == null ? "" : HUMAN_DATE.format(g.updated()), 0, payOf(r), chart(r), ladder, skills, related,
                linkedFrom, List.of(), List.of(), "",
                r.comparedWith().stream().map(o -> new View.Link(g.title() + " vs " + roleBySlug.get(o).guide().title(),
                        Urls.compare(g.slug(), o))).toList(),
                r.group().isEmpty() ? null : new View.Link(site.groups().get(r.group()).title(), Urls.group(r.group())));
    }

    /** The guide's view: its frame with what its body and answers give, each link resolved by {@code resolve}. */
    static View.Role withBody(View.Role frame, Guide g, java.util.function.UnaryOperator<String> resolve) {
        List<View.TocItem> toc = g.body().headings().stream().filter(h -> h.level() == 2)
                .map(h -> new View.TocItem(h.text(), h.id())).toList();
        int words = g.body().words();
        List<View.Faq> faq = new ArrayList<>();
        for (int i = 0; i < g.faq().size(); i++) {
            var q = g.faq().get(i);
            faq.add(new View.Faq(q.question(), q.answer().html(resolve), GuideSections.faqId(i + 1)));
        }
        View.Role f = frame;
        return new View.Role(f.slug(), f.title(), f.url(), f.faqUrl(), f.summary(), f.level(), f.experience(), f.updated(),
                f.updatedHuman(), Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE), f.pay(), f.chart(), f.ladder(),
                f.skills(), f.related(), f.linkedFrom(), faq, toc, g.body().html(resolve), f.compare(), f.group());
    }

    /** A guide's questions with the ids of their answers, as {@link #withBody} numbers them. */
    private static List<View.Question> questions(Guide g) {
        List<View.Question> out = new ArrayList<>();
        for (int i = 0; i < g.faq().size(); i++) {
            out.add(new View.Question(g.faq().get(i).question(), GuideSections.faqId(i + 1)));
        }
        return out;
    }

    View.Card card(Role r) {
        return cards.computeIfAbsent(r.slug(), slug -> makeCard(r));
    }

    private View.Card makeCard(Role r) {
        Guide g = r.guide();
        return new View.Card(g.slug(), g.title(), r.url(), g.summary(), levelLabel(g.level()), g.experience(),
                payHeadline(r));
    }

    /** A role's pay in one phrase; a category benchmark is named as one, never passed off as the role's. */
    String payHeadline(Role r) {
        View.Pay pay = payOf(r);
        if (r.guide().salaryOff()) {
            return "not given"; // "salary: false": the guide has no pay figures, now or later
        }
        if (!pay.fallback()) {
            return pay.headline();
        }
        return (pay.band().isEmpty() ? pay.median() + " median" : pay.band()) + " (" + pay.category() + " benchmark)";
    }

    /** Two roles side by side; pay is subtracted only as {@link PayComparison} allows. */
    View.Compare compare(dev.guidegen.site.Comparison c) {
        Role a = roleBySlug.get(c.a());
        Role b = roleBySlug.get(c.b());
        String titleA = a.guide().title();
        String titleB = b.guide().title();
        java.util.Set<String> skillsA = new java.util.LinkedHashSet<>(a.skills());
        java.util.Set<String> skillsB = new java.util.LinkedHashSet<>(b.skills());
        java.util.function.Function<String, View.Link> skill = s -> new View.Link(site.skills().get(s).name(),
                site.skills().get(s).url());
        List<View.Link> shared = a.skills().stream().filter(skillsB::contains).map(skill).toList();
        List<View.Link> onlyA = a.skills().stream().filter(s -> !skillsB.contains(s)).map(skill).toList();
        List<View.Link> onlyB = b.skills().stream().filter(s -> !skillsA.contains(s)).map(skill).toList();
        String ladder = "";
        if (!c.before().isEmpty()) {
            String first = roleBySlug.get(c.before()).guide().title();
            String next = roleBySlug.get(c.other(c.before())).guide().title();
            ladder = next + " is the next step after " + first + " on the career ladder.";
        }
        dev.guidegen.salary.PayComparison pc = dev.guidegen.salary.PayComparison.of(titleA, a.pay(), titleB, b.pay(),
                site.config().minSample());
        String pay;
        if (pc.subtractable()) {
            long diff = pc.medianDifference();
            long rounded = Math.round(Math.abs(diff) / 1000.0) * 1000;
            String basis = a.pay().shown().basisLabel();
            pay = rounded == 0
                    ? titleA + " and " + titleB + " pay about the same at the median (" + basis + ")."
                    : (diff > 0 ? titleB : titleA) + " pays about " + money.format(rounded) + " more than "
                            + (diff > 0 ? titleA : titleB) + " at the median (" + basis + ", " + a.pay().shown().sample() + " and "
                            + b.pay().shown().sample() + " listings).";
        } else {
            pay = "The two figures cannot be subtracted: " + pc.why() + ".";
        }
        return new View.Compare(titleA + " vs " + titleB, c.url(), side(a), side(b), shared, onlyA, onlyB, ladder, pay,
                pc.subtractable());
    }

    private View.Side side(Role r) {
        View.Pay pay = payOf(r);
        Guide g = r.guide();
        return new View.Side(g.title(), r.url(), g.faq().isEmpty() ? "" : Urls.guideFaq(g.slug()), levelLabel(g.level()),
                g.experience(), payHeadline(r), pay.hasFigures() ? pay.basis() : "", pay.hasFigures() ? pay.sample() : "");
    }

    View.PageInfo page(Page p) {
        return new View.PageInfo(p.title(), p.summary(), markup.html(p.path(), p.body()));
    }

    /** A skill as the skills hub lists it: its name, page and number of roles. */
    View.SkillInfo skill(Skill s) {
        return new View.SkillInfo(s.name(), s.url(), List.of(), List.of(), 1, s.guides().size());
    }

    /** Page {@code n} (from 1) of the roles that need a skill. */
    View.SkillInfo skillPage(Skill s, int n) {
        int pages = Urls.pageCount(s.guides().size());
        List<String> slice = s.guides().subList(Math.min(s.guides().size(), (n - 1) * Urls.PAGE_SIZE),
                Math.min(s.guides().size(), n * Urls.PAGE_SIZE));
        List<View.PageLink> links = new ArrayList<>();
        for (int i = 1; i <= pages && pages > 1; i++) {
            links.add(new View.PageLink(Integer.toString(i), Urls.paged(s.url(), i), i == n));
        }
        return new View.SkillInfo(s.name(), s.url(), slice.stream().map(roleBySlug::get).map(this::card).toList(), links, n,
                s.guides().size());
    }

    /** The site's role with this slug, looked up in one step. */
    Role role(String slug) {
        return roleBySlug.get(slug);
    }

    /** A group's roles by level, in ladder order (roles without a level last), then by title. */
    List<Role> groupRoles(String key) {
        return order().byGroup().getOrDefault(key, List.of());
    }

    /** Page {@code n} (from 1) of a group's roles; the introduction and chart are on the first page. */
    View.GroupPage groupPage(dev.guidegen.content.Group group, List<Role> roles, int n) {
        int pages = Urls.pageCount(roles.size());
        List<Role> slice = roles.subList(Math.min(roles.size(), (n - 1) * Urls.PAGE_SIZE), Math.min(roles.size(), n * Urls.PAGE_SIZE));
        View.Chart chart = null;
        if (n == 1) {
            List<Charts.Band> bands = new ArrayList<>();
            for (Role r : slice) {
                if (r.pay().hasFigures()) {
                    String suffix = r.pay().fallback() ? " (category benchmark)" : "";
                    bands.add(band(r.guide().title() + suffix, r.pay().shown(), r.pay().fallback() ? "benchmark" : "role"));
                }
            }
            chart = bands.isEmpty() ? null : charts.chart("pay-chart-" + group.key(), "Pay for the " + group.title()
                    + " roles" + (pages > 1 ? " on this page" : ""), bands);
        }
        List<View.PageLink> links = new ArrayList<>();
        for (int i = 1; i <= pages && pages > 1; i++) {
            links.add(new View.PageLink(Integer.toString(i), Urls.paged(Urls.group(group.key()), i), i == n));
        }
        return new View.GroupPage(group.key(), group.title(), group.summary(),
                n == 1 ? markup.html(group.path(), group.body()) : "", slice.stream().map(this::card).toList(), chart, links, n,
                roles.size());
    }

    /** Every group with its role count and the spread of its roles' own medians, for hubs. */
    List<View.GroupCard> groupCards() {
        List<View.GroupCard> out = new ArrayList<>();
        for (dev.guidegen.content.Group group : site.groups().values()) {
            List<Role> roles = groupRoles(group.key());
            List<Long> medians = roles.stream().filter(r -> r.pay().hasFigures() && !r.pay().fallback())
                    .map(r -> r.pay().shown().median()).filter(java.util.Objects::nonNull).sorted().toList();
            String pay = medians.isEmpty() ? "" : medians.size() == 1 ? money.format(medians.get(0)) + " median"
                    : "medians from " + money.format(medians.get(0)) + " to " + money.format(medians.get(medians.size() - 1));
            out.add(new View.GroupCard(group.title(), Urls.group(group.key()), group.summary(), roles.size(), pay));
        }
        return out;
    }

    /** The most recently updated roles, newest first, for the home page of a site with groups. */
    List<View.Card> newest(int count) {
        return site.roles().values().stream()
                .sorted(java.util.Comparator.comparing((Role r) -> r.guide().updated(),
                        java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())).thenComparing(Role::slug))
                .limit(count).map(this::card).toList();
    }

    /** Every role in the order the home page lists them: by level, in ladder order (none last), then title. */
    List<Role> byLevel() {
        return order().byLevel();
    }

    /** Page {@code n} of every role, grouped under its level; roles without a level come last. */
    List<View.LevelGroup> levels(int n) {
        List<View.LevelGroup> groups = new ArrayList<>();
        String current = null;
        List<View.Card> cards = new ArrayList<>();
        for (Role r : slice(byLevel(), n)) {
            if (!r.guide().level().equals(current)) {
                if (current != null) {
                    groups.add(new View.LevelGroup(current.isEmpty() ? "Other roles" : levelLabel(current) + " level", cards));
                }
                current = r.guide().level();
                cards = new ArrayList<>();
            }
            cards.add(card(r));
        }
        if (current != null) {
            groups.add(new View.LevelGroup(current.isEmpty() ? "Other roles" : levelLabel(current) + " level", cards));
        }
        return groups;
    }

    /** Links to every page of the home page's list of roles. */
    List<View.PageLink> homePages(int n) {
        return pageLinks(Urls.HOME, site.roles().size(), n);
    }

    /** A role's pay view, made once: cards, ladders, the guide and the salary index all show it. */
    private View.Pay payOf(Role r) {
        return pays.computeIfAbsent(r.slug(), slug -> pay(r.pay()));
    }

    private View.Pay pay(Pay pay) {
        Figures f = pay.shown();
        String snapshot = snapshotDate();
        List<View.Stated> stated = pay.role() == null ? List.of()
                : pay.role().stated().stream().map(this::stated).toList();
        if (!pay.hasFigures()) {
            return new View.Pay(false, false, pay.reason() == null ? "" : pay.reason(), "", "No figures yet", "", "", "",
                    "", "", "", snapshot, List.of(), stated, null, null, null);
        }
        String category = pay.category() == null ? "" : pay.category().label();
        String note = pay.fallback() && pay.category() != null ? pay.category().note() : "";
        return new View.Pay(true, pay.fallback(), pay.reason() == null ? "" : pay.reason(), note, headline(f),
                money.range(f.bandLow(), f.bandHigh()), money.format(f.median()), f.basisLabel(), sample(f),
                citation(f.source()), category, snapshot, rows(f), stated, f.bandLow(), f.bandHigh(), f.median());
    }

    /** The one figure a list shows: the median, else the band. */
    String headline(Figures f) {
        if (f.median() != null) {
            return money.format(f.median()) + " median";
        }
        String band = money.range(f.bandLow(), f.bandHigh());
        return band.isEmpty() ? "" : band + " (" + f.basisLabel() + ")";
    }

    private View.Stated stated(Stated s) {
        Figures f = s.figures();
        String value;
        if (f.basis() == Basis.PREMIUM) {
            String pct = f.pctLow() == null || f.pctHigh() == null || f.pctLow().equals(f.pctHigh())
                    ? (f.pctLow() != null ? f.pctLow() : f.pctHigh()) + "%" : f.pctLow() + "–" + f.pctHigh() + "%";
            value = pct + " above " + f.over();
        } else if (f.basis() == Basis.FLOOR) {
            value = "from " + money.format(f.low());
        } else if (f.median() != null && f.bandLow() == null) {
            value = money.format(f.median());
        } else {
            value = money.range(f.bandLow(), f.bandHigh()) + (f.median() != null ? ", median " + money.format(f.median()) : "");
        }
        return new View.Stated(s.label(), f.basisLabel(), value, citation(f.source()), s.note());
    }

    private List<View.Row> rows(Figures f) {
        List<View.Row> rows = new ArrayList<>();
        addRow(rows, "10th percentile", f.p10());
        addRow(rows, "25th percentile", f.p25());
        addRow(rows, "Low end of range", f.low());
        addRow(rows, "Median", f.median());
        addRow(rows, "75th percentile", f.p75());
        addRow(rows, "High end of range", f.high());
        addRow(rows, "90th percentile", f.p90());
        return rows;
    }

    private void addRow(List<View.Row> rows, String label, Long value) {
        if (value != null) {
            rows.add(new View.Row(label, money.format(value)));
        }
    }

    private static String sample(Figures f) {
        return f.sample() == null ? "not published" : Money.grouped(f.sample()) + " listings";
    }

    private String citation(String sourceKey) {
        Source s = site.snapshot().sources().get(sourceKey);
        return s == null ? site.snapshot().source() : s.citation();
    }

    static String levelLabel(String level) {
        return level.isEmpty() ? "" : Character.toUpperCase(level.charAt(0)) + level.substring(1);
    }

    /** The role's band, its category benchmark beside it, and the further figures its sources state. */
    private View.Chart chart(Role r) {
        Pay pay = r.pay();
        List<Charts.Band> bands = new ArrayList<>();
        if (pay.hasFigures() && !pay.fallback()) {
            bands.add(band(r.guide().title(), pay.shown(), "role"));
        }
        if (pay.category() != null && !pay.category().figures().isEmpty()) {
            bands.add(band(pay.category().label() + " benchmark", pay.category().figures(), "benchmark"));
        }
        if (pay.role() != null) {
            for (Stated s : pay.role().stated()) {
                bands.add(band(s.label(), s.figures(), "stated"));
            }
        }
        return charts.chart("pay-chart-" + r.slug(), "Pay for " + r.guide().title() + " beside its category benchmark", bands);
    }

    /** Every role's shown figures on one axis, for the salary index. */
    /** Page {@code n} of the salary index for {@code roles}, whose first page is at {@code first}. */
    View.SalaryIndex salaryIndex(List<Role> roles, String first, int n, String groupTitle) {
        List<View.SalaryRow> rows = new ArrayList<>();
        List<Charts.Band> bands = new ArrayList<>();
        for (Role r : slice(roles, n)) {
            View.Pay p = payOf(r);
            rows.add(new View.SalaryRow(r.guide().title(), r.url(), p));
            if (r.pay().hasFigures()) {
                String suffix = r.pay().fallback() ? " (category benchmark)" : "";
                bands.add(band(r.guide().title() + suffix, r.pay().shown(), r.pay().fallback() ? "benchmark" : "role"));
            }
        }
        String title = roles.size() > Urls.PAGE_SIZE ? "Pay for the roles on this page, on one axis"
                : groupTitle.isEmpty() ? "Pay for every role on one axis" : "Pay for every " + groupTitle + " role on one axis";
        return new View.SalaryIndex(rows, charts.chart("pay-chart-all", title, bands), site.snapshot().currency(), List.of(),
                groupTitle, pageLinks(first, roles.size(), n), n);
    }

    /** The salary index of a site with groups: each group's spread of its roles' own medians. */
    View.SalaryIndex salaryGroups() {
        List<View.GroupPay> groups = new ArrayList<>();
        List<Charts.Band> bands = new ArrayList<>();
        for (dev.guidegen.content.Group group : site.groups().values()) {
            List<Role> roles = groupRoles(group.key());
            List<Long> medians = roles.stream().filter(r -> r.pay().hasFigures() && !r.pay().fallback())
                    .map(r -> r.pay().shown().median()).filter(java.util.Objects::nonNull).sorted().toList();
            String spread = medians.isEmpty() ? "" : medians.size() == 1 ? money.format(medians.get(0))
                    : money.range(medians.get(0), medians.get(medians.size() - 1));
            groups.add(new View.GroupPay(group.title(), Urls.group(group.key()).replace("/groups/", "/salaries/"),
                    roles.size(), medians.size(), spread));
            if (!medians.isEmpty()) {
                String detail = spread + ", spread of " + medians.size() + (medians.size() == 1 ? " role's" : " roles'")
                        + " own medians";
                bands.add(medians.size() == 1
                        ? new Charts.Band(group.title(), detail, null, null, medians.get(0), "role")
                        : new Charts.Band(group.title(), detail, medians.get(0), medians.get(medians.size() - 1), null, "role"));
            }
        }
        return new View.SalaryIndex(List.of(), charts.chart("pay-chart-groups", "The spread of role medians in each group", bands),
                site.snapshot().currency(), groups, "", List.of(), 1);
    }

    /** Page {@code n} of the FAQ hub for {@code roles} (those with questions), first page at {@code first}. */
    View.FaqHub faqHub(List<Role> roles, String first, int n, String groupTitle) {
        List<Role> asked = roles.stream().filter(r -> !r.guide().faq().isEmpty()).toList();
        List<View.FaqGroup> out = slice(asked, n).stream()
                .map(r -> new View.FaqGroup(r.guide().title(), r.url(), Urls.guideFaq(r.slug()), questions(r.guide()))).toList();
        return new View.FaqHub(groupTitle, List.of(), out, pageLinks(first, asked.size(), n), n);
    }

    /** The FAQ hub of a site with groups: each group with its number of questions. */
    View.FaqHub faqGroups() {
        List<View.GroupCard> cards = new ArrayList<>();
        for (dev.guidegen.content.Group group : site.groups().values()) {
            int questions = groupRoles(group.key()).stream().mapToInt(r -> r.guide().faq().size()).sum();
            cards.add(new View.GroupCard(group.title(), Urls.group(group.key()).replace("/groups/", "/faq/"), group.summary(),
                    questions, ""));
        }
        return new View.FaqHub("", cards, List.of(), List.of(), 1);
    }

    /** The n-th page (from 1) of a list. */
    private static <T> List<T> slice(List<T> all, int n) {
        return all.subList(Math.min(all.size(), (n - 1) * Urls.PAGE_SIZE), Math.min(all.size(), n * Urls.PAGE_SIZE));
    }

    /** Links to every page of a list of {@code size} entries, none when it fits on one. */
    private static List<View.PageLink> pageLinks(String first, int size, int n) {
        int pages = Urls.pageCount(size);
        List<View.PageLink> links = new ArrayList<>();
        for (int i = 1; i <= pages && pages > 1; i++) {
            links.add(new View.PageLink(Integer.toString(i), Urls.paged(first, i), i == n));
        }
        return links;
    }

    private Charts.Band band(String label, Figures f, String kind) {
        String value = money.range(f.bandLow(), f.bandHigh());
        if (f.median() != null) {
            value = value.isEmpty() ? money.format(f.median()) + " median" : value + ", median " + money.format(f.median());
        }
        if (f.basis() != Basis.MEDIAN) {
            value += ", " + f.basisLabel();
        }
        if (f.sample() != null) {
            value += ", " + Money.grouped(f.sample()) + " listings";
        }
        return new Charts.Band(label, value, f.bandLow(), f.bandHigh(), f.median(), kind);
    }
}
