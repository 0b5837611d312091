package dev.guidegen.work;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches of byte arrays eight bytes at a step. Where the build runs (the quick compiler only) a
 * loop that looks at one byte at a time takes several cycles for each; reading a long and testing
 * all eight of its bytes at once takes about one. A build searches every page it writes for
 * {@code <} and every source it reads for control characters.
 */
public final class ByteSearch {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteSearch() {
    }

    /** Where the byte {@code b} first stands in {@code a} from {@code from} on; -1 when it does not. */
    public static int indexOf(byte[] a, int b, int from) {
        int n = a.length;
        int i = Math.max(0, from);
        long pattern = (b & 0xFFL) * ONES;
        for (; i <= n - 8; i += 8) {
            long found = zeroBytes((long) LONGS.get(a, i) ^ pattern);
            if (found != 0) {
                // Little-endian: the byte at i is the lowest, and the lowest flag is always a true one.
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < n; i++) {
            if (a[i] == (byte) b) {
                return i;
            }
        }
        return -1;
    }

    /** How many times the byte {@code b} stands in {@code a}. */
    public static int count(byte[] a, int b) {
        int count = 0;
        for (int i = indexOf(a, b, 0); i >= 0; i = indexOf(a, b, i + 1)) {
            count++;
        }
        return count;
    }

    /**
     * Where the first byte from {@code from} on stands that is not printable ASCII (a control
     * character, DEL, or a byte of a character beyond ASCII); {@code a.length} when there is none.
     */
    public static int notPrintableAscii(byte[] a, int from) {
        int n = a.length;
        int i = Math.max(0, from);
        for (; i <= n - 8; i += 8) {
            long x = (long) LONGS.get(a, i);
            // A byte with its top bit set, one below 0x20, or DEL; a flag above the first true one may be false.
            long found = (x & HIGHS) | ((x - 0x20 * ONES) & ~x & HIGHS) | zeroBytes(x ^ (0x7F * ONES));
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < n; i++) {
            byte c = a[i];
            if (c < 0x20 || c == 0x7F) {
                return i;
            }
        }
        return n;
    }

    /**
     * The top bit of each byte of {@code x} that is zero set, and possibly of bytes above the first
     * such: the lowest flag set is always the first zero byte's.
     */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }
}
