package dev.guidegen.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that reads a site shares: where it is, and whether drafts are in. */
final class SiteOptions {

    @Option(names = "--root", paramLabel = "DIR", description = "site root holding content/ and templates/ (default: the working directory)")
    Path root = Path.of(".");

    @Option(names = "--drafts", description = "include guides and pages marked draft: true")
    boolean drafts;

    /** False, after saying so in one line, when the root holds no content/ folder. */
    boolean hasContent(PrintWriter err) {
        if (Files.isDirectory(root.resolve("content"))) {
            return true;
        }
        err.println("guidegen: no content/ folder in " + root.toAbsolutePath().normalize());
        return false;
    }
}
