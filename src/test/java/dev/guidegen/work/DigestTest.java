package dev.guidegen.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {

    @Test
    void theFingerprintIsXxh64AsItsSpecificationGivesItForShortTexts() {
        assertThat(Digest.xxh64(new byte[0])).isEqualTo(0xEF46DB3751D8E999L);
        assertThat(Digest.xxh64("a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xD24EC4F1A98C6E5BL);
        assertThat(Digest.xxh64("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x44BC2CF5AD770999L);
    }

    /**
     * Lengths on either side of every step of the hash (its 32-byte stripes, then 8, 4 and 1 byte at
     * a time), each byte {@code i * 31 + 7}, against the values of a reference implementation.
     */
    @Test
    void everyLengthOfTextTakesTheSameStepsAsTheReferenceImplementation() {
        long[] expected = {
            0, 0xEF46DB3751D8E999L, 1, 0xA96C7F0CE858BBB7L, 3, 0x56E6957632A487F9L, 4, 0xC60D15B1E3FF8F04L,
            5, 0x808815858624DD4EL, 7, 0xAFBEFC3D6C6F9A8EL, 8, 0x3DA5C7AA269683E0L, 9, 0x4B17A9BA9E215C09L,
            12, 0x8FE8AB1C1FD0666EL, 15, 0xAE2A37EB9357CAA7L, 16, 0xA19AD429B02BC413L, 17, 0xFE9F0FEB7EEEDC09L,
            31, 0x4A74F3A1A39AD4A1L, 32, 0x8D57D6A4671CC43DL, 33, 0x62C9FD21ED857664L, 35, 0x85CBCF9E0D9CBECAL,
            36, 0xA4475C606B0ABC3CL, 39, 0x1789542489E59CC4L, 40, 0x49B45332E280F187L, 63, 0x5C320A0D2707057FL,
            64, 0x7BBABBC45729D17EL, 65, 0xF3980C34BAE65DC1L, 100, 0xEFA0AD2D3E70C151L, 1000, 0x99594F4828043D35L,
        };
        for (int k = 0; k < expected.length; k += 2) {
            byte[] text = new byte[(int) expected[k]];
            for (int i = 0; i < text.length; i++) {
                text[i] = (byte) (i * 31 + 7);
            }
            assertThat(Digest.xxh64(text)).as("length %d", text.length).isEqualTo(expected[k + 1]);
        }
    }

    @Test
    void theFingerprintIsTheHashInEightBytesMostSignificantFirst() {
        assertThat(Digest.of(new byte[0])).hasSize(Digest.LENGTH)
                .isEqualTo(new byte[] {(byte) 0xEF, 0x46, (byte) 0xDB, 0x37, 0x51, (byte) 0xD8, (byte) 0xE9, (byte) 0x99});
    }

    @Test
    void changingAnyOneByteOfASourceChangesItsFingerprint() {
        byte[] text = "---\ntitle: Backend engineer\n---\nBackend engineers build the services behind an app.\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] before = Digest.of(text);
        for (int i = 0; i < text.length; i++) {
            text[i] ^= 1;
            assertThat(Digest.of(text)).as("byte %d changed", i).isNotEqualTo(before);
            text[i] ^= 1;
        }
        assertThat(Digest.of(text)).isEqualTo(before);
    }
}
