package dev.guidegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar replaced in place does not leave its old class data archives beside it for ever. */
class StaleArchivesTest {

    @TempDir
    Path dir;

    private Path file(String name, long time) throws IOException {
        Path p = Files.writeString(dir.resolve(name), name);
        Files.setLastModifiedTime(p, FileTime.fromMillis(time));
        return p;
    }

    @Test
    void archivesMadeForAnEarlierJarAreDeletedOnceANewOneIsInPlaceAndNothingElseIs() throws IOException {
        Path jar = file("guidegen.jar", 2_000_000);
        Path kept = file("guidegen.jar.0000000a.jsa", 2_500_000);
        file("guidegen.jar.0000000a.jsa.size", 2_500_000);
        file("guidegen.jar.0000000b.jsa", 1_000_000);
        file("guidegen.jar.0000000b.jsa.size", 1_000_000);
        // Made for this jar by another JVM: still of use.
        file("guidegen.jar.0000000c.jsa", 2_400_000);
        file("guidegen.jar.0000000c.jsa.size", 2_400_000);
        // Without the size file a build keeps beside its archive: not one this made.
        file("guidegen.jar.0000000d.jsa", 1_000_000);
        // Another jar's, and a name of another shape.
        file("other.jar.0000000e.jsa", 1_000_000);
        file("other.jar.0000000e.jsa.size", 1_000_000);
        file("guidegen.jar.backup.jsa", 1_000_000);
        file("guidegen.jar.backup.jsa.size", 1_000_000);

        Launch.removeStale(jar, kept);

        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("guidegen.jar",
                    "guidegen.jar.0000000a.jsa", "guidegen.jar.0000000a.jsa.size", "guidegen.jar.0000000c.jsa",
                    "guidegen.jar.0000000c.jsa.size", "guidegen.jar.0000000d.jsa", "other.jar.0000000e.jsa",
                    "other.jar.0000000e.jsa.size", "guidegen.jar.backup.jsa", "guidegen.jar.backup.jsa.size");
        }
    }
}
