package dev.guidegen.cli;

import dev.guidegen.problem.Problem;
import dev.guidegen.source.SourceTree;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** How build and check print problems, and where their summary line goes. */
final class FormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", description = "how problems are printed: text (default), "
            + "github (workflow commands, shown as annotations on a pull request) or json")
    Report format = Report.text;

    void print(List<Problem> problems, SourceTree tree, PrintWriter out, PrintWriter err) {
        format.print(problems, tree, out, err);
    }

    /** Where the one summary line goes: after text problems, or apart from machine-read ones, on standard error. */
    PrintWriter summary(PrintWriter out, PrintWriter err) {
        return format == Report.text ? out : err;
    }
}
