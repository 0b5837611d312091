package dev.guidegen.publish;

import dev.guidegen.output.MediaTypes;
import dev.guidegen.output.OutputDir;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Publishes a built site to an S3 bucket, or to any store that speaks S3: it compares each file's
 * MD5 with the object's ETag (or, for an object uploaded in parts, the MD5 it carries in its
 * metadata), uploads only new and changed files, and deletes objects the site no longer has, in
 * the order {@link Plan} gives. Every object gets its Content-Type and the Cache-Control the site's
 * {@code _headers} names; an alias page also gets the redirect the site's {@code _redirects} names.
 */
public final class Publisher {

    /** The metadata key holding a file's MD5, for stores whose ETag is not the MD5. */
    static final String MD5_METADATA = "md5chksum";
    /** Uploads in flight at once. */
    private static final int PARALLEL = 8;

    /** Where to publish: {@code s3://BUCKET[/PREFIX]}. */
    public record Target(String bucket, String prefix) {

        /** The target a {@code s3://} URL names, or an exception whose message says what is wrong with it. */
        public static Target parse(String url) {
            if (!url.startsWith("s3://")) {
                throw new IllegalArgumentException("--to must be an s3:// URL, like s3://my-bucket or s3://my-bucket/guides, not \""
                        + url + "\"");
            }
            String rest = url.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("^/+|/+$", "");
            if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException("\"" + bucket + "\" is not a bucket name: 3 to 63 lowercase letters, "
                        + "digits, dots and hyphens");
            }
            return new Target(bucket, prefix);
        }

        String key(String path) {
            return prefix.isEmpty() ? path : prefix + "/" + path;
        }

