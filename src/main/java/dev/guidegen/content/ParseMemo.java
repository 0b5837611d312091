package dev.guidegen.content;

import dev.guidegen.problem.Problem;
import dev.guidegen.work.Memo;
import java.util.List;
import java.util.Optional;

/**
 * What the content stage made of each guide, group and page file in the last build, so that a
 * rebuild in the same process (the preview's) parses only the files that changed. A file's parse is
 * reused only when its bytes and everything else its parse reads (the raw HTML rules and the images)
 * are exactly the same, with the problems it recorded.
 */
public final class ParseMemo {

    /** A file's parse: what it made, if anything, and the problems it recorded. */
    record Entry(Optional<?> value, List<Problem> problems) {
    }

    final Memo<Entry> files = new Memo<>();

    /** How many files the current build took from the memo rather than parsing them. */
    public int reused() {
        return files.reused();
    }
}
