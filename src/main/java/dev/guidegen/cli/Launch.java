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
 * <li>{@code -XX:+UseSerialGC}: one build's garbage is collected by the thread that makes it, with a
 * heap sized to what the build keeps, about half the peak memory of the default collector at the
 * same speed on two cores.</li>
 * <li>{@code -XX:TieredStopAtLevel=1}: only the quick compiler. A build runs for seconds, too short
 * for the optimising compiler to repay its own time: a third faster at 1,000 guides, the same at
 * 10,000.</li>
 * <li>A class data archive of the jar's classes, beside the jar, made by the first such build and
 * used by the next ones: it saves about 0.2 s of start-up. It is named after the jar's size and
 * time and the JVM's version, so a rebuilt jar or another JVM never uses a stale one, and where it
 * cannot be written, builds go on without it.</li>
 * </ul>
 * The preview, which runs for hours, and every other command keep the JVM they were started in.
 */
final class Launch {

    private static final Set<String> COMMANDS = Set.of("build", "check");
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
        if (args.length == 0 || !COMMANDS.contains(args[0]) || System.getProperty(STARTED) != null) {
            return -1;
        }
        List<String> given = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        Path jar = jar();
        if (!given.isEmpty() || jar == null) {
            return -1;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xlog:cds*=off", "-D" + STARTED + "=true"));
        Path archive = archive(jar);
        Path making = null;
        if (archive != null && Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else if (archive != null && Files.isWritable(archive.getParent())) {
            making = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
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
        Runtime.getRuntime().removeShutdownHook(stop);
        if (making != null) {
            keep(making, archive);
        }
        return code;
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
            return jar.resolveSibling(jar.getFileName() + "." + String.format("%08x", stamp.hashCode()) + ".jsa");
        } catch (IOException e) {
            return null;
        }
    }

    /** Moves a newly made archive into place, or drops it if another build got there first or it was not made. */
    private static void keep(Path made, Path archive) {
        try {
            if (Files.isRegularFile(made) && !Files.exists(archive)) {
                Files.move(made, archive, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // another build's archive is in place, or the folder refused it: the next build makes one again
        } finally {
            try {
                Files.deleteIfExists(made);
            } catch (IOException e) {
                // left for the next build to overwrite under its own name
            }
        }
    }
}
