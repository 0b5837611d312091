package dev.guidegen.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void aHintOverManyNamesNamesTheNearestOnesNotTheAlphabetsFirst() {
        List<String> guides = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            guides.add(c + "-role");
        }
        guides.add("data-scientist");
        guides.add("data-engineer");

        assertThat(DidYouMean.known("guides", "data-sceintist", guides))
                .startsWith("guides: data-scientist, data-engineer, ").endsWith(", ... (28 in all)");
        assertThat(DidYouMean.known("guides", guides)).startsWith("guides: a-role, b-role, ");
    }
}
