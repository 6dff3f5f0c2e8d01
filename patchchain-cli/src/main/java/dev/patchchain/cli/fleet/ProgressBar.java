package dev.patchchain.cli.fleet;

import java.io.PrintWriter;

/** A one-line progress bar on stderr ({@code [#####.....] 1200/5000}), shown only for batches worth watching. */
final class ProgressBar {

    static final int SHOWN_FROM = 200;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;

    ProgressBar(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    void update(int done) {
        if (total < SHOWN_FROM) {
            return;
        }
        int filled = (int) ((long) done * WIDTH / total);
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total);
        if (done == total) {
            err.println();
        }
        err.flush();
    }
}
