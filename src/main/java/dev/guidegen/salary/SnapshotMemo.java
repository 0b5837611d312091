package dev.guidegen.salary;

import dev.guidegen.problem.Problem;
import dev.guidegen.work.Memo;
import java.util.List;

/**
 * The last build's salary snapshot and the problems reading it recorded, so that a rebuild in the
 * same process reads the file again only when its bytes changed.
 */
public final class SnapshotMemo {

    record Entry(Snapshot snapshot, List<Problem> problems) {
    }

    final Memo<Entry> files = new Memo<>();

    /** How many times the current build took the snapshot from the memo rather than reading it (0 or 1). */
    public int reused() {
        return files.reused();
    }
}
