package dev.guidegen.content;

import dev.guidegen.source.Ref;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.guidegen.problem.Limits;
import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import dev.guidegen.site.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** The one Markdown parser of a build, and the options its renderer must share with it. */
public final class MarkdownParser {

    /** The file a parsed document came from, so its relative links can be resolved when it is rendered. */
    public static final com.vladsch.flexmark.util.data.DataKey<String> SOURCE_PATH =
            new com.vladsch.flexmark.util.data.DataKey<>("GUIDEGEN_SOURCE_PATH", "");

    /** The prefix of the document's heading ids; footnote ids take it too, so answers on one page never share one. */
    public static final com.vladsch.flexmark.util.data.DataKey<String> ID_PREFIX =
            new com.vladsch.flexmark.util.data.DataKey<>("GUIDEGEN_ID_PREFIX", "");

    private final DataHolder options;
    private final Parser parser;
    /** The same parser without the autolink pass, which is a fifth of parsing and finds nothing in most texts. */
    private final Parser withoutAutolinks;
    private final MarkdownHtml renderer;

    public MarkdownParser() {
        Tables tables = new Tables();
        options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(tables, FootnoteExtension.create(),
                        StrikethroughExtension.create(), TaskListExtension.create(), AutolinkExtension.create(), new BlockStarts()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                // Raw HTML reaches the renderer, which cleans it by the rule of RawHtml.
                .set(HtmlRenderer.ESCAPE_HTML, false)
                // GitHub's tables: a header row is enough, and a row may have fewer cells.
                .set(TablesExtension.COLUMN_SPANS, false)
                .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
                .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
                .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
                .set(HtmlRenderer.SOFT_BREAK, " ")
                // flexmark's writer otherwise looks at every character it appends, to track lines and
                // indents that HTML does not need: about a tenth of a cold build's CPU.
                .set(HtmlRenderer.FORMAT_FLAGS, com.vladsch.flexmark.util.sequence.LineAppendable.F_PASS_THROUGH)
                // Task list boxes show state only; each is named for readers who cannot see it.
                .set(TaskListExtension.ITEM_DONE_MARKER,
                        "<input type=\"checkbox\" class=\"task-list-item-checkbox\" checked disabled aria-label=\"done\"> ")
                .set(TaskListExtension.ITEM_NOT_DONE_MARKER,
                        "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled aria-label=\"not done\"> ")
                .toImmutable();
        parser = Parser.builder(options).build();
        withoutAutolinks = Parser.builder(new MutableDataSet(options).set(Parser.EXTENSIONS, List.of(tables,
                FootnoteExtension.create(), StrikethroughExtension.create(), TaskListExtension.create(), new BlockStarts()))).build();
        renderer = new MarkdownHtml(options);
    }


    /**
     * GitHub's tables, read by one table reader for every document. flexmark's extension makes a
     * reader for each document, which compiles a regular expression from the options: about a
     * tenth of a millisecond of each guide's parse. The reader keeps nothing of a document (its
     * fields are the options and that expression), so the first document's serves all the others, on
     * any thread; every document has the parser's table options.
     */
    private static final class Tables implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
        private final TablesExtension tables = TablesExtension.create();
        private volatile com.vladsch.flexmark.parser.block.ParagraphPreProcessor reader;

        @Override
        public void parserOptions(com.vladsch.flexmark.util.data.MutableDataHolder options) {
            tables.parserOptions(options);
        }

        @Override
        public void rendererOptions(com.vladsch.flexmark.util.data.MutableDataHolder options) {
            tables.rendererOptions(options);
        }

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            tables.extend(builder, rendererType);
        }

