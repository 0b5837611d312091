package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    @TempDir
    Path dir;

    @Test
    void twoBuildsOfTheShippedSiteWriteByteIdenticalTrees() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        assertThat(CommandLineTest.run("build", "--out", first.toString()).exit()).isZero();
        assertThat(CommandLineTest.run("build", "--out", second.toString()).exit()).isZero();

        var a = CommandLineTest.snapshot(first);
        assertThat(a).hasSizeGreaterThan(30);
        assertThat(CommandLineTest.snapshot(second)).isEqualTo(a);
    }

    @Test
    void twoInMemoryBuildsGiveTheSameFilesInTheSameOrder() {
        var one = InlineSite.minimal().build().result().files();
        var two = InlineSite.minimal().build().result().files();

        assertThat(two).hasSameSizeAs(one);
        for (int i = 0; i < one.size(); i++) {
            assertThat(two.get(i).path()).isEqualTo(one.get(i).path());
            assertThat(two.get(i).bytes()).isEqualTo(one.get(i).bytes());
        }
    }
}
