package dev.guidegen.render;

import dev.guidegen.salary.Figures;
import dev.guidegen.site.Role;
import dev.guidegen.site.Site;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the schema.org JSON-LD graph of each page from the same values the page shows. */
final class Graphs {

    private final Site site;
    private final String baseUrl;
    private final String language;
    private final JsonLd json = new JsonLd();

    Graphs(Site site) {
        this.site = site;
        this.baseUrl = site.config().baseUrl();
        this.language = site.config().language();
    }

    /** The graphs of pages that read nothing of the site but its base URL and language: no {@link #occupation}. */
    Graphs(String baseUrl, String language) {
        this.site = null;
        this.baseUrl = baseUrl;
        this.language = language;
    }

    String absolute(String url) {
        return baseUrl.substring(0, baseUrl.length() - 1) + url;
    }

    /** The graph of a page that is only a view of others, such as a comparison: its breadcrumbs. */
    String breadcrumbsOnly(View.Meta meta) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "https://schema.org");
        root.put("@graph", List.of(breadcrumbList(meta)));
        return json.write(root);
    }

    private Map<String, Object> breadcrumbList(View.Meta meta) {
        Map<String, Object> crumbs = node("BreadcrumbList");
        crumbs.put("@id", absolute(meta.url()) + "#breadcrumbs");
        List<Object> items = new ArrayList<>();
        int position = 1;
        for (View.Link link : meta.breadcrumbs()) {
            Map<String, Object> item = node("ListItem");
            item.put("position", position++);
            item.put("name", link.text());
            item.put("item", absolute(link.url()));
            items.add(item);
        }
        crumbs.put("itemListElement", items);
        return crumbs;
    }

    /** A page's graph: WebPage, BreadcrumbList, and whatever else the page is about. */
    String page(View.Meta meta, String dateModified, List<Map<String, Object>> extra) {
        List<Object> graph = new ArrayList<>();
        Map<String, Object> webPage = node("WebPage");
        webPage.put("@id", absolute(meta.url()));
        webPage.put("url", absolute(meta.url()));
        webPage.put("name", meta.title());
        webPage.put("description", meta.description());
        webPage.put("inLanguage", language);
        if (dateModified != null && !dateModified.isEmpty()) {
            webPage.put("dateModified", dateModified);
        }
        webPage.put("breadcrumb", Map.of("@id", absolute(meta.url()) + "#breadcrumbs"));
        graph.add(webPage);
        graph.add(breadcrumbList(meta));
        graph.addAll(extra);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", "https://schema.org");
        root.put("@graph", graph);
        return json.write(root);
    }

    /**
     * The Occupation a guide describes. Pay is claimed only when the role's own figures meet the
     * minimum sample; category fallback figures are not the role's and are left out.
     */
    Map<String, Object> occupation(Role role, View.Role view) {
        Map<String, Object> o = node("Occupation");
        o.put("@id", absolute(role.url()) + "#occupation");
        o.put("name", view.title());
        o.put("description", view.summary());
        o.put("mainEntityOfPage", Map.of("@id", absolute(role.url())));
        if (!view.skills().isEmpty()) {
            o.put("skills", view.skills().stream().map(View.Link::text).toList());
        }
        if (!view.experience().isEmpty()) {
            o.put("experienceRequirements", view.experience());
        }
        o.put("occupationalCategory", role.pay().category() != null ? role.pay().category().label() : "Software Engineering");
        Figures f = role.pay().shown();
        boolean ownAndCounted = role.pay().hasFigures() && !role.pay().fallback() && f.sample() != null
                && f.sample() >= site.config().minSample();
        if (ownAndCounted) {
            Map<String, Object> salary = node("MonetaryAmountDistribution");
            salary.put("name", "base salary");
            salary.put("currency", site.snapshot().currency());
            salary.put("duration", "P1Y");
            putIf(salary, "percentile10", f.p10());
            putIf(salary, "percentile25", f.p25());
            putIf(salary, "median", f.median());
            putIf(salary, "percentile75", f.p75());
            putIf(salary, "percentile90", f.p90());
            o.put("estimatedSalary", List.of(salary));
        }
        return o;
    }

    /** FAQPage markup whose questions and answers are the visible ones. */
    Map<String, Object> faqPage(String url, List<View.Faq> faqs) {
        Map<String, Object> p = node("FAQPage");
        p.put("@id", absolute(url) + "#faq");
        List<Object> questions = new ArrayList<>();
        for (View.Faq q : faqs) {
            Map<String, Object> question = node("Question");
            question.put("name", q.question());
            Map<String, Object> answer = node("Answer");
            answer.put("text", q.answerHtml().strip());
            question.put("acceptedAnswer", answer);
            questions.add(question);
        }
        p.put("mainEntity", questions);
        return p;
    }

    private static void putIf(Map<String, Object> map, String key, Long value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Map<String, Object> node(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@type", type);
        return m;
    }
}
