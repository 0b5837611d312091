package dev.guidegen.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One pass over a page's HTML that finds what the link check needs: every element id (and
 * {@code a name}) and every attribute that holds a URL. It reads tags and attributes as a browser
 * does (quoted and unquoted values, character references, comments, and the raw text of
 * {@code script} and {@code style}), without building a document tree.
 */
final class HtmlScan {

    /** A URL-holding attribute of an element. */
    record Attr(String name, String value) {
        // Written out: a record's own equals and hashCode go through method handles, which cost the
        // quick compiler's code several times as much, and a build compares every link of every page.
        @Override
        public boolean equals(Object o) {
            return o instanceof Attr a && name.equals(a.name) && value.equals(a.value);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + value.hashCode();
        }
    }

    /** What one page holds. */
    record Page(Set<String> ids, List<Attr> urls) {
    }

    /** The names of the attributes the scan reads, lower case: the ones holding URLs, and "id" and "name". */
    private final String[] names;

    HtmlScan(Set<String> urlAttributes) {
        java.util.SortedSet<String> read = new java.util.TreeSet<>(urlAttributes);
        read.add("id");
        read.add("name");
        this.names = read.toArray(new String[0]);
        if (names.length > 64) {
            throw new IllegalArgumentException("a tag's attributes are kept as the bits of a long: at most 64 names");
        }
    }

    /**
     * The index in {@link #names} of the attribute from {@code from}, of {@code length} bytes, when
     * the scan reads it; -1 otherwise, without making a string of it. Names match in any ASCII case, as in HTML.
     */
    private int readName(byte[] html, int from, int length) {
        for (int k = 0; k < names.length; k++) {
            if (isTag(html, from, length, names[k])) {
                return k;
            }
        }
        return -1;
    }

    Page scan(byte[] html) {
        return scan(html, java.util.function.UnaryOperator.identity());
    }

    /**
     * As {@link #scan(byte[])}, keeping each id and {@link Attr} as {@code same} gives
     * it: the same links and ids stand on thousands of pages, and a site's pages are all held until the
     * check. The ids are kept in a set without a node for each.
     *
     * <p>The page is read as the UTF-8 bytes it is written as: every character that marks up HTML is
     * ASCII, and no byte of a character written in more than one is.
     */
    Page scan(byte[] html, java.util.function.UnaryOperator<Object> same) {
        Set<String> ids = new HashSet<>();
        List<Attr> urls = new ArrayList<>();
        int n = html.length;
        int i = 0;
        while (true) {
            int lt = indexOf(html, '<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            byte c = html[lt + 1];
            if (startsWith(html, lt, "<!--")) {
                int end = indexOf(html, "-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            if (c == '!' || c == '?' || c == '/') {
                int end = indexOf(html, '>', lt);
                i = end < 0 ? n : end + 1;
                continue;
            }
            if (!isLetter(c)) {
                i = lt + 1;
                continue;
            }
            int p = lt + 1;
            while (p < n && !isSpace(html[p]) && html[p] != '>' && html[p] != '/') {
                p++;
            }
            // Only three tag names matter: "a" for its name, and the two whose text is raw.
            int tagLength = p - lt - 1;
            boolean anchor = tagLength == 1 && (c == 'a' || c == 'A');
            String rawText = isTag(html, lt + 1, tagLength, "script") ? "</script"
                    : isTag(html, lt + 1, tagLength, "style") ? "</style" : null;
            // The names of this tag's attributes that count, as bits of their indexes in names.
            long seen = 0;
            // Attributes, up to the end of the tag.
            while (p < n) {
                byte ch = html[p];
                if (ch == '>') {
                    p++;
                    break;
                }
                if (isSpace(ch) || ch == '/') {
                    p++;
                    continue;
                }
                int nameStart = p;
                while (p < n && !isSpace(html[p]) && html[p] != '=' && html[p] != '>'
                        && (html[p] != '/' || p == nameStart)) {
                    p++;
                }
                int known = readName(html, nameStart, p - nameStart);
                String name = known < 0 ? null : names[known];
                while (p < n && isSpace(html[p])) {
                    p++;
                }
                int valueStart = p;
                int valueEnd = p;
                if (p < n && html[p] == '=') {
                    p++;
                    while (p < n && isSpace(html[p])) {
                        p++;
                    }
                    if (p < n && (html[p] == '"' || html[p] == '\'')) {
                        byte quote = html[p];
                        int end = indexOf(html, quote, p + 1);
                        end = end < 0 ? n : end;
                        valueStart = p + 1;
                        valueEnd = end;
                        p = Math.min(n, end + 1);
                    } else {
                        valueStart = p;
                        while (p < n && !isSpace(html[p]) && html[p] != '>') {
                            p++;
                        }
                        valueEnd = p;
                    }
                }
                if (name == null || (name.equals("name") && !anchor)) {
                    continue; // an attribute the check does not read: its value is never made
                }
                boolean isId = name.equals("id") || name.equals("name");
                if ((seen & 1L << known) != 0) {
                    continue; // as in a browser, the first of two attributes with one name counts
                }
                seen |= 1L << known;
                String value = new String(html, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
                if (value.indexOf('&') >= 0) {
                    value = org.jsoup.parser.Parser.unescapeEntities(value, true);
                }
                if (isId) {
                    ids.add((String) same.apply(value));
                } else {
                    // the name is one of the scan's own strings already
                    urls.add((Attr) same.apply(new Attr(name, value)));
                }
            }
            i = p;
            if (rawText != null) {
                int end = indexOfIgnoreCase(html, rawText, i);
                i = end < 0 ? n : end;
            }
        }
        return new Page(Set.copyOf(ids), List.copyOf(urls));
    }

    private static int indexOf(byte[] s, int b, int from) {
        return dev.guidegen.work.ByteSearch.indexOf(s, b, from);
    }

    /** Where the ASCII {@code what} starts in {@code s}, from {@code from}; -1 when it does not. */
    private static int indexOf(byte[] s, String what, int from) {
        for (int i = indexOf(s, what.charAt(0), from); i >= 0; i = indexOf(s, what.charAt(0), i + 1)) {
            if (startsWith(s, i, what)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] s, int at, String ascii) {
        if (at + ascii.length() > s.length) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (s[at + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code lower} (ASCII, lower case) starts in {@code s} in any ASCII case, from {@code from}. */
    private static int indexOfIgnoreCase(byte[] s, String lower, int from) {
        for (int i = indexOf(s, '<', from); i >= 0; i = indexOf(s, '<', i + 1)) {
            if (isTag(s, i, Math.min(lower.length(), s.length - i), lower)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the tag or attribute name at {@code from} is {@code lower}, ASCII letters in any case, as browsers read it. */
    private static boolean isTag(byte[] html, int from, int length, String lower) {
        if (length != lower.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            byte ch = html[from + k];
            if ((ch >= 'A' && ch <= 'Z' ? ch + 32 : ch) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
