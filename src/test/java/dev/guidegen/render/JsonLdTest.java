package dev.guidegen.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** JSON-LD keeps content inside its script element, and is the text the generator writes when it escapes the five characters itself. */
class JsonLdTest {

    /** The generator told to escape the five characters itself, character by character: what JsonLd must match. */
    private static String escapedByTheGenerator(Object graph) throws Exception {
        JsonFactory factory = new JsonFactory().setCharacterEscapes(new CharacterEscapes() {
            private final int[] escapes = standardAsciiEscapesForJSON();

            {
                escapes['<'] = ESCAPE_STANDARD;
                escapes['>'] = ESCAPE_STANDARD;
                escapes['&'] = ESCAPE_STANDARD;
            }

            @Override
            public int[] getEscapeCodesForAscii() {
                return escapes;
            }

            @Override
            public SerializableString getEscapeSequence(int ch) {
                return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
            }
        });
        StringWriter out = new StringWriter();
        try (JsonGenerator json = factory.createGenerator(out)) {
            new com.fasterxml.jackson.databind.ObjectMapper(factory).writeValue(json, graph);
        }
        return out.toString();
    }

    @Test
    void aClosingScriptTagAndTheLineSeparatorsAreEscaped() {
        String json = new JsonLd().write(Map.of("name", "</script><b>&amp;\u2028\u2029\"\\"));
        assertThat(json).isEqualTo("{\"name\":\"\\u003C/script\\u003E\\u003Cb\\u003E\\u0026amp;\\u2028\\u2029\\\"\\\\\"}")
                .doesNotContain("<", ">", "&", "\u2028", "\u2029");
        String plain = new JsonLd().write(List.of("Role 1", 150000));
        assertThat(plain).isEqualTo("[\"Role 1\",150000]");
    }

    /**
     * Random graphs, with names and strings over the characters that matter and some that do not,
     * and numbers, booleans, null, lists and nesting: the same text as the generator's own escapes.
     */
    @Test
    void randomTextsAreWrittenAsTheGeneratorWouldEscapeThem() throws Exception {
        String alphabet = "aZ é<>&\"\\/\n\t\u0000\u001f\u007f\u2028\u2029\u2027\u202a\uD83D\uDE00u003C";
        SplittableRandom random = new SplittableRandom(20261126);
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> graph = new LinkedHashMap<>();
            for (int f = 0; f < 3; f++) {
                graph.put(text(random, alphabet) + f, text(random, alphabet));
            }
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put(text(random, alphabet), List.of(text(random, alphabet), random.nextInt(), random.nextBoolean()));
            inner.put("n", random.nextLong());
            inner.put("none", null);
            graph.put("graph", List.of(inner, List.of()));
            assertThat(new JsonLd().write(graph)).isEqualTo(escapedByTheGenerator(graph));
        }
    }

    private static String text(SplittableRandom random, String alphabet) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