        @Override
        public String toString() {
            return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
        }
    }

    /** How a publish ended, for the command's exit code. */
    public enum Outcome {
        PUBLISHED, REFUSED, FAILED
    }

    /** A store or network failure, described in one line. */
    public static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    private final Target target;
    private final URI endpoint;
    private final String region;
    private final PrintWriter out;
    /** Set once the store answers that it does not keep website redirects. */
    private final java.util.concurrent.atomic.AtomicBoolean redirectsUnsupported = new java.util.concurrent.atomic.AtomicBoolean();

    public Publisher(Target target, URI endpoint, String region, PrintWriter out) {
        this.target = target;
        this.endpoint = endpoint;
        this.region = region;
        this.out = out;
    }

    /** Why {@code dir} cannot be published, or null when it is a site guidegen built. */
    public static String refusal(Path dir) {
        if (!Files.exists(dir)) {
            return dir + " does not exist: build the site first (guidegen build)";
        }
        if (!Files.isDirectory(dir)) {
            return dir + " is a file, not a built site; --out names the directory guidegen build wrote";
        }
        if (!Files.isRegularFile(dir.resolve(OutputDir.MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return dir + " is not a site guidegen built (it has no " + OutputDir.MARKER + " file); build the site first";
        }
        if (!Files.isRegularFile(dir.resolve("_headers"), LinkOption.NOFOLLOW_LINKS)) {
            return dir + " has no _headers file, so it was built by an older guidegen; build the site again";
        }
        return null;
    }

    /**
     * Publishes the site in {@code dir}: prints the plan, one line per change, then carries it out
     * unless {@code dryRun}, and prints one line of totals. More deletions than {@code maxDeletes}
     * are refused before anything changes; a failed upload stops the publish before any deletion.
     */
    public Outcome publish(Path dir, boolean dryRun, int maxDeletes) throws Failure, IOException {
        SortedMap<String, Path> files = files(dir);
        SortedMap<String, String> local = new TreeMap<>();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            local.put(f.getKey(), md5(f.getValue()));
        }
        HostRules rules = HostRules.parse(Files.readString(dir.resolve("_headers"), StandardCharsets.UTF_8),
                Files.exists(dir.resolve("_redirects")) ? Files.readString(dir.resolve("_redirects"), StandardCharsets.UTF_8) : "");
        try (S3Client s3 = client()) {
            Plan plan = Plan.of(local, remote(s3));
            for (Plan.Change c : plan.changes()) {
                out.println((c.upload() ? "upload " : "delete ") + c.path() + (c.upload() ? " (" + c.reason() + ")" : ""));
            }
            if (plan.changes().isEmpty()) {
                out.println("Nothing to upload or delete: the store has this site already.");
            }
            String unchanged = String.format(Locale.ROOT, "%,d unchanged", plan.unchanged());
            if (plan.deletions() > maxDeletes) {
                out.println("Refused: the plan deletes " + plan.deletions() + " objects, more than --max-deletes " + maxDeletes
                        + "; nothing was changed. Check --to, or pass --max-deletes " + plan.deletions() + " to allow it.");
                return Outcome.REFUSED;
            }
            if (dryRun) {
                out.println("Dry run for " + target + ": " + plan.uploads() + " to upload, " + plan.deletions() + " to delete, "
                        + unchanged + "; nothing was changed.");
                return Outcome.PUBLISHED;
            }
            for (Plan.Stage stage : Plan.Stage.values()) {
                List<Plan.Change> now = plan.changes().stream().filter(c -> c.stage() == stage).toList();
                if (stage == Plan.Stage.DELETIONS) {
                    delete(s3, now);
                } else {
                    upload(s3, now, files, local, rules);
                }
            }
            if (redirectsUnsupported.get()) {
                out.println("The store does not keep website redirects (x-amz-website-redirect-location), so alias pages "
                        + "send readers on by themselves.");
            }
            out.println("Published to " + target + ": " + plan.uploads() + " uploaded, " + plan.deletions() + " deleted, "
                    + unchanged);
            return Outcome.PUBLISHED;
        } catch (SdkException e) {
            throw new Failure(describe(e));
        }
    }

    private S3Client client() {
        var builder = S3Client.builder()
                .httpClient(ApacheHttpClient.builder().maxConnections(PARALLEL).build())
                .credentialsProvider(DefaultCredentialsProvider.create())
                .region(Region.of(region));
        if (endpoint != null) {
            builder.endpointOverride(endpoint).forcePathStyle(true);
        }
        return builder.build();
    }

    /** Every file of the built site by its path within it, but the marker that says guidegen wrote it. */
    private static SortedMap<String, Path> files(Path dir) throws IOException {
        SortedMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    String path = dir.relativize(p).toString().replace('\\', '/');
                    if (!path.equals(OutputDir.MARKER)) {
                        files.put(path, p);
                    }
                }
            }
        }
        return files;
    }

    /** The MD5 of each object under the prefix, by its path within the site; null where the store cannot say. */
    private Map<String, String> remote(S3Client s3) {
        Map<String, String> remote = new HashMap<>();
        String prefix = target.prefix().isEmpty() ? "" : target.prefix() + "/";
        var pages = s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(target.bucket()).prefix(prefix).build());
        for (S3Object o : pages.contents()) {
            String path = o.key().substring(prefix.length());
            String etag = o.eTag() == null ? "" : o.eTag().replace("\"", "");
            if (etag.matches("[0-9a-fA-F]{32}")) {
                remote.put(path, etag.toLowerCase(Locale.ROOT));
            } else {
                // Uploaded in parts: the ETag is no MD5, so read the one the object carries, if any.
                HeadObjectResponse head = s3.headObject(b -> b.bucket(target.bucket()).key(o.key()));
                remote.put(path, head.metadata().get(MD5_METADATA));
            }
        }
        return remote;
    }

    private void upload(S3Client s3, List<Plan.Change> changes, SortedMap<String, Path> files, SortedMap<String, String> local,
            HostRules rules) throws Failure, IOException {
        run(changes, c -> {
            byte[] bytes = read(files.get(c.path()));
            String md5 = local.get(c.path());
            PutObjectRequest.Builder put = PutObjectRequest.builder()
                    .bucket(target.bucket())
                    .key(target.key(c.path()))
                    .contentType(contentType(c.path()))
                    .contentMD5(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(md5)))
                    .metadata(Map.of(MD5_METADATA, md5));
            rules.cacheControl(c.path()).ifPresent(put::cacheControl);
            var redirect = rules.redirect(c.path());
            if (redirect.isPresent() && !redirectsUnsupported.get()) {
                try {
                    s3.putObject(put.websiteRedirectLocation(redirect.get()).build(), RequestBody.fromBytes(bytes));
                    return;
                } catch (S3Exception e) {
                    if (e.statusCode() != 501) {
                        throw e;
                    }
                    // Stores other than S3 itself (R2, S3Proxy) may not keep website redirects.
                    redirectsUnsupported.set(true);
                    put.websiteRedirectLocation(null);
                }
            }
            s3.putObject(put.build(), RequestBody.fromBytes(bytes));
        }, "; stopped before deleting anything");
    }

    /** Runs {@code action} on every change, several at once; the first failure stops the rest. */
    private static void run(List<Plan.Change> changes, java.util.function.Consumer<Plan.Change> action, String onFailure)
            throws Failure, IOException {
        if (changes.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, changes.size()));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Plan.Change c : changes) {
                running.add(pool.submit(() -> action.accept(c)));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            pool.shutdownNow();
            Throwable cause = e.getCause();
            if (cause instanceof SdkException sdk) {
                throw new Failure(describe(sdk) + onFailure);
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new Failure("interrupted" + onFailure);
        } finally {
            pool.shutdown();
        }
    }

    /** Deletes one object at a time, which every S3-compatible store supports, several at once. */
    private void delete(S3Client s3, List<Plan.Change> changes) throws Failure, IOException {
        run(changes, c -> s3.deleteObject(b -> b.bucket(target.bucket()).key(target.key(c.path()))), "");
    }

    /** A store or network error in one line, with what to do where that is clear. */
    static String describe(SdkException e) {
        if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
            String code = s3.awsErrorDetails().errorCode();
            String message = s3.awsErrorDetails().errorMessage();
            return "the store refused: " + (message == null ? code : message) + (code == null ? "" : " (" + code + ")");
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.contains("Unable to load credentials")) {
            return "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE";
        }
        if (e instanceof SdkClientException) {
            return "could not reach the store: " + m.lines().findFirst().orElse(m);
        }
        return m.lines().findFirst().orElse(m);
    }

    /**
     * A file's Content-Type with the charset under its registered name, "UTF-8": the same type, in
     * the spelling that S3-compatible stores which rewrite the header before checking the request's
     * signature (S3Proxy among them) leave as it was signed.
     */
    static String contentType(String path) {
        return MediaTypes.of(path).replace("charset=utf-8", "charset=UTF-8");
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5(Path p) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
