package dev.guidegen.cli;

import dev.guidegen.serve.DevServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves a live preview on 127.0.0.1, rebuilding in memory whenever the sources change.")
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", description = "site root holding content/ and templates/ (default: the working directory)")
    Path root = Path.of(".");

    @Option(names = "--port", paramLabel = "PORT", description = "port on 127.0.0.1 (default: 1313)")
    int port = 1313;

    @Option(names = "--drafts", description = "include guides and pages marked draft: true")
    boolean drafts;

    @Override
    public Integer call() throws Exception {
        var server = new DevServer(root, drafts).start(port);
        spec.commandLine().getOut().println("Serving on http://127.0.0.1:" + server.getAddress().getPort() + "/ (Ctrl+C to stop)");
        Thread.currentThread().join();
        return 0;
    }
}
