package dev.guidegen.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects problems from every stage; safe to share between the threads that render pages. */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    public synchronized void add(Problem problem) {
        list.add(problem);
    }

    public void error(SourcePos pos, String message) {
        add(new Problem(pos, Severity.ERROR, message, null));
    }

    public void error(SourcePos pos, String message, String hint) {
        add(new Problem(pos, Severity.ERROR, message, hint));
    }

    public void warning(SourcePos pos, String message) {
        add(new Problem(pos, Severity.WARNING, message, null));
    }

    public void warning(SourcePos pos, String message, String hint) {
        add(new Problem(pos, Severity.WARNING, message, hint));
    }

    public synchronized boolean hasErrors() {
        return list.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    /** Every problem so far, sorted by file, line and column. */
    public synchronized List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(null);
        return List.copyOf(copy);
    }
}
