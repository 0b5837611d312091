package dev.guidegen.cli;

import dev.guidegen.pipeline.Build;
import dev.guidegen.pipeline.BuildResult;
import dev.guidegen.output.OutputDir;
import dev.guidegen.output.SiteWriter;
import dev.guidegen.cache.BuildCache;
import dev.guidegen.cache.QuickBuild;
import java.util.List;
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
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the site was built", "1:content or template problems; nothing was written",
            "2:bad usage, or an --out that guidegen may not replace", "3:a file or directory could not be read or written"})
public final class Main implements Callable<Integer> {

    /** What build and check's help says of the JVM they run in. */
    static final String LAUNCH_NOTE = "Run as java -jar guidegen.jar with no JVM options, it builds in a second JVM set up "
            + "for a short run (parallel collector, quick compiler, a class data archive beside the jar); "
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
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line as {@code java -jar guidegen.jar} does: a build command line of the
     * plainest form tries the quick way and then builds in full, without picocli, and every other
     * goes to {@link #execute}. Returns the exit code.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        QuickCommandLine plain = QuickCommandLine.of(args);
        if (plain != null) {
            QuickBuild.Done quick = quickBuild(plain.root(), plain.out(), plain.cacheDir(), plain.drafts());
            if (quick != null) {
                out.println(quickSummary(quick, start));
                return BUILT;
            }
            // A full build, still without picocli: its classes cannot be archived, and loading and
            // verifying them took 50 ms of CPU at the start of every build.
            BuildCommand build = new BuildCommand(true);
            build.site.root = plain.root();
            build.site.drafts = plain.drafts();
            build.out = plain.out();
            build.cacheDir = plain.cacheDir();
            try {
                return build.build(out, err);
            } catch (UncheckedIOException e) {
                return ioError(err, e);
            }
        }
        return execute(args, out, err);
    }

    /** What picocli's run of a command and a full build without it say of an I/O error they did not expect. */
    private static int ioError(PrintWriter err, UncheckedIOException e) {
        err.println("guidegen: " + IoErrors.describe(e.getCause()));
        return IO;
    }

    /**
     * A build command line of the plainest form, read without picocli: {@code build} with any of
     * {@code --root}, {@code --out}, {@code --cache-dir} (each with its value, once) and
     * {@code --drafts}. Picocli's 170 classes are built for Java 5, which the class data archive
     * cannot hold, and loading them took a fifth of a quick rebuild and 50 ms of CPU at the start of
     * a full one; a build of such a command line, quick or full, needs none of them. Anything else,
     * {@code --format} and {@code --help} among them, is left to picocli.
     */
    record QuickCommandLine(Path root, String out, String cacheDir, boolean drafts) {

