package dev.guidegen.content;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import com.vladsch.flexmark.util.data.DataKey;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * flexmark's parsers of headings, fenced code, thematic breaks and lists, each asked about a line
 * only when the line's start can begin what it reads: '#', or '=' or '-' under a paragraph, for a
 * heading; '`' or '~' for a fence; for a break, a '*', '-' or '_' followed, past any spaces and
 * tabs, by the same character or by the line's end; outside a list, a bullet or a digit for a list.
 * flexmark asks each of them about every line of every paragraph and list, and each answers by
 * running a regular expression from the line's first character on, which finds nothing on almost
 * every line: together about 2.5% of a cold build's CPU. A line ruled out is one on which the
 * original cannot start a block, and none of the four changes anything before its expression has
 * matched (the list's parser does only within a list, where it is always asked), so the answer is
 * the same.
 *
 * <p>Each stands in for flexmark's own, which is turned off, and keeps its place among the other
 * block parsers: flexmark orders them by the classes each names as coming before and after it, and
 * each stand-in names the classes its original names, with the stand-ins' in place of the
 * originals'. Each hands on its original's lead-in handler too. Each original's reader (the
 * heading's compiles a dozen regular expressions, the list's reads the list options) is made once,
 * for the first document, and serves all the others: none keeps anything of a document but its
 * options, and every document has the parser's.
 */
final class BlockStarts implements Parser.ParserExtension {

    /** A new set of stand-ins: each parser has its own, as each stand-in keeps its original's reader. */
    private static List<StandIn> standIns() {
        return List.of(new Heading(), new Fence(), new Break(), new ListStart());
    }

    /** Each original's class and its stand-in's. */
    private static final Map<Class<?>, Class<?>> STAND_INS = standIns().stream()
            .collect(Collectors.toMap(StandIn::original, StandIn::getClass));

    @Override
    public void parserOptions(MutableDataHolder options) {
        for (StandIn s : standIns()) {
            options.set(s.originalOn, false);
        }
    }

    @Override
    public void extend(Parser.Builder builder) {
        standIns().forEach(builder::customBlockParserFactory);
    }

    /** A '#' line, or a line of '=' or '-' under a paragraph: a setext heading needs one above it. */
    static final class Heading extends StandIn {
        Heading() {
            super(new HeadingParser.Factory(), Parser.HEADING_PARSER);
        }

        @Override
        boolean mayStart(BasedSequence line, int at, MatchedBlockParser matched) {
            char c = line.charAt(at);
            return c == '#' || (c == '=' || c == '-') && matched.getBlockParser().isParagraphParser();
        }
    }

    static final class Fence extends StandIn {
        Fence() {
            super(new FencedCodeBlockParser.Factory(), Parser.FENCED_CODE_BLOCK_PARSER);
        }

        @Override
        boolean mayStart(BasedSequence line, int at, MatchedBlockParser matched) {
            char c = line.charAt(at);
            return c == '`' || c == '~';
        }
    }

    /** A '*', '-' or '_' whose next character other than a space or tab, if any, is the same: a list item's is not. */
    static final class Break extends StandIn {
        Break() {
            super(new ThematicBreakParser.Factory(), Parser.THEMATIC_BREAK_PARSER);
        }

        @Override
        boolean mayStart(BasedSequence line, int at, MatchedBlockParser matched) {
            char c = line.charAt(at);
            if (c != '*' && c != '-' && c != '_') {
                return false;
            }
            int next = at + 1;
            while (next < line.length() && (line.charAt(next) == ' ' || line.charAt(next) == '\t')) {
                next++;
            }
            return next == line.length() || line.charAt(next) == c;
        }
    }

    /**
     * Outside any list, a line whose first character is a bullet or a digit. Within a list, flexmark's
     * own is always asked: there it notes which lines the list's items have handled, whatever the line.
     */
    static final class ListStart extends StandIn {
        /** The parser's bullets, read with its options when the reader is made. */
        private volatile String bullets;

        ListStart() {
            super(new ListBlockParser.Factory(), Parser.LIST_BLOCK_PARSER);
        }

        @Override
        void read(DataHolder options) {
            bullets = Parser.LISTS_ITEM_PREFIX_CHARS.get(options);
        }

        @Override
        boolean mayStart(BasedSequence line, int at, MatchedBlockParser matched) {
            com.vladsch.flexmark.parser.block.BlockParser parser = matched.getBlockParser();
            if (parser instanceof ListBlockParser || parser.getBlock().getAncestorOfType(ListBlock.class) != null) {
                return true;
            }
            char c = line.charAt(at);
            return c >= '0' && c <= '9' || bullets.indexOf(c) >= 0;
        }
    }

    abstract static class StandIn implements CustomBlockParserFactory {
        private final CustomBlockParserFactory original;
        /** The option that turns the original on: the stand-in works only while it is off. */
        final DataKey<Boolean> originalOn;
        /** The original's reader, made for the first document. */
        private volatile BlockParserFactory reader;

        StandIn(CustomBlockParserFactory original, DataKey<Boolean> originalOn) {
            this.original = original;
            this.originalOn = originalOn;
        }

        /**
         * Whether the original might start a block on {@code line}, whose first character other than
         * its indent is at {@code at}: false only where the original cannot start one.
         */
        abstract boolean mayStart(BasedSequence line, int at, MatchedBlockParser matched);

        /** Reads what {@link #mayStart} needs of the parser's options, as the original's reader is made. */
        void read(DataHolder options) {
        }

        /** The class of the flexmark parser this one stands in for. */
        Class<?> original() {
            return original.getClass();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return mapped(original.getAfterDependents());
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return mapped(original.getBeforeDependents());
        }

        private static Set<Class<?>> mapped(Set<Class<?>> classes) {
            if (classes == null) {
                return null;
            }
            Set<Class<?>> out = new HashSet<>();
            for (Class<?> c : classes) {
                out.add(STAND_INS.getOrDefault(c, c));
            }
            return out;
        }

        @Override
        public boolean affectsGlobalScope() {
            return original.affectsGlobalScope();
        }

        @Override
        public com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler getLeadInHandler(DataHolder options) {
            return original.getLeadInHandler(options);
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory made = reader;
            if (made == null) {
                read(options);
                made = original.apply(options);
                reader = made;
            }
            BlockParserFactory each = made;
            return new BlockParserFactory() {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    BasedSequence line = state.getLine();
                    int at = state.getNextNonSpaceIndex();
                    if (at >= line.length() || !mayStart(line, at, matched)) {
                        return BlockStart.none();
                    }
                    return each.tryStart(state, matched);
                }
            };
        }
    }
}
