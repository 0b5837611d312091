package dev.guidegen.cli;

import dev.guidegen.pipeline.Build;
import dev.guidegen.pipeline.BuildResult;
import dev.guidegen.output.OutputDir;
import dev.guidegen.output.SiteWriter;
import dev.guidegen.cache.BuildCache;
import dev.guidegen.content.ParseMemo;
import dev.guidegen.source.IoErrors;
import dev.guidegen.source.SourceTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code guidegen build}, {@code check}, {@code serve}, {@code new} and
 * {@code publish}, as the README lists them with their options.
 */
@Command(name = "guidegen", mixinStandardHelpOptions = true, version = "guidegen 0.1.0",
        description = "Builds a static site of career guides from Markdown and a salary snapshot.",
        subcommands = {Main.BuildCommand.class, Main.CheckCommand.class, ServeCommand.class, NewCommand.class,
            PublishCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the site was built", "1:content or template problems; nothing was written",
            "2:bad usage, or an --out that guidegen may not replace", "3:a file or directory could not be read or written"})
public final class Main implements Callable<Integer> {

    /** What build and check's help says of the JVM they run in. */
    static final String LAUNCH_NOTE = "Run as java -jar guidegen.jar with no JVM options, it builds in a second JVM set up "
            + "for a short run (serial collector, quick compiler, a class data archive beside the jar); "
            + "give the JVM any option of your own and it builds in that one.";

    /** Exit codes, as the README lists them. */
    static final int BUILT = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;
    static final int IO = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The S3 client logs through SLF4J, for which the jar ships no backend on purpose: its notice
        // that there is none would be three lines of noise before publish's one line.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        int launched = Launch.again(args);
        if (launched >= 0) {
            System.exit(launched);
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        // Usage mistakes get one line each, with where to read more; never a stack trace.
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("guidegen: " + e.getMessage() + " (see: guidegen "
                    + (e.getCommandLine() == cli ? "" : e.getCommandLine().getCommandName() + " ") + "--help)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof UncheckedIOException u) {
                err.println("guidegen: " + IoErrors.describe(u.getCause()));
                return IO;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Builds the site into the output directory; on any problem, lists them all and writes nothing.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the site was built", "1:content or template problems; nothing was written",
                "2:bad usage, or an --out that guidegen may not replace, or a --cache-dir it may not use",
                "3:a file or directory could not be read or written"},
            footer = {"", LAUNCH_NOTE})
    static final class BuildCommand implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        SiteOptions site = new SiteOptions();

