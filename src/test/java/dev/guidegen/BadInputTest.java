package dev.guidegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BadInputTest {

    static java.util.stream.Stream<BadInput> cases() {
        return BadInput.all();
    }

    @ParameterizedTest(name = "{0} fails the build with its exact position and message")
    @MethodSource("cases")
    void badInputFailsTheBuildAtItsExactPositionWithNoOutput(BadInput bad) {
        InlineSite.Built built = bad.edit().apply(InlineSite.minimal()).build();

        assertThat(built.errors()).containsExactlyElementsOf(bad.errors());
        assertThat(built.result().failed()).isTrue();
        assertThat(built.paths()).isEmpty();
    }
}
