package dev.guidegen.check;

import dev.guidegen.work.Memo;
import java.util.Map;
import java.util.Set;

/**
 * What the last build's link check found and settled, kept for a rebuild in the same process: the
 * links and ids on each page, so that only pages whose bytes changed are scanned again; and, after a
 * check that found nothing wrong, what every page was checked against, so that a page is checked
 * again only when its links, the site's files, or the ids of a page it links into with a
 * {@code #fragment} changed.
 */
public final class ScanMemo {

    final Memo<HtmlScan.Page> pages = new Memo<>();

    /** A check that found nothing wrong: the scans it checked, the files and ids it checked them against. */
    record Passed(String baseUrl, Set<String> paths, Map<String, LinkCheck.Scanned> scans, Map<String, Set<String>> ids,
            Map<String, Set<String>> fragmentTargets) {
    }

    private Passed passed;
    private int checked;
    /** How many pages the current build's check, settled, took as the last check had them without being told of them. */
    private volatile int kept;

    synchronized Passed passed() {
        return passed;
    }

    synchronized void passed(Passed now, int pagesChecked) {
        passed = now;
        checked = pagesChecked;
    }

    synchronized void failed(int pagesChecked) {
        passed = null;
        checked = pagesChecked;
    }

    /**
     * Whether the last check found nothing wrong, so that a build that knows which files it made
     * again can have only those checked, and the pages that link into them ({@link LinkCheck}, settled).
     */
    public synchronized boolean settles() {
        return passed != null;
    }

    void kept(int pages) {
        kept = pages;
    }

    /** How many pages the current build took from the memo rather than scanning them. */
    public int reused() {
        return pages.reused() + kept;
    }

    /** How many pages the last build's link check checked, rather than taking as settled. */
    public synchronized int checked() {
        return checked;
    }
}
