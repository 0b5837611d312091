package dev.guidegen.check;

import dev.guidegen.work.Memo;

/**
 * The links and ids the last build's link check found on each page, so that a rebuild in the same
 * process scans again only the pages whose bytes changed. The check itself always runs on every page.
 */
public final class ScanMemo {

    final Memo<HtmlScan.Page> pages = new Memo<>();

    /** How many pages the current build took from the memo rather than scanning them. */
    public int reused() {
        return pages.reused();
    }
}
