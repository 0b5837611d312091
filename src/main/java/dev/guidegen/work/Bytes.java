package dev.guidegen.work;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growing buffer of bytes, as {@link java.io.ByteArrayOutputStream} is, without its locks: the
 * caches write their records into one a field at a time, and a {@link java.io.DataOutputStream}
 * writes an int as four single bytes. Each of the stream's writes took a lock, and every lock a
 * compare-and-swap; a buffer is only ever written by the thread that made it.
 */
public final class Bytes extends OutputStream {

    private byte[] buf;
    private int count;

    public Bytes(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void room(int more) {
        if (more > buf.length - count) {
            buf = Arrays.copyOf(buf, Math.max(count + more, buf.length * 2));
        }
    }

    @Override
    public void write(int b) {
        room(1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        room(len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** How many bytes it holds. */
    public int size() {
        return count;
    }

    /** Empties it, keeping its room. */
    public void reset() {
        count = 0;
    }

    /** A copy of the bytes it holds. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, count);
    }

    /** Writes the bytes it holds to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, count);
    }
}
