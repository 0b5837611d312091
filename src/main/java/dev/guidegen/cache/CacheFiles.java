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
            DataOutputStream out = new DataOutputStream(new Runs(new CheckedOutputStream(file, sum)));
            out.write(magic);
            body.write(out);
            out.flush();
            new DataOutputStream(file).writeLong(sum.getValue());
        });
    }

    /**
     * Gathers the small writes a {@link DataOutputStream} makes, a field and often a byte at a time,
     * into runs of 64 KB for the stream below, which then sums and writes each run whole. A
     * {@link BufferedOutputStream} takes a lock on every write, and a checksum above the buffer would
     * be worked out a field at a time: the journal of 10,000 guides is half a million such writes.
     */
    private static final class Runs extends OutputStream {
        private static final int RUN = 1 << 16;
        private final OutputStream out;
        private final dev.guidegen.work.Bytes run = new dev.guidegen.work.Bytes(RUN);

        Runs(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            run.write(b);
            if (run.size() >= RUN) {
                drain();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len >= RUN) {
                drain();
                out.write(b, off, len);
                return;
            }
            run.write(b, off, len);
            if (run.size() >= RUN) {
                drain();
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        private void drain() throws IOException {
            run.writeTo(out);
            run.reset();
        }
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
