package dev.guidegen.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A line of plain prose skips flexmark, and comes out exactly as flexmark would have written it. */
class PlainParagraphTest {

    private final MarkdownParser parser = new MarkdownParser();

    private Markdown quick(String text) {
        return parser.parse("content/guides/a.md", text, "a.", RawHtml.DEFAULT, Map.of(), off -> new SourcePos("a.md", 1, off + 1),
                new Problems());
    }

    private Markdown flexmark(String text) {
        return parser.parseWithFlexmark("content/guides/a.md", text, "a.", RawHtml.DEFAULT, Map.of(),
                off -> new SourcePos("a.md", 1, off + 1), new Problems());
    }

    @Test
    void aFaqAnswerOfPlainProseIsOneParagraphAsFlexmarkWritesIt() {
        String answer = "Most start as juniors (2-3 years): they learn on call, 90% of it; and then? Senior, or manager!";
        assertThat(MarkdownParser.plainParagraph(answer)).isTrue();
        assertThat(quick(answer)).isEqualTo(flexmark(answer));
        assertThat(quick(answer).html()).isEqualTo("<p>" + answer + "</p>\n");
        assertThat(quick(answer).words()).isEqualTo(18);
    }

    @Test
    void textThatMarkdownMightReadAsMoreThanProseGoesToFlexmark() {
        for (String text : List.of("", " Indented", "Trailing ", "Two  spaces", "1. A list", "- A list", "# Heading",
                "Some *emphasis*", "A [link](b.md)", "Line\nbreak", "Tab\there", "A <b>tag</b>", "Fish & chips",
                "Say \"hi\"", "See http://example.org", "See www.example.org", "Mail a@b.org", "Back\\slash",
                "A `code` span", "A | table", "Strike ~~this~~", "Snake_case", "Emoji \uD83D\uDE00")) {
            assertThat(MarkdownParser.plainParagraph(text)).as(text).isFalse();
        }
    }

