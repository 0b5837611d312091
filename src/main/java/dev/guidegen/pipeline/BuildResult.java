package dev.guidegen.pipeline;

import dev.guidegen.problem.Problem;
import dev.guidegen.problem.Severity;
import dev.guidegen.render.OutputFile;
import java.util.List;

/** What a build made: the files (none when it failed), every problem sorted, and page counts. */
public record BuildResult(List<OutputFile> files, List<Problem> problems, Stats stats) {

    public BuildResult {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    public boolean failed() {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }

    /** How many pages of each kind a build made. */
    public record Stats(int pages, int guides, int faqPages, int skillPages, int plainPages, int comparisonPages) {

        public String describe() {
            int other = pages - guides - faqPages - skillPages - plainPages - comparisonPages;
            return count(pages, "page") + " (" + count(guides, "guide") + ", " + count(faqPages, "FAQ page") + ", "
                    + count(skillPages, "skill page") + ", " + count(plainPages, "plain page") + ", "
                    + count(comparisonPages, "comparison page") + ", " + count(other, "other page") + ")";
        }

        /** "1 page", "2 pages": a count with its noun. */
        public static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }
}
