package dev.guidegen.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON-LD keeps content inside its script element. */
class JsonLdTest {

    @Test
    void aClosingScriptTagAndTheLineSeparatorsAreEscaped() {
        String json = new JsonLd().write(Map.of("name", "</script><b>&amp;\u2028\u2029\"\\"));
        assertThat(json).isEqualTo("{\"name\":\"\\u003C/script\\u003E\\u003Cb\\u003E\\u0026amp;\\u2028\\u2029\\\"\\\\\"}")
                .doesNotContain("<", ">", "&", "\u2028", "\u2029");
        String plain = new JsonLd().write(List.of("Role 1", 150000));
        assertThat(plain).isEqualTo("[\"Role 1\",150000]");
    }
}
