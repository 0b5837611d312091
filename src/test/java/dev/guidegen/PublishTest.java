package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.output.MediaTypes;
import dev.guidegen.source.SourceTree;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * publish against a real S3 API: S3Proxy, in memory, on 127.0.0.1, reached through the same SDK
 * calls as a bucket on AWS, with credentials from the SDK's default chain.
 */
class PublishTest {

    private static final String ACCESS = "guidegen-test";
    private static final String SECRET = "guidegen-test-secret";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String REVALIDATE = "public, max-age=0, must-revalidate";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    static S3Proxy proxy;
    static BlobStoreContext store;
    static S3Client s3;
    static String endpoint;

    @TempDir
    Path root;
    String bucket;

    @BeforeAll
    static void startStore() throws Exception {
        store = ContextBuilder.newBuilder("transient").credentials("identity", "credential").build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(store.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .endpoint(URI.create("http://127.0.0.1:0")).build();
        proxy.start();
        while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
            Thread.sleep(10);
        }
        endpoint = "http://127.0.0.1:" + proxy.getPort();
        // publish takes credentials from the SDK's default chain, which reads these first.
        System.setProperty("aws.accessKeyId", ACCESS);
        System.setProperty("aws.secretAccessKey", SECRET);
        s3 = S3Client.builder().httpClient(ApacheHttpClient.create()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
                .endpointOverride(URI.create(endpoint)).forcePathStyle(true).build();
    }

    @AfterAll
    static void stopStore() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        s3.close();
        proxy.stop();
        store.close();
    }

    @BeforeEach
    void newBucket() {
        bucket = "site-" + BUCKETS.incrementAndGet();
        s3.createBucket(b -> b.bucket(bucket));
    }

    private CommandLineTest.Run build() {
        CommandLineTest.Run built = CommandLineTest.run("build", "--root", root.toString());
        assertThat(built.exit()).as(built.err()).isZero();
        return built;
    }

    private CommandLineTest.Run publish(String... more) {
        List<String> args = new ArrayList<>(List.of("publish", "--to", "s3://" + bucket, "--root", root.toString(),
                "--endpoint", endpoint, "--region", "us-east-1"));
        args.addAll(List.of(more));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    private Map<String, String> objects() {
        Map<String, String> objects = new TreeMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            objects.put(o.key(), o.eTag());
        }
        return objects;
    }

    private List<String> sitePaths() throws Exception {
        Path out = root.resolve("site-output");
        try (var walk = Files.walk(out)) {
            return walk.filter(Files::isRegularFile).map(p -> out.relativize(p).toString())
                    .filter(p -> !p.equals(".guidegen-output")).sorted().toList();
        }
    }

    /** A Content-Type as stores may give it back: parameters' spacing and the charset's case vary. */
    private static String type(String contentType) {
        return contentType.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> lines(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).toList();
    }

