package dev.guidegen.build;

import dev.guidegen.check.LinkCheck;
import dev.guidegen.content.Content;
import dev.guidegen.content.ContentReader;
import dev.guidegen.content.MarkdownParser;
import dev.guidegen.problem.Problems;
import dev.guidegen.render.OutputFile;
import dev.guidegen.render.Renderer;
import dev.guidegen.salary.Snapshot;
import dev.guidegen.salary.SnapshotReader;
import dev.guidegen.site.Site;
import dev.guidegen.site.SiteBuilder;
import dev.guidegen.site.Urls;
import dev.guidegen.source.SourceTree;
import dev.guidegen.work.Workers;
import java.util.List;

/**
 * The one build function that the CLI, the dev server and the tests share: source tree in,
 * output files and problems out. No I/O happens here.
 */
public final class Build {

    private Build() {
    }

    public static BuildResult run(SourceTree tree, boolean drafts) {
        return Workers.onBuildStack(() -> {
            try (Workers workers = new Workers()) {
                return run(tree, drafts, workers);
            }
        });
    }

    private static BuildResult run(SourceTree tree, boolean drafts, Workers workers) {
        Problems problems = new Problems();
        tree.problems().forEach(problems::add);
        MarkdownParser markdown = new MarkdownParser();
        Content content = new ContentReader(markdown, drafts, problems, workers).read(tree);
        Snapshot snapshot = new SnapshotReader(problems).read(tree);
        java.util.Set<String> otherFiles = new java.util.TreeSet<>(Urls.FILES);
        tree.under(SourceTree.TEMPLATES + "assets/").keySet()
                .forEach(path -> otherFiles.add("/" + path.substring(SourceTree.TEMPLATES.length())));
        Site site = new SiteBuilder(content, problems).build(snapshot, otherFiles);
        List<OutputFile> files = List.of();
        if (problems.hasErrors()) {
            new Renderer(problems).checkTemplates(tree);
        } else {
            files = new Renderer(problems).render(tree, site, markdown, workers);
            if (!problems.hasErrors()) {
                new LinkCheck(problems).check(files, site, tree, workers);
            }
        }
        if (problems.hasErrors()) {
            files = List.of();
        }
        int pages = (int) files.stream().filter(f -> f.path().endsWith(".html")).count();
        BuildResult.Stats stats = new BuildResult.Stats(pages, site.roles().size(),
                files.isEmpty() ? 0 : (int) site.roles().values().stream().filter(r -> !r.guide().faq().isEmpty()).count(),
                files.isEmpty() ? 0 : site.skills().size(),
                files.isEmpty() ? 0 : site.pages().size());
        return new BuildResult(files, problems.sorted(), stats);
    }
}
