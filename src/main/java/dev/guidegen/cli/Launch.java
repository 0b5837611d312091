package dev.guidegen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How {@code java -jar guidegen.jar build} (or {@code check}) runs in a JVM set up for one short
 * build, when the command line gives the JVM no options of its own: the jar starts it again with
 * options the jar cannot carry itself, and passes on its streams and exit code.
 * <ul>
 * <li>{@code -XX:+UseParallelGC}: the throughput collector, which collects on both cores while the
 * build waits. The serial collector, used before, kept the same peak memory but stopped both cores
 * for one to collect: at 10,000 guides its pauses came to 0.9 s of a cold build, against 0.5 s with
 * this one, and the build took 0.5 s longer. The default collector (G1) doubles the peak memory.</li>
 * <li>{@code -XX:MaxTenuringThreshold=0}: what outlives one young collection goes straight to the
 * old generation. Most of what a build keeps (each guide's parse, made early and kept to the end) is
 * otherwise copied between survivor spaces at every collection; at 10,000 guides this saves about
 * half a second of pauses in a cold build, and a little memory.</li>
 * <li>{@code -Xms} and {@code -Xmn}: a heap that starts at up to 2 GB (never more than half the
 * largest heap this machine gives a JVM), with a young generation of at most 128 MB. A large build's
 * heap otherwise grows by full collections that free nothing, three of them at 10,000 guides, half
 * a second in all; memory is only touched as it is used, so a small build's peak stays as it was,
 * and a large build's falls, as less is kept between collections.</li>
 * <li>{@code -XX:MetaspaceSize=64m}: no full collection when the classes' metadata first passes
 * the JVM's default of 21 MB. A build's passes it late, by a few hundred small classes the JVM
 * makes for the templates' calls to the views' methods, and that collection goes through the whole
 * heap: at 10,000 guides a pause of 0.55 to 0.62 s, and 80 ms at 1,000. A build's metadata comes to
 * about 21 MB at either size.</li>
 * <li>{@code -XX:-UsePerfData}: no file of performance counters for monitoring tools, which a
 * build of seconds has no use for; it saves about 10 ms of start-up.</li>
 * <li>{@code -XX:TieredStopAtLevel=1}: only the quick compiler. A build runs for seconds, too short
 * for the optimising compiler to repay its own time: a third faster at 1,000 guides, and at 10,000
 * a cold build took 9.3 s against 13 s with both compilers.</li>
 * <li>{@code -XX:CompileThresholdScaling=0.3}: a method is compiled after a third of the calls and
 * loops it would otherwise wait for. It compiles more, on a thread of its own, and the build spends
 * less time in the interpreter: in alternating runs, about 0.1 s off a cold build of 1,000 guides
 * (1.62-1.69 s against 1.72-1.78 s) and 0.2 s off one of 10,000.</li>
 * <li>A class data archive of the jar's classes, beside the jar, made by the first such build and
 * used by the next ones: it saves about 0.2 s of start-up. It is named after the jar's size and
 * time and the JVM's version, so a rebuilt jar or another JVM never uses a stale one, and once a new
 * one is in place, those made for an earlier version of the jar are deleted. Only a folder
 * that this user owns and no one else may write holds one; elsewhere builds go on without it. An
 * archive not of the size it was made with is deleted unused, one whose checksum fails is passed
 * over, and one that crashes the JVM all the same is deleted and the build run again without it.</li>
 * </ul>
 * The preview, which runs for hours, and every other command keep the JVM they were started in.
 */
final class Launch {

    private static final Set<String> COMMANDS = Set.of("build", "check");
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");
    /** Set in the JVM this starts, so that it runs the command itself. */
    private static final String STARTED = "guidegen.launched";

    private Launch() {
    }

    /**
     * The exit code of the command run in a JVM of its own, or -1 when this JVM should run it: for
     * a command other than build or check, when the JVM was given options (the user's choice stands),
     * when the classes do not come from a jar, or when this is that JVM already.
     */
    static int again(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0]) || System.getProperty(STARTED) != null
                || java.util.Arrays.stream(args).anyMatch(HELP::contains)) {
            return -1; // help and version need no build, nor a JVM for one
        }
        List<String> given = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        Path jar = jar();
        if (!given.isEmpty() || jar == null) {
            return -1;
        }
        Path archive = archive(jar);
        if (archive != null && !safeFolder(archive.getParent())) {
            archive = null;
        }
        boolean using = archive != null && whole(archive);
        int code = run(args, jar, using ? archive : null, using || archive == null ? null : archive);
        if (using && code == JVM_CRASHED) {
            // An archive damaged since it was made (cut short by a full disk, say) crashes the JVM that maps it:
            // drop it and build again without one. The output is swapped in whole, so nothing half-built is left.
            try {
                Files.deleteIfExists(archive);
                Files.deleteIfExists(archive.resolveSibling(archive.getFileName() + ".size"));
            } catch (IOException e) {
                return code;
            }
            code = run(args, jar, null, null);
        }
        return code;
    }

    /**
     * Whether {@code archive} is there with the size it was made with (kept beside it in
     * {@code NAME.size}); an archive cut short would crash the JVM that maps it, so one that is not
     * whole is deleted.
     */
    private static boolean whole(Path archive) {
        Path size = archive.resolveSibling(archive.getFileName() + ".size");
        try {
            if (!Files.isRegularFile(archive, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            if (Files.isRegularFile(size, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && Files.readString(size).strip().equals(Long.toString(Files.size(archive)))) {
                return true;
            }
            Files.deleteIfExists(archive);
            Files.deleteIfExists(size);
        } catch (IOException e) {
            // unreadable: not used
        }
        return false;
    }

    /** The exit code of a JVM that stopped on a fatal error of its own (SIGABRT). */
    private static final int JVM_CRASHED = 128 + 6;

    /**
     * Runs the command in a new JVM that uses {@code archive} (if not null) or makes {@code making}
     * (if not null: first under a name of this process's own, moved into place once the build has
     * run to the end), and returns its exit code.
     */
    private static int run(String[] args, Path jar, Path archive, Path toMake) {
        Path making = toMake == null ? null
                : toMake.resolveSibling(toMake.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.3", "-XX:MetaspaceSize=64m", "-XX:-UsePerfData", "-Xshare:auto", "-Xlog:cds*=off", "-XX:+VerifySharedSpaces",
                "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "guidegen-hs_err_pid%p.log"),
                "-D" + STARTED + "=true"));
        long initialHeap = Math.min(2L << 30, Runtime.getRuntime().maxMemory() / 2);
        command.add("-Xms" + (initialHeap >> 20) + "m");
        command.add("-Xmn" + Math.max(1, Math.min(128L << 20, initialHeap / 3) >> 20) + "m");
        if (archive != null) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else if (making != null) {
            command.add("-XX:ArchiveClassesAtExit=" + making);
        }
        command.addAll(List.of("-cp", jar.toString(), Main.class.getName()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return -1; // no java beside this one's home: run here
        }
        Thread stop = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stop);
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            return Main.IO;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            // this JVM is stopping already; the hook has stopped the other one
        }
        if (making != null && keep(making, toMake, code == Main.BUILT || code == Main.PROBLEMS)) {
            removeStale(jar, toMake);
        }
        return code;
    }

    /**
     * Whether archives may be made and used in {@code dir}: one this user owns and may write, and no
     * one else may, since an archive planted there would run its maker's code in every build.
     */
    private static boolean safeFolder(Path dir) {
        try {
            if (!Files.isWritable(dir)) {
                return false;
            }
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                var perms = Files.getPosixFilePermissions(dir);
                return !perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_WRITE)
                        && !perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE)
                        && Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
            }
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The jar these classes come from, or null when they do not come from a jar. */
    private static Path jar() {
        try {
            var source = Launch.class.getProtectionDomain().getCodeSource();
            Path path = source == null ? null : Path.of(source.getLocation().toURI());
            return path != null && path.toString().endsWith(".jar") && Files.isRegularFile(path) ? path : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** The archive's name for this jar and this JVM: {@code guidegen.jar} gives {@code guidegen.jar.1a2b3c4d.jsa}. */
    private static Path archive(Path jar) {
        try {
            String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
                    + System.getProperty("java.vm.version") + " " + System.getProperty("java.home");
            return jar.resolveSibling(jar.getFileName() + "." + java.util.HexFormat.of().toHexDigits(stamp.hashCode()) + ".jsa");
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Moves a newly made archive into place if {@code good}, or drops it (another build got there
     * first, or it was not made); true when it was moved into place.
     */
    private static boolean keep(Path made, Path archive, boolean good) {
        try {
            if (good && archive != null && Files.isRegularFile(made) && !Files.exists(archive)) {
                Path size = archive.resolveSibling(archive.getFileName() + ".size");
                Path sizeMade = made.resolveSibling(made.getFileName() + ".size");
                Files.writeString(sizeMade, Long.toString(Files.size(made)));
                Files.move(sizeMade, size, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Files.move(made, archive, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
            return false;
        } catch (IOException e) {
            // another build's archive is in place, or the folder refused it: the next build makes one again
            return false;
        } finally {
            try {
                Files.deleteIfExists(made);
                Files.deleteIfExists(made.resolveSibling(made.getFileName() + ".size"));
            } catch (IOException e) {
                // left for the next build to overwrite under its own name
            }
        }
    }

    /**
     * Deletes the archives that builds made for an earlier version of {@code jar}, beside it, once
     * {@code kept} is in place: each is tens of megabytes, and a jar replaced in place (a new
     * release, a rebuilt one) would otherwise leave one behind every time. Only archives named for
     * this jar, with the size file that a build keeps beside each, and made before the jar was last
     * changed, are ones no build of it can use again; an archive that another JVM made for this jar
     * stays.
     */
    static void removeStale(Path jar, Path kept) {
        java.util.regex.Pattern ours = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(jar.getFileName().toString()) + "\\.[0-9a-f]{8}\\.jsa");
        try (var siblings = Files.list(jar.toAbsolutePath().getParent())) {
            long jarTime = Files.getLastModifiedTime(jar).toMillis();
            for (Path p : siblings.toList()) {
                Path size = p.resolveSibling(p.getFileName() + ".size");
                if (ours.matcher(p.getFileName().toString()).matches() && !p.getFileName().equals(kept.getFileName())
                        && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && Files.isRegularFile(size, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis() < jarTime) {
                    try {
                        Files.deleteIfExists(p);
                        Files.deleteIfExists(size);
                    } catch (IOException e) {
                        // in use where a mapped file cannot be deleted: tried again when the next archive is made
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // tried again when the next archive is made
        }
    }
}
