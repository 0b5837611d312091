package dev.guidegen.pipeline;

import dev.guidegen.check.LinkCheck;
import dev.guidegen.check.ScanMemo;
import dev.guidegen.content.Content;
import dev.guidegen.content.ContentReader;
import dev.guidegen.content.MarkdownParser;
import dev.guidegen.content.ParseMemo;
import dev.guidegen.render.Assets;
import dev.guidegen.render.RenderMemo;
import dev.guidegen.problem.Problems;
import dev.guidegen.render.OutputFile;
import dev.guidegen.render.Renderer;
import dev.guidegen.salary.Snapshot;
import dev.guidegen.salary.SnapshotMemo;
import dev.guidegen.salary.SnapshotReader;
import dev.guidegen.site.Site;
import dev.guidegen.site.SiteBuilder;
import dev.guidegen.site.SiteMemo;
import dev.guidegen.site.SkillMemo;
import dev.guidegen.site.Urls;
import dev.guidegen.source.SourceTree;
import dev.guidegen.work.Workers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one build function that the CLI, the dev server and the tests share: source tree in,
 * output files and problems out. No I/O happens here.
 */
public final class Build {

    private Build() {
    }

    /**
     * What one build leaves for the next in the same process: each file's parse, the snapshot, each page's
     * rendering and each page's links and ids, reused only where their inputs are exactly the same;
     * when only guides' body text changed, the knowledge that no other page can have, and the site
     * itself when the site stage cannot see the change; and the roles sharing skills, while no
     * guide's skills change.
     */
    public record Memo(ParseMemo parses, SnapshotMemo snapshots, RenderMemo pages, ScanMemo scans, BodyEdits bodies,
            SiteMemo sites, SkillMemo skills) {
        public Memo() {
            this(new ParseMemo(), new SnapshotMemo(), new RenderMemo(), new ScanMemo(), new BodyEdits(), new SiteMemo(),
                    new SkillMemo());
        }
    }

    /** Builds in memory: the result holds every file, sorted by path, or none if the build failed. */
    public static BuildResult run(SourceTree tree, boolean drafts) {
        return run(tree, drafts, (Memo) null);
    }

