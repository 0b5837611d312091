package dev.guidegen.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteSearchTest {

    /** Bytes that sit on either side of what the searches test for, and plain text between them. */
    private static final byte[] MIXED = {'<', '>', '?', '\n', '\r', '\t', 0, 0x1F, 0x20, 0x21, 0x7E, 0x7F,
        (byte) 0x80, (byte) 0xC3, (byte) 0xFF, '=', ';', 0x3B, 0x3D};

    @Test
    void everyByteIsFoundWhereALoopOverEachByteFindsIt() {
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            byte[] a = text(random);
            int b = MIXED[random.nextInt(MIXED.length)];
            int from = random.nextInt(a.length + 3) - 1;
            assertThat(ByteSearch.indexOf(a, b, from)).as("byte %d from %d", b, from).isEqualTo(naiveIndexOf(a, b, from));
            int count = 0;
            for (byte x : a) {
                count += x == (byte) b ? 1 : 0;
            }
            assertThat(ByteSearch.count(a, b)).isEqualTo(count);
        }
    }

    @Test
    void theFirstByteThatIsNotPrintableAsciiIsFoundWhereALoopOverEachByteFindsIt() {
        Random random = new Random(12);
        for (int round = 0; round < 20_000; round++) {
            byte[] a = text(random);
            int from = random.nextInt(a.length + 2);
            int expected = a.length;
            for (int i = from; i < a.length; i++) {
                if (a[i] < 0x20 || a[i] == 0x7F) {
                    expected = i;
                    break;
                }
            }
            assertThat(ByteSearch.notPrintableAscii(a, from)).as("from %d", from).isEqualTo(expected);
        }
    }

    /** Up to 40 bytes, mostly letters, with a few of the bytes the searches look for or pass over. */
    private static byte[] text(Random random) {
        byte[] a = new byte[random.nextInt(41)];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextInt(5) == 0 ? MIXED[random.nextInt(MIXED.length)] : (byte) ('a' + random.nextInt(26));
        }
        return a;
    }

    private static int naiveIndexOf(byte[] a, int b, int from) {
        for (int i = Math.max(0, from); i < a.length; i++) {
            if (a[i] == (byte) b) {
                return i;
            }
        }
        return -1;
    }
}