    private void writeShippedSite() {
        SourceTree.read(Path.of(".")).files().forEach((path, bytes) -> {
            try {
                Files.createDirectories(root.resolve(path).getParent());
                Files.write(root.resolve(path), bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void theFirstPublishUploadsEveryFileWithItsTypeAndCacheRuleAndTheSecondUploadsNothing() throws Exception {
        writeShippedSite();
        build();
        List<String> paths = sitePaths();

        CommandLineTest.Run first = publish();
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(lines(first.out(), "upload ")).hasSize(paths.size()).allMatch(l -> l.endsWith(" (new)"));
        assertThat(first.out()).endsWith("Published to s3://" + bucket + ": " + paths.size() + " uploaded, 0 deleted, 0 unchanged\n");
        assertThat(objects().keySet()).containsExactlyElementsOf(paths);
        for (String path : paths) {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(path));
            assertThat(type(head.contentType())).as(path).isEqualTo(type(MediaTypes.of(path)));
            assertThat(head.cacheControl()).as(path).isEqualTo(path.startsWith("assets/") ? IMMUTABLE : REVALIDATE);
        }
        assertThat(type(s3.headObject(b -> b.bucket(bucket).key("index.html")).contentType())).isEqualTo("text/html;charset=utf-8");
        assertThat(type(s3.headObject(b -> b.bucket(bucket).key("sitemap.xml")).contentType())).isEqualTo("application/xml;charset=utf-8");
        // Assets go up before the pages that use them, and the sitemap after the pages it lists.
        List<String> order = lines(first.out(), "upload ");
        assertThat(order.indexOf(order.stream().filter(l -> l.contains("assets/site.")).findFirst().orElseThrow()))
                .isLessThan(order.indexOf("upload index.html (new)"));
        assertThat(order.indexOf("upload index.html (new)")).isLessThan(order.indexOf("upload sitemap.xml (new)"));

        CommandLineTest.Run second = publish();
        assertThat(second.exit()).isZero();
        assertThat(second.out()).isEqualTo("Nothing to upload or delete: the store has this site already.\n"
                + "Published to s3://" + bucket + ": 0 uploaded, 0 deleted, " + paths.size() + " unchanged\n");
    }

    @Test
    void afterAnEditToOneGuidesBodyOnlyItsPageIsUploaded() throws Exception {
        writeShippedSite();
        build();
        assertThat(publish().exit()).isZero();

        Path guide = root.resolve("content/guides/backend-engineer.md");
        Files.writeString(guide, Files.readString(guide) + "\nOne more sentence about the work.\n");
        build();
        CommandLineTest.Run next = publish();

        assertThat(next.exit()).isZero();
        assertThat(next.out()).isEqualTo("upload roles/backend-engineer/index.html (changed)\n"
                + "Published to s3://" + bucket + ": 1 uploaded, 0 deleted, " + (sitePaths().size() - 1) + " unchanged\n");
    }

    @Test
    void aRemovedGuidesObjectsAreDeletedAfterTheUploadsAndOnlyWithinMaxDeletes() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        build();
        assertThat(publish().exit()).isZero();
        Map<String, String> before = objects();

        CommandLineTest.write(root, InlineSite.minimal().without("content/guides/backend-architect.md")
                .edit(BadInput.ENGINEER, "related: [backend-architect]", "related: []")
                .edit(BadInput.ENGINEER, "career_path: [backend-engineer, Staff Engineer, backend-architect]", "")
                .edit(BadInput.ENGINEER, "See [the architect](backend-architect.md#pay).", "Yes.")
                .edit(BadInput.ENGINEER, " Compare with the [architect](backend-architect.md).", ""));
        Files.delete(root.resolve("content/guides/backend-architect.md"));
        build();

        CommandLineTest.Run tooMany = publish("--max-deletes", "1");
        assertThat(tooMany.exit()).isEqualTo(1);
        assertThat(tooMany.out()).contains("delete roles/backend-architect/index.html\n")
                .endsWith("Refused: the plan deletes 2 objects, more than --max-deletes 1; nothing was changed. "
                        + "Check --to, or pass --max-deletes 2 to allow it.\n");
        assertThat(objects()).isEqualTo(before);

        CommandLineTest.Run dry = publish("--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).endsWith("; nothing was changed.\n").contains("Dry run for s3://" + bucket + ": ");
        assertThat(objects()).isEqualTo(before);

        CommandLineTest.Run done = publish();
        assertThat(done.exit()).as(done.err()).isZero();
        List<String> plan = done.out().lines().toList();
        assertThat(lines(done.out(), "delete ")).containsExactly("delete roles/backend-architect/index.html",
                "delete skills/distributed-systems/index.html");
        int lastUpload = plan.lastIndexOf(lines(done.out(), "upload ").get(lines(done.out(), "upload ").size() - 1));
        assertThat(plan.indexOf("delete roles/backend-architect/index.html")).isGreaterThan(lastUpload);
        assertThat(objects().keySet()).containsExactlyElementsOf(sitePaths());
    }

    @Test
    void anAliasPageAsksForItsRedirectAndStillRedirectsWhereTheStoreKeepsNone() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal().edit(BadInput.ENGINEER, "level: mid", "level: mid\naliases: [server-engineer]"));
        build();

        CommandLineTest.Run published = publish();
        assertThat(published.exit()).as(published.err()).isZero();
        // S3 itself keeps x-amz-website-redirect-location; this store answers 501 Not Implemented, so
        // publish uploads the alias page without it and says so once.
        assertThat(published.out()).contains("upload roles/server-engineer/index.html (new)\n",
                "The store does not keep website redirects (x-amz-website-redirect-location), so alias pages send readers "
                        + "on by themselves.\nPublished to ");
        var alias = s3.getObjectAsBytes(b -> b.bucket(bucket).key("roles/server-engineer/index.html"));
        assertThat(alias.asUtf8String()).contains("<meta http-equiv=\"refresh\" content=\"0; url=/roles/backend-engineer/\">");
        assertThat(type(alias.response().contentType())).isEqualTo("text/html;charset=utf-8");
        assertThat(s3.headObject(b -> b.bucket(bucket).key("_redirects")).cacheControl()).isEqualTo(REVALIDATE);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("_redirects")).asUtf8String())
                .isEqualTo("/roles/server-engineer/ /roles/backend-engineer/ 301\n"
                        + "/roles/server-engineer/faq/ /roles/backend-engineer/faq/ 301\n");
    }

