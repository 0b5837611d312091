package dev.guidegen.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SlugTest {

    /** The rule as the README and the hints state it. */
    private static final Pattern RULE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    @Test
    void everyNameOfUpToFiveCharactersIsASlugExactlyWhenTheRuleSaysSo() {
        char[] alphabet = {'a', 'z', '0', '9', '-', 'A', '_', '.', ' ', 'é', '/', '`', '{'};
        List<String> names = new ArrayList<>(List.of(""));
        int checked = 0;
        for (int length = 0; length <= 5; length++) {
            List<String> longer = new ArrayList<>();
            for (String name : names) {
                assertThat(ContentReader.isSlug(name)).as("\"%s\"", name).isEqualTo(RULE.matcher(name).matches());
                checked++;
                if (length < 5) {
                    for (char c : alphabet) {
                        longer.add(name + c);
                    }
                }
            }
            names = longer;
        }
        assertThat(checked).isGreaterThan(400_000);
        assertThat(ContentReader.isSlug("backend-engineer")).isTrue();
        assertThat(ContentReader.isSlug("backend--engineer")).isFalse();
    }
}
