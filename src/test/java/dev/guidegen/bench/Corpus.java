package dev.guidegen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A generated corpus of N guides, the same every time for the same N: about 1,500 words each, with
 * headings, lists, a table and links to other guides; 4 to 6 FAQ entries, 5 skills out of 40 and 3
 * related guides each, in 25 occupation groups; every tenth guide asks to be compared with the next. It writes a guidegen site and an equivalent Hugo site (a page per guide and a
 * page per skill), so the two can be timed on the same input.
 *
 * <p>{@code java dev.guidegen.bench.Corpus N DIR} writes {@code DIR/guidegen/} and {@code DIR/hugo/}.
 */
public final class Corpus {

    private static final String[] WORDS = ("service data team query system design review release deploy schema index "
            + "latency throughput queue worker cache replica migration incident alert budget roadmap customer report "
            + "metric dashboard pipeline model test contract interface request response error retry timeout backlog "
            + "sprint estimate owner partner vendor security access audit policy cost capacity region cluster node "
            + "storage backup recovery failover on-call rota handover").split(" ");
    private static final String[] SECTIONS = {"What the role is", "Day-to-day work", "Required and nice-to-have skills",
            "Work environment", "How to become one", "Career path", "Pay"};

    private final int n;

    private Corpus(int n) {
        this.n = n;
    }