        @Override
        public void extend(Parser.Builder builder) {
            com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory each =
                    com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor.Factory();
            builder.paragraphPreProcessorFactory(new com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory() {
                @Override
                public java.util.Set<Class<?>> getAfterDependents() {
                    return each.getAfterDependents();
                }

                @Override
                public java.util.Set<Class<?>> getBeforeDependents() {
                    return each.getBeforeDependents();
                }

                @Override
                public boolean affectsGlobalScope() {
                    return each.affectsGlobalScope();
                }

                @Override
                public com.vladsch.flexmark.parser.block.ParagraphPreProcessor apply(
                        com.vladsch.flexmark.parser.block.ParserState state) {
                    com.vladsch.flexmark.parser.block.ParagraphPreProcessor made = reader;
                    if (made == null) {
                        made = each.apply(state);
                        reader = made;
                    }
                    return made;
                }
            });
        }
    }

    /** The options of the parser and of the renderer that must share them. */
    DataHolder options() {
        return options;
    }

    /**
     * Parses {@code text}; {@code posOf} turns an offset in the text into a position in its file,
     * so headings and links can be reported where the editor wrote them. Text nested deeper than
     * {@link Limits#MAX_MARKDOWN_NESTING} is reported where its nesting starts and gives an empty document.
     */
    public Markdown parse(String sourcePath, String text, RawHtml html, java.util.Map<String, ImageFile> imageFiles,
            IntFunction<SourcePos> posOf, Problems problems) {
        return parse(sourcePath, text, "", html, imageFiles, posOf, problems);
    }

    /**
     * As {@link #parse(String, String, RawHtml, java.util.Map, IntFunction, Problems)}, with every heading id starting with
     * {@code idPrefix}. A FAQ answer's headings show on pages beside the guide's own sections and
     * other guides' answers; a prefix holding a '.', which ids made from heading text never do, keeps
     * them from taking any of those ids.
     */
    public Markdown parse(String sourcePath, String text, String idPrefix, RawHtml html,
            java.util.Map<String, ImageFile> imageFiles, IntFunction<SourcePos> posOf, Problems problems) {
        text = withoutMarkerCharacters(text, posOf, problems);
        int plain = plainWords(text);
        if (plain >= 0) {
            // What flexmark makes of it, without the set-up of a parser and a renderer for each of a site's many short answers.
            return new Markdown("<p>" + text + "</p>\n", List.of(), List.of(), List.of(), List.of(), List.of(), false, plain);
        }
        return parseWithFlexmark(sourcePath, text, idPrefix, html, imageFiles, posOf, problems);
    }

    /**
     * The text without the characters the renderer marks with, each reported at its place: the
     * renderer marks links and set-aside text with control characters, and links with two
     * private-use characters while jsoup cleans raw HTML, so that none may come from the text. A
     * control character written as it is never gets here (the decoder and front matter refuse it);
     * the private-use pair becomes U+FFFD, and a numeric character reference to either kind, which
     * Markdown would turn into the character itself, becomes plain text.
     */
    private static String withoutMarkerCharacters(String text, IntFunction<SourcePos> posOf, Problems problems) {
        int open = text.indexOf(MarkdownHtml.RAW_OPEN);
        int close = text.indexOf(MarkdownHtml.RAW_CLOSE);
        if (open >= 0 || close >= 0) {
            int first = open < 0 ? close : close < 0 ? open : Math.min(open, close);
            problems.error(posOf.apply(first), String.format("the private-use character U+%04X cannot be used in Markdown",
                    (int) text.charAt(first)), "remove it; readers see nothing where it is");
            text = text.replace(MarkdownHtml.RAW_OPEN, '\uFFFD').replace(MarkdownHtml.RAW_CLOSE, '\uFFFD');
        }
        char[] mended = null;
        for (int at = text.indexOf("&#"); at >= 0; at = text.indexOf("&#", at + 2)) {
            boolean hex = at + 2 < text.length() && (text.charAt(at + 2) == 'x' || text.charAt(at + 2) == 'X');
            int from = at + (hex ? 3 : 2);
            int end = from;
            long value = 0;
            while (end < text.length() && end - from < (hex ? 6 : 7) && Character.digit(text.charAt(end), hex ? 16 : 10) >= 0) {
                value = value * (hex ? 16 : 10) + Character.digit(text.charAt(end), hex ? 16 : 10);
                end++;
            }
            if (end == from || end == text.length() || text.charAt(end) != ';') {
                continue; // not a reference: Markdown leaves it as it is written
            }
            String reference = text.substring(at, end + 1);
            if ((value > 0 && value < 0x20 && value != '\t' && value != '\n' && value != '\r') || value == 0x7F) {
                problems.error(posOf.apply(at), String.format("the character reference %s stands for the control character U+%04X",
                        reference, value), "delete it: web pages may not contain it");
            } else if (value == MarkdownHtml.RAW_OPEN || value == MarkdownHtml.RAW_CLOSE) {
                problems.error(posOf.apply(at), String.format("the character reference %s stands for the private-use character"
                        + " U+%04X, which cannot be used in Markdown", reference, value), "remove it; readers see nothing where it is");
            } else {
                continue;
            }
            if (mended == null) {
                mended = text.toCharArray();
            }
            mended[at] = ' '; // no longer a reference; every place in the text stays where it was
        }
        return mended == null ? text : new String(mended);
    }

    /** As {@link #parse(String, String, String, RawHtml, java.util.Map, IntFunction, Problems)}, always through flexmark. */
    Markdown parseWithFlexmark(String sourcePath, String text, String idPrefix, RawHtml html,
            java.util.Map<String, ImageFile> imageFiles, IntFunction<SourcePos> posInText, Problems problems) {
        return parseWithFlexmark(sourcePath, text, PlainLines.of(text), idPrefix, html, imageFiles, posInText, problems);
    }

    /** As {@link #parseWithFlexmark}, with the plain lines {@code aside} (which may be null) set aside. */
    Markdown parseWithFlexmark(String sourcePath, String text, PlainLines aside, String idPrefix, RawHtml html,
            java.util.Map<String, ImageFile> imageFiles, IntFunction<SourcePos> posInText, Problems problems) {
        IntFunction<SourcePos> posOf = aside == null ? posInText : off -> posInText.apply(aside.original(off));
        Document doc;
        try {
            // A line set aside holds nothing the autolink pass could find.
            String parsed = aside == null ? text : aside.text();
            doc = (mayHoldAutolink(parsed) ? parser : withoutAutolinks).parse(parsed);
        } catch (StackOverflowError e) {
            problems.error(posOf.apply(0), "Markdown nested too deeply to read", NESTING_HINT);
            return empty();
        }
        Node tooDeep = firstTooDeep(doc);
        if (tooDeep != null) {
            problems.error(posOf.apply(tooDeep.getStartOffset()), "Markdown nested more than "
                    + Limits.MAX_MARKDOWN_NESTING + " levels deep (lists, quotes or emphasis inside each other)", NESTING_HINT);
            return empty();
        }
        doc.set(SOURCE_PATH, sourcePath);
        doc.set(ID_PREFIX, idPrefix);
        HeadingIds.assign(doc, idPrefix, posOf, problems);
        List<dev.guidegen.content.Heading> headings = new ArrayList<>();
        List<Ref> links = new ArrayList<>();
        List<Ref> images = new ArrayList<>();
        List<Ref> ids = new ArrayList<>();
        boolean raw = false;
        for (Node node : doc.getDescendants()) {
            if (node instanceof Heading h) {
                // The text a reader sees, as the contents list shows it: "**Pay**" is "Pay", "2\\. Step" is "2. Step".
                String shown = new com.vladsch.flexmark.util.ast.TextCollectingVisitor().collectAndGetText(h).strip();
                headings.add(new dev.guidegen.content.Heading(h.getLevel(), shown,
                        h.getAnchorRefId(), posOf.apply(h.getStartOffset())));
            } else if (node instanceof Link link) {
                links.add(ref(link.getUrl(), link.getStartOffset(), posOf));
            } else if (node instanceof Image image) {
                images.add(ref(image.getUrl(), image.getStartOffset(), posOf));
            } else if (node instanceof Reference reference) {
                links.add(ref(reference.getUrl(), reference.getStartOffset(), posOf));
            } else if (node instanceof AutoLink auto) {
                Ref r = ref(auto.getUrl(), auto.getStartOffset(), posOf);
                // A bare "www.example.org" is linked as http://www.example.org, as GitHub does.
                links.add(Urls.scheme(r.value()) == null ? new Ref("http://" + r.value(), r.pos()) : r);
            } else if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
                raw = true;
                // A block's content, without the "> " of a quote around it; each offset maps back to the file.
                BasedSequence chars = node instanceof com.vladsch.flexmark.util.ast.Block block && !block.getContentChars().isEmpty()
                        ? block.getContentChars() : node.getChars();
                html.inspect(chars.toString(), off -> posOf.apply(chars.getIndexOffset(Math.min(off, chars.length() - 1))),
                        problems, links, images, ids);
            }
        }
        MarkdownHtml.Rendered rendered = renderer.render(doc, raw, html, imageFiles, aside == null ? List.of() : aside.lines());
        int words = aside == null ? words(text) : words(aside.text()) - aside.lines().size() + aside.words();
        return new Markdown(rendered.html(), rendered.targets(), headings, links, images, ids, raw, words);
    }

    /** Words as a reader counts them, for the reading time. */
    static int words(String text) {
        for (int i = 0; i < WIDE_SPACES.length(); i++) {
            if (text.indexOf(WIDE_SPACES.charAt(i)) >= 0) {
                return wordsByChar(text);
            }
        }
        // Read from an array, in a third of the time of charAt. A character beyond Latin-1 becomes a
        // '?', a pair of surrogates one '?': neither is a space, so no word is gained or lost.
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int words = 0;
        boolean inWord = false;
        for (byte b : bytes) {
            boolean space = isSpace((char) (b & 0xff));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /**
     * The characters beyond Latin-1 that {@link Character#isWhitespace} takes for spaces; in a text
     * of one-byte characters, looking for each costs nothing. {@code PlainParagraphTest} holds the
     * list to Java's rule for every character.
     */
    private static final String WIDE_SPACES = "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200A"
            + "\u2028\u2029\u205F\u3000";

    private static int wordsByChar(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = isSpace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** Character.isWhitespace, without its table lookup for the ASCII that most text is. */
    private static boolean isSpace(char c) {
        return c < 128 ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F) : Character.isWhitespace(c);
    }

    /** The ASCII characters {@link #plainParagraph} allows: none of them starts Markdown syntax inside a line of prose. */
    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:?!'()/%$+=-";

    /**
     * True for one line of plain prose, as most FAQ answers are: it starts with a letter, does not
     * end with a space, never has two spaces in a row, holds only letters, digits and the punctuation
     * of {@link #PLAIN}, and nothing the autolink pass could take for an address. Markdown makes such
     * a text one paragraph holding the text as it is, which {@code PlainParagraphTest} holds to what
     * flexmark writes.
     */
    static boolean plainParagraph(String text) {
        return plainWords(text) >= 0;
    }

    /**
     * The words of {@code text} when it is a {@link #plainParagraph}, as {@link #words} counts them;
     * -1 when it is not. A text of more than one line, as every body is, is answered at its first
     * character or its first line end, without a copy of the whole.
     */
    static int plainWords(String text) {
        if (text.isEmpty() || !Character.isLetter(text.charAt(0)) || text.indexOf('\n') >= 0) {
            return -1;
        }
        return plainWords(text.toCharArray(), 0, text.length());
    }

    /**
     * As {@link #plainWords(String)}, for the characters of {@code text} from {@code start} to {@code end},
     * looking at each once: {@link #PLAIN} has no '@', so only "://" and "www." are left to look for.
     * A plain line starts and ends with a word and has single spaces between its words.
     */
    static int plainWords(char[] text, int start, int end) {
        if (start == end || !Character.isLetter(text[start]) || text[end - 1] == ' ') {
            return -1;
        }
        // One table lookup for each ASCII character, and a second look only at the few that need one.
        int spaces = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c >= 128) {
                if (!Character.isLetterOrDigit(c)) {
                    return -1;
                }
                continue;
            }
            byte kind = KIND[c];
            if (kind == WORD) {
                continue;
            }
            if (kind == OTHER) {
                return -1;
            }
            if (kind == SPACE) {
                if (text[i - 1] == ' ') {
                    return -1; // two in a row; the first character is a letter, so there is one before
                }
                spaces++;
            } else if (kind == COLON ? i + 3 <= end && text[i + 1] == '/' && text[i + 2] == '/'
                    : i - start >= 3 && (text[i - 3] | 0x20) == 'w' && (text[i - 2] | 0x20) == 'w'
                            && (text[i - 1] | 0x20) == 'w') {
                return -1; // what the autolink pass could take for an address
            }
        }
        return spaces + 1;
    }

    /** What {@link #plainWords(char[], int, int)} makes of each ASCII character: {@link #OTHER} unless it is {@link #PLAIN}. */
    private static final byte[] KIND = new byte[128];
    private static final byte OTHER = 0;
    private static final byte WORD = 1;
    private static final byte SPACE = 2;
    private static final byte COLON = 3;
    private static final byte DOT = 4;

    static {
        for (char c : PLAIN.toCharArray()) {
            KIND[c] = c == ' ' ? SPACE : c == ':' ? COLON : c == '.' ? DOT : WORD;
        }
    }

    /** False only for a text in which the autolink pass cannot find a www. address, a URL or an email address. */
    static boolean mayHoldAutolink(String text) {
        if (text.contains("://") || text.indexOf('@') >= 0) {
            return true;
        }
        // "www." in any case, without a lower-cased copy of the whole text.
        for (int dot = text.indexOf('.', 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            if (text.regionMatches(true, dot - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private Markdown empty() {
        return new Markdown("", List.of(), List.of(), List.of(), List.of(), List.of(), false, 0);
    }

    private static final String NESTING_HINT = "flatten the lists or quotes; real guides rarely nest more than a few levels";

    /**
     * The top-level block holding a node nested deeper than the limit, or null. Walked with a
     * stack of its own, so that the check itself cannot overflow.
     */
    private static Node firstTooDeep(Document doc) {
        java.util.ArrayDeque<Node> nodes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        for (Node top = doc.getLastChild(); top != null; top = top.getPrevious()) {
            nodes.push(top);
            depths.push(1);
        }
        Node currentTop = null;
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            if (node.getParent() == doc) {
                currentTop = node;
            }
            if (depth > Limits.MAX_MARKDOWN_NESTING && node.hasChildren()) {
                return currentTop;
            }
            // A list and its items are one level to the editor, as a quote is.
            int childDepth = node instanceof com.vladsch.flexmark.ast.ListBlock ? depth : depth + 1;
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                nodes.push(child);
                depths.push(childDepth);
            }
        }
        return null;
    }

    private static Ref ref(BasedSequence url, int fallbackOffset, IntFunction<SourcePos> posOf) {
        int offset = url.isNull() || url.isEmpty() ? fallbackOffset : url.getStartOffset();
        // As the renderer writes it: backslash escapes and character references resolved, so that
        // "jav&#x61;script:" is checked as what a browser would follow.
        return new Ref(url.unescape(), posOf.apply(offset));
    }
}
