package dev.guidegen.render;

import java.util.List;

/** The values templates read. Every string is plain text, escaped by FreeMarker, unless its name ends in Html. */
public final class View {

    private View() {
    }

    public record SiteInfo(String title, String description, String language, String baseUrl, String snapshotDate,
            List<Link> nav) {
    }

    /** What every page's head and breadcrumbs need. */
    public record Meta(String title, String description, String url, String canonical, List<Link> breadcrumbs,
            String jsonLdHtml, String ogType) {
    }

    public record Link(String text, String url) {
    }

    /** One figure and how to read it, for tables: "Median", "$116,000". */
    public record Row(String label, String value) {
    }

    public record Stated(String label, String basis, String value, String source, String note) {
    }

    /** An SVG chart of pay bands on one axis; {@code description} says every figure in words. */
    public record Chart(String id, String title, String description, String height, String axisY, String tickLabelY,
            List<Bar> bars, List<Tick> ticks, String width) {
    }

    /** A band ({@code x}, {@code width} null when only a median is known) and its labels. */
    public record Bar(String label, String detail, String labelY, String detailY, String barY, String x, String width,
            String medianX, String kind) {
    }

    public record Tick(String x, String label) {
    }

    public record Pay(boolean hasFigures, boolean fallback, String reason, String note, String headline, String band,
            String median, String basis, String sample, String source, String category, String snapshotDate,
            List<Row> rows, List<Stated> stated, Long bandLow, Long bandHigh, Long medianValue) {
    }

    public record Step(String title, String url, boolean current, String pay) {
    }

    public record TocItem(String text, String id) {
    }

    public record Faq(String question, String answerHtml, String id) {
    }

    public record Card(String slug, String title, String url, String summary, String level, String experience,
            String pay) {
    }

    public record Role(String slug, String title, String url, String faqUrl, String summary, String level,
            String experience, String updated, String updatedHuman, int readingMinutes, Pay pay, Chart chart, List<Step> ladder, List<Link> skills,
            List<Card> related, List<Link> linkedFrom, List<Faq> faq, List<TocItem> toc, String bodyHtml, List<Link> compare,
            Link group) {
    }

    public record LevelGroup(String label, List<Card> roles) {
    }

    /** One page of a skill's roles, with links to every page when there is more than one. */
    public record SkillInfo(String name, String url, List<Card> roles, List<PageLink> pages, int page, int total) {
    }

    public record SalaryRow(String title, String url, Pay pay) {
    }

    /**
     * One page of the salary index: the groups of a site that has them ({@code groups}), or one page of
     * roles ({@code rows}) for a site without groups or for one group ({@code groupTitle}).
     */
    public record SalaryIndex(List<SalaryRow> rows, Chart chart, String currency, List<GroupPay> groups, String groupTitle,
            List<PageLink> pages, int page) {
    }

    /** A group's pay in the salary index: the spread of its roles' own medians, and how many have them. */
    public record GroupPay(String title, String url, int roles, int withMedians, String spread) {
    }

    /**
     * A role's questions as the FAQ hub lists them, without their answers: an answer shows only on
     * its guide's own pages, which is what lets an edited answer rebuild those pages alone.
     */
    public record FaqGroup(String title, String url, String faqUrl, List<Question> questions) {
    }

    /** A question and the id of its answer on the guide's FAQ page. */
    public record Question(String question, String id) {
    }

    /**
     * One page of the FAQ hub: the groups with their question counts ({@code groups}), or one page of
     * roles and their questions ({@code roles}), for a site without groups or for one group.
     */
    public record FaqHub(String groupTitle, List<GroupCard> groups, List<FaqGroup> roles, List<PageLink> pages, int page) {
    }

    public record PageInfo(String title, String summary, String bodyHtml) {
    }

    /** A link to one page of a paged list; {@code current} marks the page being read. */
    public record PageLink(String label, String url, boolean current) {
    }

    /** An occupation group as a hub lists it: its roles counted and their pay spread. */
    public record GroupCard(String title, String url, String summary, int roles, String pay) {
    }

    /**
     * One page of a group: its introduction and chart on the first page only, up to 50 of its
     * roles, and links to every page of the list.
     */
    public record GroupPage(String key, String title, String summary, String introHtml, List<Card> roles, Chart chart,
            List<PageLink> pages, int page, int total) {
    }

    /** One of the two roles on a comparison page. {@code faqUrl} is empty when the guide has no questions. */
    public record Side(String title, String url, String faqUrl, String level, String experience, String pay,
            String basis, String sample) {
    }

    /**
     * A comparison page: the two roles, their skills shared and apart, where they sit on a ladder,
     * and their pay compared in words; {@code payDifference} is true only when the figures could be
     * subtracted.
     */
    public record Compare(String title, String url, Side a, Side b, List<Link> shared, List<Link> onlyA, List<Link> onlyB,
            String ladder, String pay, boolean payDifference) {
    }
}
