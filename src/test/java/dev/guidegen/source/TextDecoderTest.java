package dev.guidegen.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.problem.Problems;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    /** Characters from every branch of the decoder: ASCII, line ends of each kind, controls, Latin-1, beyond it, a BOM. */
    private static final String[] PIECES = {"a", "Z", " ", "\n", "\t", "\r", "\r\n", "\u0001", "\u007F", "\u001B", "é", "\u00A0",
        "–", "€", "\uD83D\uDE00", "\uFEFF", "?", "&#1;"};

    /** The text the decoder must give for a well-formed file: no leading BOM, LF line ends, each control a space. */
    private static String expected(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' || c == 0x7F) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    @Test
    void everyWellFormedTextDecodesToItsLinesWithControlsReportedAndBlanked() {
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(random.nextInt(20) == 0 ? 400 : 12);
            // Most texts draw from ASCII alone, as most files are, which the decoder reads the quick way.
            int palette = random.nextBoolean() ? 7 : PIECES.length;
            for (int i = 0; i < length; i++) {
                text.append(PIECES[random.nextInt(palette)]);
            }
            String written = text.toString();
            Problems problems = new Problems();
            String decoded = TextDecoder.decode("t.md", written.getBytes(StandardCharsets.UTF_8), problems).orElseThrow();
            String want = expected(written);
            assertThat(decoded).as(written).isEqualTo(want);
            boolean controls = written.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F);
            assertThat(problems.hasErrors()).as(written).isEqualTo(controls);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreAProblemAtTheirPlace() {
        Problems problems = new Problems();
        byte[] bytes = {'a', '\n', 'b', (byte) 0xC3, 'c'};
        assertThat(TextDecoder.decode("t.md", bytes, problems)).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.pos().line()).isEqualTo(2);
            assertThat(p.pos().col()).isEqualTo(2);
            assertThat(p.message()).isEqualTo("invalid UTF-8 byte 0xC3");
        });
    }
}
