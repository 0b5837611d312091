package dev.guidegen.cli;

import dev.guidegen.serve.DevServer;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves a live preview on 127.0.0.1: it rebuilds in memory when content/ or templates/ change, "
                + "and open pages reload themselves.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"2:bad usage, such as a port that is invalid or in use", "3:the sources could not be read"})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SiteOptions site = new SiteOptions();

    @Option(names = "--port", paramLabel = "PORT", description = "port on 127.0.0.1, 1 to 65535 (default: 1313)")
    int port = 1313;


    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if (port < 1 || port > 65535) {
            err.println("guidegen: --port must be a number from 1 to 65535, not " + port);
            return Main.USAGE;
        }
        if (!site.hasContent(err)) {
            return Main.USAGE;
        }
        DevServer.Running server;
        try {
            server = new DevServer(site.root, site.drafts, err).start(port);
        } catch (BindException e) {
            boolean denied = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("permission");
            err.println("guidegen: port " + port + " on 127.0.0.1 " + (denied
                    ? "needs privileges this user does not have; choose a port above 1023 with --port"
                    : "is in use; stop what is using it, or choose another with --port"));
            return Main.USAGE;
        }
        spec.commandLine().getOut().println("Serving on http://127.0.0.1:" + server.port() + "/ (Ctrl+C to stop)");
        Thread.currentThread().join();
        return 0;
    }
}
