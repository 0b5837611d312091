package dev.guidegen.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExtrasTest {

    @Test
    void feedTextDropsControlCharactersSoTheFeedStaysWellFormedXml() {
        assertThat(Extras.xml("a\u0001b\u001Fc\td <&>")).isEqualTo("abc\td &lt;&amp;&gt;");
    }
}