    @Test
    void aChangedStylesheetGetsANewNameEveryPageIsUploadedAndTheOldNameIsDeleted() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        build();
        assertThat(publish().exit()).isZero();
        String oldCss = objects().keySet().stream().filter(k -> k.startsWith("assets/site.")).findFirst().orElseThrow();

        Path css = root.resolve("templates/assets/site.css");
        Files.writeString(css, Files.readString(css) + "\nfooter{letter-spacing:0}\n");
        build();
        CommandLineTest.Run next = publish();

        assertThat(next.exit()).isZero();
        String newCss = objects().keySet().stream().filter(k -> k.startsWith("assets/site.")).findFirst().orElseThrow();
        assertThat(newCss).isNotEqualTo(oldCss);
        List<String> pages = sitePaths().stream().filter(p -> p.endsWith(".html")).toList();
        List<String> expected = new ArrayList<>();
        expected.add("upload " + newCss + " (new)");
        pages.forEach(p -> expected.add("upload " + p + " (changed)"));
        expected.add("delete " + oldCss);
        expected.add("Published to s3://" + bucket + ": " + (pages.size() + 1) + " uploaded, 1 deleted, "
                + (sitePaths().size() - pages.size() - 1) + " unchanged");
        assertThat(next.out().lines().toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void publishRefusesWhatIsNotABuiltSiteAndSaysStoreErrorsInOneLine() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        CommandLineTest.Run unbuilt = publish();
        assertThat(unbuilt.exit()).isEqualTo(2);
        assertThat(unbuilt.err()).isEqualTo("guidegen: " + root.resolve("site-output")
                + " does not exist: build the site first (guidegen build)\n");

        Files.createDirectories(root.resolve("other"));
        Files.writeString(root.resolve("other/index.html"), "<p>hi</p>");
        CommandLineTest.Run foreign = publish("--out", root.resolve("other").toString());
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.err()).contains("is not a site guidegen built (it has no .guidegen-output file)");

        CommandLineTest.Run aFile = publish("--out", root.resolve("content/site.yaml").toString());
        assertThat(aFile.exit()).isEqualTo(2);
        assertThat(aFile.err()).isEqualTo("guidegen: " + root.resolve("content/site.yaml")
                + " is a file, not a built site; --out names the directory guidegen build wrote\n");

        CommandLineTest.Run badEndpoint = CommandLineTest.run("publish", "--to", "s3://" + bucket, "--root", root.toString(),
                "--endpoint", "not a url");
        assertThat(badEndpoint.exit()).isEqualTo(2);
        assertThat(badEndpoint.err()).isEqualTo("guidegen: --endpoint must be a store's http:// or https:// address, "
                + "like http://127.0.0.1:9000, not \"not a url\"\n");

        CommandLineTest.Run badTarget = CommandLineTest.run("publish", "--to", "https://bucket", "--root", root.toString());
        assertThat(badTarget.exit()).isEqualTo(2);
        assertThat(badTarget.err()).isEqualTo("guidegen: --to must be an s3:// URL, like s3://my-bucket or "
                + "s3://my-bucket/guides, not \"https://bucket\"\n");

        build();
        CommandLineTest.Run noBucket = CommandLineTest.run("publish", "--to", "s3://no-such-bucket", "--root", root.toString(),
                "--endpoint", endpoint, "--region", "us-east-1");
        assertThat(noBucket.exit()).isEqualTo(1);
        assertThat(noBucket.err()).startsWith("guidegen: publishing to s3://no-such-bucket failed: the store refused: ")
                .contains("(NoSuchBucket)").hasLineCount(1);

        CommandLineTest.Run unreachable = CommandLineTest.run("publish", "--to", "s3://" + bucket, "--root", root.toString(),
                "--endpoint", "http://127.0.0.1:9", "--region", "us-east-1");
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("guidegen: publishing to s3://" + bucket + " failed: could not reach the store: ")
                .hasLineCount(1);
    }

    @Test
    void aPrefixKeepsTheSiteUnderItAndLeavesTheRestOfTheBucketAlone() throws Exception {
        CommandLineTest.write(root, InlineSite.minimal());
        build();
        s3.putObject(b -> b.bucket(bucket).key("other/keep.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));

        CommandLineTest.Run published = CommandLineTest.run("publish", "--to", "s3://" + bucket + "/guides", "--root",
                root.toString(), "--endpoint", endpoint, "--region", "us-east-1");

        assertThat(published.exit()).as(published.err()).isZero();
        assertThat(published.out()).contains("Published to s3://" + bucket + "/guides: ");
        List<String> expected = new ArrayList<>(sitePaths().stream().map(p -> "guides/" + p).toList());
        expected.add("other/keep.txt");
        assertThat(objects().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
