package dev.guidegen.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    record Texts(String one, List<String> more) {
    }

    /** Characters of every width, both halves of a pair, and the question mark a lone half would become. */
    private static final String CHARS = "a?\u00e9\u2013\ufffd\ud83d\ude00\ud800\udfff\u0000";

    @Test
    void everyStringReadsBackAsItWasWrittenLoneSurrogatesAndQuestionMarksToo() throws IOException {
        Random random = new Random(5);
        for (int round = 0; round < 2_000; round++) {
            String[] strings = new String[1 + random.nextInt(4)];
            for (int s = 0; s < strings.length; s++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(random.nextInt(10) == 0 ? 70_000 : 20);
                for (int i = 0; i < length; i++) {
                    text.append(random.nextBoolean() ? CHARS.charAt(random.nextInt(CHARS.length())) : 'x');
                }
                strings[s] = text.toString();
            }
            Texts written = new Texts(strings[0], List.of(strings).subList(1, strings.length));
            assertThat(RecordCodec.decode(RecordCodec.encode(written), Texts.class)).isEqualTo(written);
        }
    }

    @Test
    void aStringLongerThanTheBytesLeftIsRefusedNotRead() {
        byte[] bytes = RecordCodec.encode(new Texts("a long enough text", List.of()));
        assertThatThrownBy(() -> RecordCodec.decode(java.util.Arrays.copyOf(bytes, 8), Texts.class)).isInstanceOf(IOException.class);
    }
}