    /**
     * Random lines over an alphabet of plain characters and of every character that means something
     * to Markdown: whenever the quick way takes one, flexmark makes the same of it.
     */
    @Test
    void whateverTheQuickWayTakesFlexmarkMakesTheSameOf() {
        String alphabet = "aZé1 .,;:?!'()/%$+=-*_[]<>&\"#\\`|~\n\t@wW";
        SplittableRandom random = new SplittableRandom(20261125);
        int taken = 0;
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            // Mostly plain characters, so that many texts are plain and the rest differ in one or two places.
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(random.nextInt(4) == 0 ? alphabet.length() : 17)));
            }
            String s = text.toString();
            if (MarkdownParser.plainParagraph(s)) {
                taken++;
                if (!quick(s).equals(flexmark(s))) {
                    differ.add(s);
                }
            }
        }
        assertThat(differ).isEmpty();
        assertThat(taken).isGreaterThan(1_000);
    }

    @Test
    void aWordEndsAtEveryCharacterJavaCallsWhitespaceAndNowhereElse() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(MarkdownParser.words("a" + c + "b")).as("U+%04X", (int) c).isEqualTo(Character.isWhitespace(c) ? 2 : 1);
        }
    }

    @Test
    void anAddressStartingWwwIsLookedForInAnyCase() {
        for (String text : List.of("See WwW.example.org", "awww.b", "www.", "x http://y", "a@b")) {
            assertThat(MarkdownParser.mayHoldAutolink(text)).as(text).isTrue();
        }
        for (String text : List.of("ww.example.org", "www", "w.w.w.", ".www", "http:/ x", "")) {
            assertThat(MarkdownParser.mayHoldAutolink(text)).as(text).isFalse();
        }
    }

    /**
     * Runs of text are set aside while flexmark writes a document and put back after: random
     * documents of paragraphs, lists and quotes, with emphasis, code, escapes, entities and HTML's
     * special characters, come out as flexmark's own renderer writes them.
     */
    @Test
    void textSetAsideWhileRenderingIsPutBackWhereFlexmarkWouldHaveWrittenIt() {
        com.vladsch.flexmark.parser.Parser flexmarkParser = com.vladsch.flexmark.parser.Parser.builder(parser.options()).build();
        com.vladsch.flexmark.html.HtmlRenderer flexmarkRenderer = com.vladsch.flexmark.html.HtmlRenderer.builder(parser.options()).build();
        List<String> pieces = List.of("plain words run on for a while", "*stressed words*", "**strong words here**", "`code in a span`",
                "~~struck text~~", "a \\* star", "fish &amp; chips", "1 < 2 > 0", "say \"hi\"", "tea & cake", "line  \nbreak",
                "soft\nbreak", "12345678901", "x");
        List<String> starts = List.of("", "", "- ", "1. ", "> ", "  - ");
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int blocks = 1 + random.nextInt(8);
            for (int b = 0; b < blocks; b++) {
                text.append(starts.get(random.nextInt(starts.size())));
                int runs = 1 + random.nextInt(12);
                for (int r = 0; r < runs; r++) {
                    text.append(pieces.get(random.nextInt(pieces.size()))).append(r + 1 < runs ? " " : "");
                }
                text.append(random.nextBoolean() ? "\n\n" : "\n");
            }
            String markdown = text.toString();
            assertThat(flexmark(markdown).html()).as(markdown)
                    .isEqualTo(flexmarkRenderer.render(flexmarkParser.parse(markdown)));
        }
    }
    /**
     * A site holds every guide's HTML until its pages are written. Latin-1 text keeps that HTML in
     * Latin-1 characters, the markers of links included, raw HTML's as well, so the JDK holds it in
     * one byte a character rather than two.
     */
    @Test
    void theHtmlOfLatinOneTextHoldsOnlyLatinOneCharactersAndItsMarkersResolve() {
        Markdown md = flexmark("See [the other guide](b.md#pay), <a href=\"c.md\">a raw link</a> and ![A chart](d.png) for caf\u00e9"
                + " prices that run on for a while.\n\n- *one* [again](b.md)\n- two\n");

        assertThat(md.html().chars().filter(c -> c > 0xFF).toArray()).isEmpty();
        assertThat(md.targets()).containsExactly("b.md#pay", "d.png", "b.md", "c.md");
        String resolved = MarkdownHtml.resolve(md.html(), md.targets(), t -> "/" + t);
        assertThat(resolved).contains("href=\"/b.md#pay\"", "href=\"/c.md\"", "src=\"/d.png\"", "href=\"/b.md\"",
                "for caf\u00e9 prices that run on");
        assertThat(resolved.chars().filter(c -> c < 0x20 && c != '\n').toArray()).isEmpty();
    }
    /**
     * Lines of plain prose that stand alone are set aside before flexmark parses a text. On random
     * documents of such lines beside everything that could swallow one or change what it means
     * (lists, quotes, tables, headings, footnotes, fences, raw HTML, setext underlines, indented
     * code, lazy continuation lines and blank lines holding spaces), the result is the one of
     * parsing the whole text: the same HTML, the same links, headings and ids at the same
     * positions, and the same problems.
     */
    @Test
    void settingPlainLinesAsideBeforeParsingChangesNothing() {
        List<String> blocks = List.of("Plain prose runs on, for a while (90% of it).", "Another line of prose here", "Short",
                "Plain prose runs on, for a while (90% of it).", "ends with a space ", "two  spaces here", "Visit www.example.org today",
                "- item one\n- item two", "1. first\n2. second", "- item\n\n  continued in the item", "> quoted words\nlazy line",
                "| a | b |\n| --- | --- |\n| 1 | 2 |", "## Heading words", "## Heading words", "Setext heading\n===",
                "Under a paragraph\n---", "---", "See [the other guide](b.md#pay) now.", "[ref]: c.md \"Title\"",
                "Use [ref] here.", "A note[^1] here.", "[^1]: The note itself.", "    indented code line", "```\nfenced\n\nPlain in a fence\n\n```",
                "~~~\n\nPlain in a tilde fence\n\nstill", "<div>\n\nPlain inside a div\n\n</div>", "<!-- a comment\n\nPlain in it\n\n-->",
                "<pre>\n\nPlain in pre\n\n</pre>", "<pre><img src=\"\n\nPlain words\n\n\"></pre>", "<pre id=\"\n\nPlain words\n\n\">", "- item\n\n  ```\n\nPlain after a fence in an item\n\n  ```",
                "*stress* and **strong**", "Term: definition with a colon", "Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u5de5\u7a0b\u5e08 words",
                "Wide\u3000space here", "Tabbed\twords here", "Plain", "  \t ", "", "- [ ] a task", "Words at the end");
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            int count = 1 + random.nextInt(12);
            for (int b = 0; b < count; b++) {
                text.append(blocks.get(random.nextInt(blocks.size())));
                int gap = random.nextInt(4);
                text.append(gap == 0 ? "\n" : gap == 1 ? "\n  \n" : gap == 2 ? "\n\n\n" : "\n\n");
            }
            if (random.nextBoolean()) {
                text.setLength(text.length() - 1);
            }
            String markdown = text.toString();
            Problems whole = new Problems();
            Problems setAside = new Problems();
            Markdown expected = parser.parseWithFlexmark("content/guides/a.md", markdown, null, "", RawHtml.DEFAULT, Map.of(),
                    off -> new SourcePos("a.md", 1, off + 1), whole);
            Markdown actual = parser.parseWithFlexmark("content/guides/a.md", markdown, PlainLines.of(markdown), "", RawHtml.DEFAULT,
                    Map.of(), off -> new SourcePos("a.md", 1, off + 1), setAside);
            assertThat(actual).as(markdown).isEqualTo(expected);
            assertThat(setAside.sorted()).as(markdown).isEqualTo(whole.sorted());
        }
    }

    @Test
    void aPlainLineIsSetAsideOnlyWhereItStandsAloneAndMarkdownCannotSwallowIt() {
        PlainLines aside = PlainLines.of("## Pay\n\nPlain words.\nNot alone\n\nAlone again\n");
        assertThat(aside.lines()).containsExactly("Alone again");
        assertThat(aside.text()).isEqualTo("## Pay\n\nPlain words.\nNot alone\n\n\u00030\u0004\n");
        assertThat(aside.original(aside.text().indexOf('\u0003'))).isEqualTo("## Pay\n\nPlain words.\nNot alone\n\n".length());
        assertThat(aside.original(aside.text().length())).isEqualTo("## Pay\n\nPlain words.\nNot alone\n\nAlone again\n".length());
        assertThat(PlainLines.of("Alone but\nfor this\n\n- in a list\n\n  and in it again\n")).isNull();
    }

    @Test
    void plainLinesWithOnlyBlankLinesBetweenThemAreSetAsideTogetherUntilALineMayOpenAFence() {
        String markdown = "First line.\n\nSecond line.\n  \nThird line.\n\n## Pay\n\nFourth line.\n\n~~~\n\nIn a fence.\n\nStill in it.\n";
        PlainLines aside = PlainLines.of(markdown);
        assertThat(aside.lines()).containsExactly("First line.</p>\n<p>Second line.</p>\n<p>Third line.", "Fourth line.",
                "In a fence.", "Still in it.");
        assertThat(aside.text()).isEqualTo("\u00030\u0004\n\n## Pay\n\n\u00031\u0004\n\n~~~\n\n\u00032\u0004\n\n\u00033\u0004\n");
        assertThat(aside.words()).isEqualTo(14);
        assertThat(aside.original(1)).isZero();
        assertThat(aside.original(aside.text().indexOf("\n\n## Pay"))).isEqualTo(markdown.indexOf("\n\n## Pay"));
        assertThat(aside.original(aside.text().indexOf("\u00031"))).isEqualTo(markdown.indexOf("Fourth"));
    }
}
