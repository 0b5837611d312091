package dev.guidegen.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExtrasTest {

    @Test
    void aSiteWithMoreUrlsThanOneSitemapHoldsGetsASitemapIndex() {
        java.util.SortedMap<String, String> urls = new java.util.TreeMap<>();
        for (int i = 0; i < 5; i++) {
            urls.put("/roles/r" + i + "/", "2026-10-0" + (i + 1));
        }
        var files = Extras.sitemaps(urls, 2, u -> "https://x.example" + u);

        assertThat(files.stream().map(OutputFile::path)).containsExactly("sitemap.xml", "sitemaps/1.xml", "sitemaps/2.xml",
                "sitemaps/3.xml");
        String index = new String(files.get(0).bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(index).contains("<sitemapindex", "<loc>https://x.example/sitemaps/3.xml</loc>").doesNotContain("<url>");
        assertThat(new String(files.get(3).bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<loc>https://x.example/roles/r4/</loc><lastmod>2026-10-05</lastmod>").doesNotContain("r3");
        assertThat(Extras.sitemaps(urls, 5, u -> u).stream().map(OutputFile::path)).containsExactly("sitemap.xml");
    }

    @Test
    void feedTextDropsControlCharactersSoTheFeedStaysWellFormedXml() {
        assertThat(Extras.xml("a\u0001b\u001Fc\td <&>")).isEqualTo("abc\td &lt;&amp;&gt;");
    }

    @Test
    void xmlTextKeepsLineBreaksAndOtherLettersAndDropsTheTwoNonCharacters() {
        assertThat(Extras.xml("\"Ça\"\r\n\u000Bx\uFFFE\uFFFFy\u0000&")).isEqualTo("&quot;Ça&quot;\r\nxy&amp;");
        assertThat(Extras.xml("\uFFFEhttps://x.example/roles/a-b/")).isEqualTo("https://x.example/roles/a-b/");
        assertThat(Extras.xml("\uD83D\uDE00 \uFFFD")).isEqualTo("\uD83D\uDE00 \uFFFD");
        String plain = "https://x.example/roles/a-b/";
        assertThat(Extras.xml(plain)).isSameAs(plain);
    }
}