        static QuickCommandLine of(String[] args) {
            // picocli reads "@FILE" as the arguments that FILE holds
            if (args.length == 0 || !args[0].equals("build") || java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("@"))) {
                return null;
            }
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                int eq = arg.indexOf('=');
                String name = eq > 0 ? arg.substring(0, eq) : arg;
                String value = eq > 0 ? arg.substring(eq + 1) : null;
                if (name.equals("--drafts") && value == null) {
                    value = "";
                } else if (!List.of("--root", "--out", "--cache-dir").contains(name)) {
                    return null;
                } else if (value == null) {
                    if (i + 1 == args.length || args[i + 1].startsWith("-")) {
                        return null;
                    }
                    value = args[++i];
                }
                if (values.put(name, value) != null || value.isEmpty() && !name.equals("--drafts")) {
                    return null;
                }
            }
            try {
                Path root = Path.of(values.getOrDefault("--root", "."));
                return Files.isDirectory(root.resolve("content"))
                        ? new QuickCommandLine(root, values.get("--out"), values.get("--cache-dir"), values.containsKey("--drafts"))
                        : null;
            } catch (java.nio.file.InvalidPathException e) {
                return null;
            }
        }
    }

    /** The one line a quick rebuild prints, as a full build prints its own. */
    private static String quickSummary(QuickBuild.Done quick, long start) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        String site = quick.stats().describe();
        if (quick.guides() == 0) {
            return "Built " + site + " in " + ms + " ms; nothing had changed since the last build, whose output stands";
        }
        return "Built " + site + " in " + ms + " ms; made again only the " + BuildResult.Stats.count(quick.pages(), "page") + " of "
                + BuildResult.Stats.count(quick.guides(), "changed guide") + " (" + quick.written() + " rewritten), and took every other page"
                + " as the last build left it";
    }

    /** The subcommands, in the order help lists them. */
    private static final List<String> SUBCOMMANDS = List.of("build", "check", "serve", "new", "publish");

    /**
     * The command line, with only the subcommand {@code first} names when it names one: picocli reads
     * each command's annotations when it is added, which for the four others took about 20 ms of
     * every build's start.
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new Main());
        for (String name : SUBCOMMANDS) {
            if (!SUBCOMMANDS.contains(first) || name.equals(first)) {
                cli.addSubcommand(name, switch (name) {
                    case "build" -> new BuildCommand(false);
                    case "check" -> new CheckCommand();
                    case "serve" -> new ServeCommand();
                    case "new" -> new NewCommand();
                    default -> new PublishCommand();
                });
            }
        }
        return cli;
    }

    /** Runs the command line with the given streams and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(args.length == 0 ? "" : args[0]);
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
                return ioError(err, u);
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

        /** Whether a quick rebuild was tried already, on the command line read without picocli. */
        private final boolean quickTried;

        BuildCommand(boolean quickTried) {
            this.quickTried = quickTried;
        }

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        SiteOptions site = new SiteOptions();

        @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: <root>/site-output); it is "
                + "replaced as a whole (a quick rebuild replaces only the pages that changed), so it must be new, empty, or "
                + "written by guidegen, and may not hold the sources")
        String out;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "where the build cache is kept (default: "
                + "<root>/.guidegen): each content file's parse, the output before last, and what a quick rebuild "
                + "needs, so that a rebuild parses and writes only what changed; a directory given must be new, empty, "
                + "or made by guidegen (it tags its own with CACHEDIR.TAG); see the README's \"The build cache\"")
        String cacheDir;

        @Option(names = "--no-cache", description = "neither reads nor writes the build cache")
        boolean noCache;

        @CommandLine.Mixin
        FormatOption format = new FormatOption();

        @Override
        public Integer call() {
            return build(spec.commandLine().getOut(), spec.commandLine().getErr());
        }

        /** Builds as this command's options say, printing to {@code stdout} and {@code stderr}; returns the exit code. */
        int build(PrintWriter stdout, PrintWriter stderr) {
            if (!site.hasContent(stderr)) {
                return USAGE;
            }
            Path root = site.root;
            boolean drafts = site.drafts;
            long start = System.nanoTime();
            long racyFrom = QuickBuild.racyFrom();
            if (!noCache && !quickTried) {
                QuickBuild.Done quick = quickBuild(root, out, cacheDir, drafts);
                if (quick != null) {
                    format.print(List.of(), SourceTree.of(java.util.Map.of()), stdout, stderr); // no problems, as each format says it
                    format.summary(stdout, stderr).println(quickSummary(quick, start));
                    return BUILT;
                }
            }
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
                        + cachePath(root, null) + ", or build with --no-cache");
                return USAGE;
            }
            Path cache;
            try {
                cache = noCache ? null : cachePath(root, cacheDir);
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
                String unmade = BuildCache.claim(cache);
                if (unmade != null) {
                    stderr.println("guidegen: the build cache cannot be kept in " + cache + ": " + unmade
                            + "; this build goes without it");
                    cache = null;
                }
            }
            if (cache != null) {
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
            // The parses are kept beside the later stages, from the moment the content stage is done.
            java.util.concurrent.atomic.AtomicReference<java.util.concurrent.FutureTask<Void>> keeping =
                    new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.FutureTask<Void> journal = null;
            java.util.concurrent.CompletableFuture<Boolean> swapped = new java.util.concurrent.CompletableFuture<>();
            java.nio.channels.FileLock lock = null;
            QuickBuild.Frames frames = new QuickBuild.Frames();
            java.util.Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
            try {
                SiteWriter.Staging writer = SiteWriter.open(decision.target(),
                        cache == null ? null : SiteWriter.spareIn(cache, decision.target()));
                staging = writer;
                Path keptIn = cache;
                ParseMemo parsed = parses;
                boolean remembering = cache != null && QuickBuild.canRemember(tree, root);
                result = Build.runWithParses(tree, drafts, parses, remembering ? frames : null,
                        cache == null ? null : () -> keeping.set(keep(keptIn, parsed)), f -> {
                    written.add(f.path());
                    writer.write(f);
                });
                format.print(result.problems(), tree, stdout, stderr);
                if (!result.failed()) {
                    if (cache != null) {
                        // No quick rebuild runs while this build swaps its site in and keeps its journal.
                        try {
                            lock = QuickBuild.hold(cache);
                        } catch (IOException e) {
                            stderr.println("guidegen: cannot take the build cache's lock " + cache.resolve(BuildCache.LOCK) + ": "
                                    + IoErrors.reason(e) + "; the site is built, but no build goes the quick way until it can be taken");
                        }
                        forgetLastBuild(cache);
                    }
                    // A quick rebuild prints no problems: only a build with none leaves it what it needs. Its
                    // journal is made while the site is swapped in, and holds the output's stats once it is.
                    if (remembering && result.problems().isEmpty()) {
                        Path kept = cache;
                        Path target = decision.target();
                        BuildResult.Stats n = result.stats();
                        ParseMemo read = parses;
                        journal = inBackground("guidegen-journal", () -> QuickBuild.remember(kept, root, target, drafts,
                                racyFrom, tree, read, frames, written, n, swapped));
                    }
                    staging.commit();
                    swapped.complete(true);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                IOException cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : (IOException) e;
                stderr.println("guidegen: cannot write the site to " + decision.target() + ": " + IoErrors.describe(cause));
                return IO;
            } finally {
                swapped.complete(false); // when the site was not swapped in, the journal is not written
                if (staging != null) {
                    try {
                        staging.abortUnlessCommitted();
                    } catch (IOException e) {
                        stderr.println("guidegen: cannot remove the unfinished site beside " + decision.target() + ": "
                                + IoErrors.describe(e));
                    }
                }
                // Whatever became of the cache, the site is as the build left it: a cache not kept is one
                // line, and the next build goes without it.
                for (java.util.concurrent.FutureTask<Void> task : java.util.Arrays.asList(keeping.get(), journal)) {
                    if (task == null) {
                        continue;
                    }
                    try {
                        task.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        String what = task == journal ? "what a quick rebuild needs" : "the build cache";
                        stderr.println("guidegen: " + what + " could not be kept in " + cache + ": "
                                + (e.getCause() instanceof IOException io ? IoErrors.describe(io) : String.valueOf(e.getCause())));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                QuickBuild.release(lock);
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

    /** The build cache's directory: {@code --cache-dir}'s, or {@code <root>/.guidegen} when it is not given. */
    private static Path cachePath(Path root, String cacheDir) {
        return cacheDir == null ? root.toAbsolutePath().normalize().resolve(".guidegen") : Path.of(cacheDir);
    }

    /** Starts writing the build cache on a thread of its own. */
    private static java.util.concurrent.FutureTask<Void> keep(Path cache, ParseMemo parses) {
        return inBackground("guidegen-cache", () -> BuildCache.save(cache, parses));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static java.util.concurrent.FutureTask<Void> inBackground(String name, Work work) {
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
            work.run();
            return null;
        });
        new Thread(task, name).start();
        return task;
    }

    /**
     * Before a full build's output is swapped in, what the last build left for a quick rebuild is
     * removed: it describes the output being replaced. One that cannot be removed does no harm, as
     * the new output's files are not those it describes.
     */
    private static void forgetLastBuild(Path cache) {
        try {
            QuickBuild.forget(cache);
        } catch (IOException e) {
            // see above
        }
    }

    /**
     * A quick rebuild ({@link QuickBuild}) into the output and with the cache the options name, when
     * both are ones a full build would use and the last build left what it needs; else null.
     */
    private static QuickBuild.Done quickBuild(Path root, String out, String cacheDir, boolean drafts) {
        try {
            if (cacheDir != null && cacheDir.isBlank()) {
                return null;
            }
            Path cache = cachePath(root, cacheDir);
            OutputDir.Decision decision = OutputDir.check(root, out, List.of(), "content", "templates");
            if (decision.refusal() != null || BuildCache.refusal(root, cache, cacheDir != null, decision.target(), List.of(),
                    "content", "templates") != null || !Files.isDirectory(cache)) {
                return null;
            }
            // No claim: a quick rebuild needs a journal that only a full build, which claims the directory, writes.
            return QuickBuild.attempt(root, OutputDir.real(cache), decision.target(), drafts);
        } catch (IOException | RuntimeException e) {
            return null; // the full build says what is wrong
        }
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