        @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: <root>/site-output); it is "
                + "replaced as a whole, so it must be new, empty, or written by guidegen, and may not hold the sources")
        String out;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "where the build cache is kept (default: "
                + "<root>/.guidegen): each content file's parse, and the output before last, so that a rebuild "
                + "parses and writes only what changed; see the README's \"The build cache\"")
        String cacheDir;

        @Option(names = "--no-cache", description = "neither reads nor writes the build cache")
        boolean noCache;

        @CommandLine.Mixin
        FormatOption format = new FormatOption();

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            if (!site.hasContent(stderr)) {
                return USAGE;
            }
            Path root = site.root;
            boolean drafts = site.drafts;
            long start = System.nanoTime();
            SourceTree tree = SourceTree.read(root);
            OutputDir.Decision decision;
            try {
                decision = OutputDir.check(root, out, tree.linkedPaths(), "content", "templates");
            } catch (IOException e) {
                stderr.println("guidegen: cannot use --out " + out + ": " + IoErrors.reason(e));
                return IO;
            }
            if (decision.refusal() != null) {
                stderr.println("guidegen: " + decision.refusal());
                return USAGE;
            }
            if (cacheDir != null && cacheDir.isBlank()) {
                stderr.println("guidegen: --cache-dir is empty; name the directory for the build cache, such as "
                        + root.toAbsolutePath().normalize().resolve(".guidegen") + ", or build with --no-cache");
                return USAGE;
            }
            Path cache;
            try {
                cache = noCache ? null : cacheDir == null ? root.toAbsolutePath().normalize().resolve(".guidegen") : Path.of(cacheDir);
            } catch (java.nio.file.InvalidPathException e) {
                stderr.println("guidegen: --cache-dir " + cacheDir + " is not a path: " + e.getReason());
                return USAGE;
            }
            ParseMemo parses = new ParseMemo();
            if (cache != null) {
                try {
                    String refusal = BuildCache.refusal(root, cache, cacheDir != null, decision.target(), tree.linkedPaths(),
                            "content", "templates");
                    if (refusal != null) {
                        stderr.println("guidegen: " + refusal);
                        return USAGE;
                    }
                    cache = OutputDir.real(cache);
                } catch (IOException e) {
                    stderr.println("guidegen: cannot use --cache-dir " + cache + ": " + IoErrors.reason(e));
                    return IO;
                }
                BuildCache.Loaded loaded = BuildCache.load(cache);
                if (loaded.ignored() != null) {
                    stderr.println("guidegen: " + loaded.ignored());
                }
                parses = loaded.parses();
            }
            // Pages are written as they are rendered, into a directory of this build's own; only a
            // build without errors swaps it in.
            BuildResult result;
            SiteWriter.Staging staging = null;
            java.util.concurrent.FutureTask<Void> keeping = null;
            try {
                staging = SiteWriter.open(decision.target(), cache == null ? null : SiteWriter.spareIn(cache, decision.target()));
                result = Build.runWithParses(tree, drafts, parses, staging::write);
                format.print(result.problems(), tree, stdout, stderr);
                if (!result.failed()) {
                    // The cache is written while the site is swapped in and the old one deleted.
                    keeping = cache == null ? null : keep(cache, parses);
                    staging.commit();
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                IOException cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
                stderr.println("guidegen: cannot write the site to " + decision.target() + ": " + IoErrors.describe(cause));
                return IO;
            } finally {
                if (staging != null) {
                    try {
                        staging.abortUnlessCommitted();
                    } catch (IOException e) {
                        stderr.println("guidegen: cannot remove the unfinished site beside " + decision.target() + ": "
                                + IoErrors.describe(e));
                    }
                }
                if (keeping != null) {
                    try {
                        keeping.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (!(e.getCause() instanceof IOException io)) {
                            throw new IllegalStateException(e.getCause());
                        }
                        stderr.println("guidegen: the build cache could not be kept in " + cache + ": " + IoErrors.describe(io));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            if (result.failed()) {
                long errors = result.problems().size() - result.warnings().size();
                stderr.println("Build failed: " + errors + (errors == 1 ? " error" : " errors") + ", "
                        + result.warnings().size() + (result.warnings().size() == 1 ? " warning" : " warnings")
                        + "; nothing was written");
                return PROBLEMS;
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            format.summary(stdout, stderr).println("Built " + result.stats().describe() + " in " + ms + " ms"
                    + (parses.fromStore() > 0 ? "; " + parses.fromStore() + " of " + parses.files() + " content files from the cache" : ""));
            return BUILT;
        }
    }

    /** Starts writing the build cache on a thread of its own. */
    private static java.util.concurrent.FutureTask<Void> keep(Path cache, ParseMemo parses) {
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
            BuildCache.save(cache, parses);
            return null;
        });
        new Thread(task, "guidegen-cache").start();
        return task;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Runs the whole build, link check included, and writes nothing: for CI on pull requests.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no errors (warnings may be printed)", "1:content or template problems",
                "2:bad usage", "3:a file or directory could not be read"},
            footer = {"", LAUNCH_NOTE})
    static final class CheckCommand implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        SiteOptions site = new SiteOptions();

        @CommandLine.Mixin
        FormatOption format = new FormatOption();

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            if (!site.hasContent(stderr)) {
                return USAGE;
            }
            Path root = site.root;
            boolean drafts = site.drafts;
            SourceTree tree = SourceTree.read(root);
            BuildResult result = Build.run(tree, drafts, f -> { });
            format.print(result.problems(), tree, stdout, stderr);
            long errors = result.problems().size() - result.warnings().size();
            format.summary(stdout, stderr).println((errors == 0 ? "Checked " + result.stats().describe() + ": "
                    : "Check failed: ") + errors + (errors == 1 ? " error, " : " errors, ") + result.warnings().size()
                    + (result.warnings().size() == 1 ? " warning" : " warnings"));
            return errors == 0 ? BUILT : PROBLEMS;
        }
    }
}
