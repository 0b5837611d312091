package dev.guidegen.cli;

import dev.guidegen.build.Build;
import dev.guidegen.build.BuildResult;
import dev.guidegen.output.SiteWriter;
import dev.guidegen.problem.Problem;
import dev.guidegen.source.Excerpt;
import dev.guidegen.source.SourceTree;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: {@code guidegen build [--root DIR] [--out DIR] [--drafts]}. */
@Command(name = "guidegen", mixinStandardHelpOptions = true, version = "guidegen 0.1.0",
        description = "Builds a static site of career guides from Markdown and a salary snapshot.",
        subcommands = {Main.BuildCommand.class, ServeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the site was built", "1:content or template problems; nothing was written", "2:bad usage"})
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /**
     * Why writing the site to {@code target} would destroy sources, or null if it would not: the
     * output directory is replaced as a whole, so it must not hold or sit inside the sources.
     */
    static String unsafeOutput(Path root, Path target) {
        if (target.getParent() == null) {
            return "is a file system root";
        }
        if (root.startsWith(target)) {
            return "holds the site root";
        }
        for (String source : new String[] {"content", "templates"}) {
            if (target.startsWith(root.resolve(source))) {
                return "lies inside " + source + "/";
            }
        }
        return null;
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Builds the site into the output directory; on any problem, lists them all and writes nothing.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the site was built", "1:content or template problems; nothing was written",
                "2:bad usage, or an --out that would replace the sources"})
    static final class BuildCommand implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--root", paramLabel = "DIR", description = "site root holding content/ and templates/ (default: the working directory)")
        Path root = Path.of(".");

        @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: <root>/site-output); it is replaced as a whole, so it may not hold the sources")
        Path out;

        @Option(names = "--drafts", description = "include guides and pages marked draft: true")
        boolean drafts;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            if (!java.nio.file.Files.isDirectory(root.resolve("content"))) {
                stderr.println("guidegen: no content/ folder in " + root.toAbsolutePath().normalize());
                return 2;
            }
            Path target = (out == null ? root.resolve("site-output") : out).toAbsolutePath().normalize();
            String unsafe = unsafeOutput(root.toAbsolutePath().normalize(), target);
            if (unsafe != null) {
                stderr.println("guidegen: --out " + target + " " + unsafe + "; choose a directory of its own, such as "
                        + root.toAbsolutePath().normalize().resolve("site-output"));
                return 2;
            }
            long start = System.nanoTime();
            SourceTree tree = SourceTree.read(root);
            BuildResult result = Build.run(tree, drafts);
            Excerpt excerpt = new Excerpt(tree);
            for (Problem p : result.problems()) {
                stderr.print(excerpt.describe(p));
            }
            stderr.flush();
            if (result.failed()) {
                long errors = result.problems().size() - result.warnings().size();
                stderr.println("Build failed: " + errors + (errors == 1 ? " error" : " errors") + ", "
                        + result.warnings().size() + (result.warnings().size() == 1 ? " warning" : " warnings")
                        + "; nothing was written");
                return 1;
            }
            SiteWriter.write(target, result.files());
            long ms = (System.nanoTime() - start) / 1_000_000;
            stdout.println("Built " + result.stats().describe() + " in " + ms + " ms");
            return 0;
        }
    }
}