    /**
     * Builds in memory, taking each unchanged file's parse from {@code memo} (which may be null) and
     * leaving this build's parses in it for the next: what the preview does on every change.
     */
    public static BuildResult run(SourceTree tree, boolean drafts, Memo memo) {
        List<OutputFile> files = java.util.Collections.synchronizedList(new ArrayList<>());
        BuildResult result = run(tree, drafts, memo, files::add);
        if (result.failed()) {
            return result;
        }
        List<OutputFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(OutputFile::path));
        return new BuildResult(sorted, result.problems(), result.stats());
    }

    /**
     * Builds and hands each file to {@code sink} as soon as it is made, from any of the build's
     * threads; the result holds no files. A failed build may already have handed some over: the
     * caller throws those away, as the output stage does by never swapping them in.
     */
    public static BuildResult run(SourceTree tree, boolean drafts, Consumer<OutputFile> sink) {
        return run(tree, drafts, null, sink);
    }

    /**
     * Builds with {@code memo} as {@link #run(SourceTree, boolean, Memo)} does, handing each file to
     * {@code sink} as {@link #run(SourceTree, boolean, Consumer)} does.
     */
    public static BuildResult run(SourceTree tree, boolean drafts, Memo memo, Consumer<OutputFile> sink) {
        return Workers.onBuildStack(() -> {
            try (Workers workers = new Workers()) {
                return run(tree, drafts, memo, memo == null ? null : memo.parses(), null, null, workers, sink);
            }
        });
    }

    /**
     * Builds as {@link #run(SourceTree, boolean, Consumer)} does, taking each unchanged file's parse
     * from {@code parses} and leaving this build's parses in it (what a build with a cache on disk does), handing each
     * guide page's frame to {@code frames} (which may be null) as the page is made, from any of the
     * build's threads: what a later build needs to remake that guide's pages alone. It runs
     * {@code parsed} (which may be null) once {@code parses} holds every content file's parse, before
     * the later stages: a cache can be kept from then on, beside the build.
     */
    public static BuildResult runWithParses(SourceTree tree, boolean drafts, ParseMemo parses,
            Consumer<dev.guidegen.render.Renderer.RoleFrame> frames, Runnable parsed, Consumer<OutputFile> sink) {
        return Workers.onBuildStack(() -> {
            try (Workers workers = new Workers()) {
                return run(tree, drafts, null, parses, frames, parsed, workers, sink);
            }
        });
    }

    private static BuildResult run(SourceTree tree, boolean drafts, Memo memo, ParseMemo parses,
            Consumer<dev.guidegen.render.Renderer.RoleFrame> frames, Runnable parsed, Workers workers, Consumer<OutputFile> sink) {
        Problems problems = new Problems();
        tree.problems().forEach(problems::add);
        MarkdownParser markdown = new MarkdownParser();
        Content content = new ContentReader(markdown, drafts, problems, workers, parses).read(tree);
        if (parsed != null) {
            parsed.run();
        }
        Snapshot snapshot = new SnapshotReader(problems).read(tree, memo == null ? null : memo.snapshots());
        Assets assets = Assets.read(tree, problems);
        BodyEdits.Edit edit = memo == null ? null : memo.bodies().changes(tree, content, drafts);
        Site site = edit == null || edit.siteSees() || problems.hasErrors() ? null : memo.sites().with(edit.changed());
        boolean siteSame = site != null;
        if (siteSame) {
            memo.sites().problems().forEach(problems::add);
        } else {
            Problems stage = new Problems();
            site = new SiteBuilder(content, stage, memo == null ? new SkillMemo() : memo.skills(), workers).build(snapshot, otherFiles(assets));
            List<dev.guidegen.problem.Problem> recorded = stage.sorted();
            recorded.forEach(problems::add);
            if (memo != null) {
                memo.sites().remember(site, recorded);
            }
        }
        int pages = 0;
        if (problems.hasErrors()) {
            new Renderer(problems).checkTemplates(tree);
        } else {
            // The site as the last build had it but for guides' bodies, which reach their own pages alone,
            // after a build that made and checked every file: the other files are taken as they were,
            // and only those made again are checked.
            boolean settled = siteSame && memo.pages().settles() && memo.scans().settles();
            LinkCheck links = new LinkCheck(problems, site, tree, memo == null ? null : memo.scans(), settled);
            java.util.Set<String> only = edit == null ? null : edit.urls();
            new Renderer(problems).keepingFrames(frames).render(tree, site, assets, markdown, workers, memo == null ? null : memo.pages(), only, settled, f -> {
                links.add(f);
                sink.accept(f);
            }, sink);
            if (!problems.hasErrors()) {
                links.finish(workers);
            }
            pages = links.pages();
        }
        boolean built = !problems.hasErrors();
        if (memo != null) {
            if (built) {
                memo.bodies().succeeded(tree, content, drafts);
            } else {
                memo.bodies().failed();
                memo.sites().forget();
            }
        }
        BuildResult.Stats stats = new BuildResult.Stats(built ? pages : 0, site.roles().size(),
                built ? (int) site.roles().values().stream().filter(r -> !r.guide().faq().isEmpty()).count() : 0,
                built ? site.skills().size() : 0,
                built ? site.pages().size() : 0,
                built ? site.comparisons().size() : 0);
        return new BuildResult(List.of(), problems.sorted(), stats);
    }

    /** The URLs of files the build writes besides pages, which content may link to. */
    private static java.util.Set<String> otherFiles(Assets assets) {
        java.util.Set<String> otherFiles = new java.util.TreeSet<>(Urls.FILES);
        otherFiles.addAll(assets.urls());
        return otherFiles;
    }
}
