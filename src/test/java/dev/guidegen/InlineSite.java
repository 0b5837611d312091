package dev.guidegen;

import dev.guidegen.pipeline.Build;
import dev.guidegen.pipeline.BuildResult;
import dev.guidegen.problem.Problem;
import dev.guidegen.render.OutputFile;
import dev.guidegen.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole site written as one text block, files separated by {@code -- path --} lines, built in
 * memory. The project's own templates are included unless the text block brings its own.
 */
public final class InlineSite {

    /** A small complete site that builds cleanly: two guides, a page and a snapshot. */
    public static final String MINIMAL = """
            -- content/site.yaml --
            title: Test Guides
            base_url: https://guides.example.org/
            language: en
            description: Guides for testing.
            salary:
              min_sample: 30
              max_age_days: 365
            -- content/guides/backend-engineer.md --
            ---
            title: Backend Engineer
            summary: Builds the server side.
            updated: 2026-10-01
            level: mid
            experience: 3-7 years
            skills: [API design, SQL]
            related: [backend-architect]
            career_path: [backend-engineer, Staff Engineer, backend-architect]
            faq:
              - q: Is it remote?
                a: Often. See [the architect](backend-architect.md#pay).
            ---
            ## What the role is

            Builds APIs. Compare with the [architect](backend-architect.md).

            ## Pay

            See the [methodology](../pages/methodology.md).
            -- content/guides/backend-architect.md --
            ---
            title: Backend Architect
            summary: Designs the server side.
            updated: 2026-10-02
            level: principal
            experience: 8+ years
            skills: [API design, Distributed systems]
            career_path: [backend-engineer, Staff Engineer, backend-architect]
            salary: architect
            ---
            ## What the role is

            Owns the design.

            ## Pay

            Well paid.
            -- content/pages/methodology.md --
            ---
            title: Methodology
            summary: Where the figures come from.
            ---
            ## Sources

            Published guides.
            -- content/data/salaries.json --
            {
              "snapshot_date": "2026-11-01",
              "currency": "USD",
              "period": "year",
              "source": "Test data",
              "sources": {"guide": {"title": "A guide", "publisher": "Pub"}},
              "categories": {
                "software-engineering": {"label": "Software Engineering", "basis": "percentiles",
                  "p25": 197000, "p75": 288000, "sample": 322, "source": "guide",
                  "note": "Per-role figures will appear once enough listings accumulate."}
              },
              "roles": {
                "backend-engineer": {"category": "software-engineering", "basis": "percentiles",
                  "p25": 120000, "median": 150000, "p75": 180000, "sample": 12, "source": "guide"},
                "architect": {"category": "software-engineering", "basis": "percentiles",
                  "p10": 150000, "p25": 190000, "median": 240000, "p75": 290000, "p90": 330000, "sample": 45,
                  "source": "guide"}
              }
            }
            """;

    private final Map<String, byte[]> files;

    private InlineSite(Map<String, byte[]> files) {
        this.files = files;
    }

    public static InlineSite of(String text) {
        Map<String, byte[]> files = new TreeMap<>(parse(text));
        if (files.keySet().stream().noneMatch(p -> p.startsWith(SourceTree.TEMPLATES))) {
            SourceTree.read(Path.of(".")).under(SourceTree.TEMPLATES).forEach(files::put);
        }
        return new InlineSite(files);
    }

    /** A site kept as files under {@code src/test/resources/sites/<name>/}, with the shipped templates unless it has its own. */
    public static InlineSite fromResources(String name) {
        Map<String, byte[]> files = new TreeMap<>(SourceTree.read(Path.of("src/test/resources/sites", name)).files());
        if (files.keySet().stream().noneMatch(p -> p.startsWith(SourceTree.TEMPLATES))) {
            SourceTree.read(Path.of(".")).under(SourceTree.TEMPLATES).forEach(files::put);
        }
        return new InlineSite(files);
    }

    public static InlineSite minimal() {
        return of(MINIMAL);
    }

    static Map<String, byte[]> parse(String text) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String path = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
                if (path != null) {
                    files.put(path, body.toString().getBytes(StandardCharsets.UTF_8));
                }
                path = line.substring(3, line.length() - 3).strip();
                body.setLength(0);
            } else if (path != null) {
                body.append(line).append('\n');
            }
        }
        if (path != null) {
            files.put(path, body.toString().getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /** This site with one file written anew. */
    public InlineSite with(String path, String content) {
        return with(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public InlineSite with(String path, byte[] content) {
        Map<String, byte[]> copy = new TreeMap<>(files);
        copy.put(path, content);
        return new InlineSite(copy);
    }

    public InlineSite without(String path) {
        Map<String, byte[]> copy = new TreeMap<>(files);
        copy.remove(path);
        return new InlineSite(copy);
    }

    /** This site with every {@code from} in one file replaced by {@code to}; fails if there is none. */
    public InlineSite edit(String path, String from, String to) {
        String text = new String(files.get(path), StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(path + " does not contain: " + from);
        }
        return with(path, text.replace(from, to));
    }

    public SourceTree tree() {
        return SourceTree.of(files);
    }

    public Built build() {
        return new Built(Build.run(tree(), false));
    }

    public Built buildWithDrafts() {
        return new Built(Build.run(tree(), true));
    }

    /** A finished in-memory build and ways to look at it. */
    public record Built(BuildResult result) {

        public List<String> problems() {
            return result.problems().stream().map(Problem::toString).toList();
        }

        public List<String> errors() {
            return result.problems().stream().filter(p -> p.severity() == dev.guidegen.problem.Severity.ERROR)
                    .map(Problem::toString).toList();
        }

        public List<String> paths() {
            return result.files().stream().map(OutputFile::path).toList();
        }

        public String file(String path) {
            return result.files().stream().filter(f -> f.path().equals(path)).findFirst()
                    .map(f -> new String(f.bytes(), StandardCharsets.UTF_8))
                    .orElseThrow(() -> new AssertionError("no output file " + path + " in " + paths()));
        }

        public org.jsoup.nodes.Document html(String path) {
            return org.jsoup.Jsoup.parse(file(path));
        }
    }
}