    /** The corpus of {@code n} guides. */
    public static Corpus of(int n) {
        return new Corpus(n);
    }

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        new Corpus(n).write(dir);
    }

    /** A pseudo-random number from a seed, the same on every machine and run. */
    private static long mix(long x) {
        x += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    private static int pick(long seed, int bound) {
        return (int) Math.floorMod(mix(seed), (long) bound);
    }

    static final int GROUPS = 25;

    static String group(int k) {
        return String.format(Locale.ROOT, "group-%02d", k + 1);
    }

    static String slug(int i) {
        return String.format(Locale.ROOT, "role-%05d", i);
    }

    static String skill(int k) {
        return "Skill " + (char) ('A' + k % 26) + (k / 26 + 1);
    }

    private String sentence(long seed) {
        int len = 8 + pick(seed, 10);
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < len; w++) {
            String word = WORDS[pick(seed * 31 + w, WORDS.length)];
            s.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            s.append(w == len - 1 ? "." : " ");
        }
        return s.toString();
    }

    private String paragraph(long seed, int sentences) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            out.add(sentence(seed * 131 + i));
        }
        return String.join(" ", out);
    }

    private int[] others(int i, int count, long salt) {
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            int o = pick(i * 7919L + k * 104729L + salt, n);
            out[k] = o == i ? (o + 1) % n : o;
        }
        return out;
    }

    /** The body, about 1,400 words: seven sections of prose, a list, a table and links. */
    String body(int i, boolean forHugo) {
        StringBuilder b = new StringBuilder();
        int[] links = others(i, 4, 3);
        for (int s = 0; s < SECTIONS.length; s++) {
            b.append("## ").append(SECTIONS[s]).append("\n\n");
            b.append(paragraph(i * 1000L + s, 8)).append("\n\n");
            b.append(paragraph(i * 1000L + s + 500, 7)).append("\n\n");
            if (s == 1) {
                for (int k = 0; k < 5; k++) {
                    b.append("- ").append(sentence(i * 77L + k)).append('\n');
                }
                b.append('\n');
            }
            if (s == 2) {
                b.append("| Skill | Level | Notes |\n| --- | --- | --- |\n");
                for (int k = 0; k < 4; k++) {
                    b.append("| ").append(skill(pick(i * 13L + k, 40))).append(" | ").append(k + 1).append(" | ")
                            .append(sentence(i * 91L + k)).append(" |\n");
                }
                b.append('\n');
            }
            if (s < links.length) {
                String target = slug(links[s]);
                String href = forHugo ? "/roles/" + target + "/" : target + ".md" + (s % 2 == 1 ? "#day-to-day-work" : "");
                b.append("See also [the ").append(target).append(" guide](").append(href).append(").\n\n");
            }
        }
        return b.toString();
    }

    private List<String[]> faq(int i) {
        List<String[]> out = new ArrayList<>();
        int count = 4 + pick(i * 5L, 3);
        for (int q = 0; q < count; q++) {
            out.add(new String[] {"Question " + (q + 1) + " about " + slug(i) + "?", paragraph(i * 300L + q, 3)});
        }
        return out;
    }

    private List<String> skills(int i) {
        List<String> out = new ArrayList<>();
        for (int k = 0; out.size() < 5; k++) {
            String s = skill(pick(i * 17L + k, 40));
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public void write(Path dir) throws IOException {
        Path g = dir.resolve("guidegen");
        Path h = dir.resolve("hugo");
        deleteTree(dir);
        Files.createDirectories(g.resolve("content/guides"));
        Files.createDirectories(g.resolve("content/data"));
        Files.createDirectories(h.resolve("content/roles"));
        Files.createDirectories(h.resolve("layouts/_default"));
        copyTree(Path.of("templates"), g.resolve("templates"));
        Files.writeString(g.resolve("content/site.yaml"), """
                title: Benchmark Guides
                base_url: https://bench.example.org/
                language: en
                description: A generated corpus for timing builds.
                salary:
                  min_sample: 30
                  max_age_days: 365
                """);
        // 25 occupation groups, as the Handbook has, each with a short introduction.
        Files.createDirectories(g.resolve("content/groups"));
        for (int k = 0; k < GROUPS; k++) {
            Files.writeString(g.resolve("content/groups/" + group(k) + ".md"), "---\ntitle: Group " + (k + 1) + "\nsummary: "
                    + quote("The roles of group " + (k + 1) + ", from first job to principal.") + "\n---\n"
                    + paragraph(k * 7919L, 4) + "\n");
        }
        StringBuilder roles = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int median = 60000 + pick(i * 11L, 120) * 1000;
            roles.append(i == 0 ? "" : ",\n").append("    ").append(quote(slug(i))).append(": {\"category\": \"eng\", "
                    + "\"basis\": \"percentiles\", \"p25\": ").append(median - 15000).append(", \"median\": ").append(median)
                    .append(", \"p75\": ").append(median + 20000).append(", \"sample\": ").append(20 + pick(i * 3L, 200))
                    .append(", \"source\": \"bench\"}");
        }
        Files.writeString(g.resolve("content/data/salaries.json"), """
                {
                  "snapshot_date": "2026-11-01",
                  "currency": "USD",
                  "period": "year",
                  "source": "Generated figures.",
                  "sources": {"bench": {"title": "Generated", "publisher": "Bench"}},
                  "categories": {"eng": {"label": "Engineering", "basis": "percentiles", "p25": 90000, "p75": 160000,
                    "sample": 5000, "source": "bench"}},
                  "roles": {
                """ + roles + "\n  }\n}\n");
        for (int i = 0; i < n; i++) {
            String title = "Role " + i;
            String summary = "What a role " + i + " does, the skills it needs, how to get there and what it pays.";
            String updated = String.format(Locale.ROOT, "2026-10-%02d", 1 + pick(i, 28));
            List<String> skills = skills(i);
            int[] related = others(i, 3, 5);
            StringBuilder fm = new StringBuilder("---\n");
            fm.append("title: ").append(title).append('\n');
            fm.append("summary: ").append(quote(summary)).append('\n');
            fm.append("updated: ").append(updated).append('\n');
            fm.append("level: ").append(List.of("entry", "mid", "senior", "lead", "principal").get(i % 5)).append('\n');
            fm.append("experience: \"").append(i % 10).append("+ years\"\n");
            fm.append("group: ").append(group(i % GROUPS)).append('\n');
            fm.append("skills: [").append(String.join(", ", skills)).append("]\n");
            fm.append("related: [").append(slug(related[0])).append(", ").append(slug(related[1])).append(", ")
                    .append(slug(related[2])).append("]\n");
            fm.append("career_path: [").append(slug(i)).append(", Senior ").append(title).append(", ")
                    .append(slug((i + 1) % n)).append("]\n");
            if (i % 10 == 0) {
                fm.append("compare: [").append(slug((i + 1) % n)).append("]\n");
            }
            fm.append("faq:\n");
            for (String[] q : faq(i)) {
                fm.append("  - q: ").append(quote(q[0])).append("\n    a: ").append(quote(q[1])).append('\n');
            }
            fm.append("---\n");
            Files.writeString(g.resolve("content/guides/" + slug(i) + ".md"), fm + body(i, false));

            StringBuilder hfm = new StringBuilder("---\n");
            hfm.append("title: ").append(quote(title)).append('\n');
            hfm.append("summary: ").append(quote(summary)).append('\n');
            hfm.append("date: ").append(updated).append('\n');
            hfm.append("skills: [").append(String.join(", ", skills.stream().map(Corpus::quote).toList())).append("]\n");
            hfm.append("faq:\n");
            for (String[] q : faq(i)) {
                hfm.append("  - q: ").append(quote(q[0])).append("\n    a: ").append(quote(q[1])).append('\n');
            }
            hfm.append("---\n");
            Files.writeString(h.resolve("content/roles/" + slug(i) + ".md"), hfm + body(i, true));
        }
        Files.writeString(h.resolve("config.toml"), """
                baseURL = "https://bench.example.org/"
                languageCode = "en"
                title = "Benchmark Guides"
                disableKinds = ["RSS"]
                [taxonomies]
                  skill = "skills"
                """);
        Files.writeString(h.resolve("layouts/_default/baseof.html"), """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body><header><a href="/">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
                """);
        Files.writeString(h.resolve("layouts/_default/single.html"), """
                {{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>
                <nav><ol>{{ range .Fragments.Headings }}{{ range .Headings }}<li><a href="#{{ .ID }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ol></nav>
                {{ .Content }}
                <ul>{{ range .Params.skills }}<li><a href="{{ (printf "/skills/%s/" (urlize .)) }}">{{ . }}</a></li>{{ end }}</ul>
                <section>{{ range .Params.faq }}<details><summary>{{ .q }}</summary>{{ .a | markdownify }}</details>{{ end }}</section>
                </article>{{ end }}
                """);
        Files.writeString(h.resolve("layouts/_default/list.html"), """
                {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}
                """);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
