package dev.guidegen.cli;

import dev.guidegen.publish.Publisher;
import dev.guidegen.source.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publishes a built site to an S3 bucket or any S3-compatible store: uploads only new and changed "
                + "files, assets first, then pages, then sitemaps and feeds, and deletes what the site no longer has. "
                + "Credentials come from the AWS SDK's default chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                + "AWS_PROFILE, or an instance role).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:published (or, with --dry-run, planned); also when there was nothing to change",
            "1:the store could not be reached or refused a request, or the plan deleted more than --max-deletes; "
                    + "a failed upload stops before any deletion",
            "2:bad usage, or no site built by guidegen in --out", "3:a file of the built site could not be read"})
final class PublishCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "s3://BUCKET[/PREFIX]", description = "where to publish")
    String to;

    @Option(names = "--root", paramLabel = "DIR", description = "site root (default: the working directory)")
    Path root = Path.of(".");

    @Option(names = "--out", paramLabel = "DIR", description = "the built site to publish (default: <root>/site-output)")
    Path out;

    @Option(names = "--endpoint", paramLabel = "URL", description = "an S3-compatible store's address, such as "
            + "https://<account>.r2.cloudflarestorage.com or http://127.0.0.1:9000; addresses buckets by path")
    String endpoint;

    @Option(names = "--region", paramLabel = "REGION", description = "the bucket's region (default: AWS_REGION, the "
            + "profile's region, or us-east-1)")
    String region;

    @Option(names = "--dry-run", description = "print the plan and change nothing")
    boolean dryRun;

    @Option(names = "--max-deletes", paramLabel = "N", description = "refuse a plan that deletes more than N objects "
            + "(default: 256)")
    int maxDeletes = 256;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Publisher.Target target;
        try {
            target = Publisher.Target.parse(to);
        } catch (IllegalArgumentException e) {
            err.println("guidegen: " + e.getMessage());
            return Main.USAGE;
        }
        if (maxDeletes < 0) {
            err.println("guidegen: --max-deletes must be 0 or more, not " + maxDeletes);
            return Main.USAGE;
        }
        URI store = null;
        if (endpoint != null) {
            try {
                store = new URI(endpoint);
            } catch (java.net.URISyntaxException e) {
                store = null;
            }
            if (store == null || !("http".equals(store.getScheme()) || "https".equals(store.getScheme())) || store.getHost() == null) {
                err.println("guidegen: --endpoint must be a store's http:// or https:// address, like http://127.0.0.1:9000, not \""
                        + endpoint + "\"");
                return Main.USAGE;
            }
        }
        Path dir = out != null ? out : root.resolve("site-output");
        String refusal = Publisher.refusal(dir);
        if (refusal != null) {
            err.println("guidegen: " + refusal);
            return Main.USAGE;
        }
        String r = region != null ? region : defaultRegion();
        try {
            Publisher.Outcome outcome = new Publisher(target, store, r, spec.commandLine().getOut()).publish(dir, dryRun, maxDeletes);
            return outcome == Publisher.Outcome.PUBLISHED ? 0 : Main.PROBLEMS;
        } catch (Publisher.Failure e) {
            err.println("guidegen: publishing to " + target + " failed: " + e.getMessage());
            return Main.PROBLEMS;
        } catch (IOException e) {
            err.println("guidegen: cannot read the built site in " + dir + ": " + IoErrors.describe(e));
            return Main.IO;
        }
    }

    /** The region the SDK would find (AWS_REGION, aws.region, the profile), or us-east-1. */
    private static String defaultRegion() {
        try {
            return new software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain().getRegion().id();
        } catch (RuntimeException e) {
            return "us-east-1";
        }
    }
}
