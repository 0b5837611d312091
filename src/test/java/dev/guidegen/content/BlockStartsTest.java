package dev.guidegen.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Headings, fences and breaks read by the stand-ins come out exactly as flexmark's own parsers make them. */
class BlockStartsTest {

    private static List<Extension> extensions(boolean standIns) {
        List<Extension> list = new ArrayList<>(List.of(TablesExtension.create(), FootnoteExtension.create(),
                StrikethroughExtension.create(), TaskListExtension.create(), AutolinkExtension.create()));
        if (standIns) {
            list.add(new BlockStarts());
        }
        return list;
    }

    private static Parser parser(boolean standIns) {
        return Parser.builder(new MutableDataSet().set(Parser.EXTENSIONS, extensions(standIns))).build();
    }

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(new MutableDataSet()
            .set(Parser.EXTENSIONS, extensions(false))
            .set(HtmlRenderer.GENERATE_HEADER_ID, true)
            .set(HtmlRenderer.RENDER_HEADER_ID, true)).build();

    private static final Parser FLEXMARK = parser(false);
    private static final Parser STAND_INS = parser(true);

    private static String html(Parser parser, String text) {
        return RENDERER.render(parser.parse(text));
    }

    /** The block parsers in the order the parser asks them. */
    @SuppressWarnings("unchecked")
    private static List<CustomBlockParserFactory> factories(Parser parser) throws ReflectiveOperationException {
        java.lang.reflect.Field field = Parser.class.getDeclaredField("blockParserFactories");
        field.setAccessible(true);
        return (List<CustomBlockParserFactory>) field.get(parser);
    }

    /** The block parsers in the order the parser asks them, each stand-in named by the class of its original. */
    private static List<Class<?>> order(Parser parser) throws ReflectiveOperationException {
        List<Class<?>> out = new ArrayList<>();
        for (CustomBlockParserFactory f : factories(parser)) {
            out.add(f instanceof BlockStarts.StandIn s ? s.original() : f.getClass());
        }
        return out;
    }

    @Test
    void theStandInsTakeTheirOriginalsPlacesAmongTheBlockParsers() throws ReflectiveOperationException {
        assertThat(order(STAND_INS)).isEqualTo(order(FLEXMARK)).hasSize(8);
        assertThat(factories(STAND_INS)).filteredOn(f -> f instanceof BlockStarts.StandIn).hasSize(4);
        assertThat(factories(FLEXMARK)).noneMatch(f -> f instanceof BlockStarts.StandIn);
    }

    @Test
    void theHeadingsLeadInHandlerIsKept() {
        assertThat(Parser.SPECIAL_LEAD_IN_HANDLERS.get(STAND_INS.getOptions()))
                .hasSameSizeAs(Parser.SPECIAL_LEAD_IN_HANDLERS.get(FLEXMARK.getOptions())).isNotEmpty();
    }

    @Test
    void everyKindOfBlockComesOutAsFlexmarkMakesIt() {
        String text = """
                # One
                ## Two ##
                ###### Six
                ####### Seven
                #hashtag
                #
                Setext one
                ==========
                Setext two
                ---
                - - -
                ***
                ___
                * * *
                - item
                  ---
                - item

                > # Quoted
                > ```
                > code
                > ```

                ```java
                int x = 1;
                ```
                ~~~
                tilde
                ~~~
                `not a fence`
                ``` a ` b
                    # indented code
                1. first
                   ## In a list
                2) second
                + plus
                   ~~~
                   fenced in a list
                   ~~~

                | a | b |
                |---|---|
                | 1 | 2 |

                Text[^1] and - - - inline.
                -- two
                == two
                =

                [^1]: A note
                    # not a heading
                <div>
                # in html
                </div>
                """;
        assertThat(html(STAND_INS, text)).isEqualTo(html(FLEXMARK, text)).contains("<h6", "<hr", "<h1", "<h2", "<pre><code class=\"language-java\"");
    }

    /** Random texts of lines made of the characters that start blocks, and the rest: flexmark makes the same of each. */
    @Test
    void randomTextsComeOutAsFlexmarkMakesThem() {
        String[] pieces = {"#", "##", "###", "=", "==", "-", "---", "*", "***", "_", "___", "`", "```", "~", "~~~", " ", "  ",
                "    ", "\t", ">", "1.", "2)", "+", "[^1]:", "[^1]", "<div>", "</div>", "a", "word", "|", "|---|", "\\", "{#x}",
                "- ", "* ", "+ ", "1. ", "10) ", "  - ", "   ", "0", "123456789. ", "- [ ] ", "> - "};
        SplittableRandom random = new SplittableRandom(20261126);
        int differ = 0;
        String first = null;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            int lines = 1 + random.nextInt(12);
            for (int l = 0; l < lines; l++) {
                int n = random.nextInt(5);
                for (int k = 0; k < n; k++) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                    if (random.nextInt(3) == 0) {
                        text.append(' ');
                    }
                }
                text.append('\n');
            }
            String t = text.toString();
            if (!html(STAND_INS, t).equals(html(FLEXMARK, t))) {
                differ++;
                if (first == null) {
                    first = t;
                }
            }
        }
        assertThat(differ).as("first text that differs: %s", first).isZero();
    }
}
