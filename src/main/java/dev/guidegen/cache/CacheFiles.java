package dev.guidegen.cache;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * How every file of the build cache is written: beside its place under a name of this process's own
 * ({@code .NAME.PID.N.tmp}, which {@link BuildCache} sweeps up once the process is gone), then moved
 * over the last one whole. A checked file starts with a magic line and ends with the CRC-32C of the
 * rest.
 */
final class CacheFiles {

    private CacheFiles() {
    }

    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    interface Raw {
        void write(OutputStream out) throws IOException;
    }

    /** Writes {@code magic}, then {@code body}, then the CRC-32C of both, to {@code dir/name}. */
    static void writeChecked(Path dir, String name, byte[] magic, Body body) throws IOException {
        write(dir, name, file -> {
            CRC32C sum = new CRC32C();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(file, 1 << 16), sum));
            out.write(magic);
            body.write(out);
            out.flush();
            new DataOutputStream(file).writeLong(sum.getValue());
        });
    }

    /** Writes {@code dir/name} whole from what {@code body} writes. */
    static void write(Path dir, String name, Raw body) throws IOException {
        Path temp = Files.createTempFile(dir, "." + name + "." + ProcessHandle.current().pid() + ".", ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temp)) {
                body.write(file);
            }
            try {
                Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
