package dev.guidegen.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextWriterTest {

    /** Characters of every width, both halves of a pair, and markup. */
    private static final String CHARS = "a<>&\"' \n\u00e9\u00ff\u0100\u2013\u201c\ufffd\ud83d\ude00\ud800\udfff";

    @Test
    void aPageWrittenInAnyPiecesHasTheBytesOfItsWholeTextInUtf8() {
        Random random = new Random(7);
        // Every other page goes through one writer, emptied before each, as a build's threads use theirs.
        TextWriter reused = new TextWriter(1);
        for (int round = 0; round < 3_000; round++) {
            StringBuilder whole = new StringBuilder();
            TextWriter out = round % 2 == 0 ? new TextWriter(1 + random.nextInt(64)) : reused;
            out.reset();
            int pieces = random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                StringBuilder piece = new StringBuilder();
                int length = random.nextInt(random.nextBoolean() ? 8 : 80);
                for (int i = 0; i < length; i++) {
                    piece.append(random.nextInt(4) == 0 ? CHARS.charAt(random.nextInt(CHARS.length()))
                            : (char) ('a' + random.nextInt(26)));
                }
                String s = piece.toString();
                int off = s.isEmpty() ? 0 : random.nextInt(s.length());
                int len = s.isEmpty() ? 0 : random.nextInt(s.length() - off + 1);
                switch (random.nextInt(6)) {
                    case 0 -> {
                        out.write(s);
                        whole.append(s);
                    }
                    case 1 -> {
                        out.write(s, off, len);
                        whole.append(s, off, off + len);
                    }
                    case 2 -> {
                        out.write(s.toCharArray(), off, len);
                        whole.append(s, off, off + len);
                    }
                    case 3 -> {
                        for (char c : s.toCharArray()) {
                            out.write(c);
                        }
                        whole.append(s);
                    }
                    case 4 -> {
                        out.append(new StringBuilder(s), off, off + len);
                        whole.append(s, off, off + len);
                    }
                    default -> {
                        out.append(s);
                        whole.append(s);
                    }
                }
            }
            assertThat(out.toBytes()).as("round %d: %s", round, whole)
                    .isEqualTo(whole.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPairSplitBetweenTwoWritesIsOneCharacterAndALoneHalfIsAQuestionMark() {
        TextWriter out = new TextWriter(4);
        out.write("a long piece of text that ends in half a pair \ud83d");
        out.write("\ude00 and a lone \udfff half, then \ud800");
        assertThat(new String(out.toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("a long piece of text that ends in half a pair \ud83d\ude00 and a lone ? half, then ?");
    }
}
