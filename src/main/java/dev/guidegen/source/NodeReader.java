package dev.guidegen.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML or JSON text into {@link Node}s with positions (empty only when a problem was recorded), using Jackson's streaming parser so
 * that syntax errors keep their line and column. {@code lineOffset} is added to every line, for
 * YAML that sits inside a Markdown file below its opening {@code ---}.
 */
public final class NodeReader {

    private final JsonFactory factory;
    private final String language;

    private NodeReader(JsonFactory factory, String language) {
        this.factory = factory;
        this.language = language;
    }

    public static NodeReader yaml() {
        return new NodeReader(new YAMLFactory(), "YAML");
    }

    public static NodeReader json() {
        return new NodeReader(new JsonFactory(), "JSON");
    }

    public Optional<Node> read(String path, String text, int lineOffset, Problems problems) {
        Where where = new Where(path, text, lineOffset, factory instanceof YAMLFactory);
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                // A document of only comments or blank lines holds nothing: an empty value, not a failure.
                return Optional.of(new Node.Scalar(new SourcePos(path, 1 + lineOffset, 1), "", Node.ScalarType.NULL));
            }
            Node node = readValue(parser, where, problems);
            if (parser.nextToken() != null) {
                problems.error(where.at(parser.currentTokenLocation()),
                        "invalid " + language + ": unexpected content after the top-level value");
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
                SourcePos at = where.at(y.getProblemMark().getLine() + 1, y.getProblemMark().getColumn() + 1);
                SourcePos context = y.getContextMark() == null ? null
                        : where.at(y.getContextMark().getLine() + 1, y.getContextMark().getColumn() + 1);
                String hint = y.getContext() == null || context == null ? null
                        : y.getContext() + " that starts at line " + context.line() + ", column " + context.col();
                problems.error(at, "invalid YAML: " + y.getProblem().strip().lines().findFirst().orElse("syntax error"), hint);
                return Optional.empty();
            }
            JsonLocation loc = e.getLocation();
            SourcePos at = loc == null ? new SourcePos(path, 1 + lineOffset, 1) : where.at(loc);
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("^Non-standard token '([^']+)'")
                    .matcher(String.valueOf(e.getOriginalMessage()));
            if (token.find()) {
                // The parser stands after the token; the editor wants its start.
                at = new SourcePos(path, at.line(), Math.max(1, at.col() - token.group(1).length()));
            }
            problems.error(at, "invalid " + language + ": " + plain(firstLine(e.getOriginalMessage())));
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Node readValue(JsonParser p, Where where, Problems problems) throws IOException {
        SourcePos at = where.at(p.currentTokenLocation());
        JsonToken token = p.currentToken();
        if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
            // The parser hands back an alias as its name, which would be read as the value itself.
            problems.error(at, "YAML aliases (*" + p.getText() + ") are not supported", "write the value out in full");
            return new Node.Scalar(at, "", Node.ScalarType.NULL);
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Node.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    SourcePos keyPos = where.at(p.currentTokenLocation());
                    p.nextToken();
                    Node value = readValue(p, where, problems);
                    if (entries.containsKey(key)) {
                        problems.error(keyPos, "duplicate key \"" + key + "\"",
                                "the first one is at line " + entries.get(key).keyPos().line());
                    } else {
                        entries.put(key, new Node.Entry(key, keyPos, value));
                    }
                }
                return new Node.MapNode(at, entries);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, where, problems));
                }
                return new Node.ListNode(at, items);
            }
            case VALUE_STRING:
                return new Node.Scalar(at, p.getText(), Node.ScalarType.STRING);
            case VALUE_NUMBER_INT:
                return new Node.Scalar(at, p.getText(), Node.ScalarType.INTEGER);
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(at, p.getText(), Node.ScalarType.DECIMAL);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(at, p.getText(), Node.ScalarType.BOOLEAN);
            case VALUE_NULL:
                return new Node.Scalar(at, "", Node.ScalarType.NULL);
            default:
                return new Node.Scalar(at, p.getText(), Node.ScalarType.STRING);
        }
    }

    /**
     * Turns the parser's line and column into a position in the file. YAML counts NEL (U+0085) and
     * the Unicode line and paragraph separators as line breaks, and columns in code points; the file
     * has lines only at '\n' and columns in characters. Where the text holds such characters, the
     * parser's line and column are walked through the text to find the character it means.
     */
    private static final class Where {
        private final String path;
        private final String text;
        private final int lineOffset;
        /** Where each of the parser's lines starts in the text, when they differ from the file's; else null. */
        private final int[] parserLineStarts;
        private final LineMap fileLines;

        Where(String path, String text, int lineOffset, boolean yaml) {
            this.path = path;
            this.text = text;
            this.lineOffset = lineOffset;
            if (yaml && needsWalk(text)) {
                java.util.List<Integer> starts = new ArrayList<>(List.of(0));
                for (int i = 0; i < text.length(); i++) {
                    if (isYamlBreak(text.charAt(i))) {
                        starts.add(i + 1);
                    }
                }
                parserLineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
                fileLines = new LineMap(text);
            } else {
                parserLineStarts = null;
                fileLines = null;
            }
        }

        SourcePos at(JsonLocation loc) {
            return at(loc.getLineNr(), loc.getColumnNr());
        }

        SourcePos at(int line, int col) {
            line = Math.max(1, line);
            col = Math.max(1, col);
            if (parserLineStarts == null) {
                return new SourcePos(path, line + lineOffset, col);
            }
            int i = parserLineStarts[Math.min(line, parserLineStarts.length) - 1];
            for (int c = 1; c < col && i < text.length() && !isYamlBreak(text.charAt(i)); c++) {
                i += Character.charCount(text.codePointAt(i));
            }
            return fileLines.pos(path, Math.min(i, text.length())).shiftLines(lineOffset);
        }

        private static boolean isYamlBreak(char c) {
            return c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';
        }

        private static boolean needsWalk(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0085' || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The parser's message in the editor's words: the parser names its own settings and classes
     * ("enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS`"), which mean nothing to someone editing a file.
     */
    static String plain(String m) {
        return m.replaceAll("^Non-standard token '([^']+)'.*", "$1 is not a number JSON allows; write a number, or leave the field out")
                .replaceAll("^Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                        "values are nested more than $2 levels deep")
                .replaceAll("^Number value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                        "a number $1 digits long; at most $2 digits are allowed")
                .replaceAll("^String value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                        "a string $1 characters long; at most $2 are allowed")
                .replaceAll("^Name length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                        "a key $1 characters long; at most $2 are allowed")
                .replaceAll("\\s*\\(not recognized as one since Feature.*", "; JSON has no comments")
                .replaceAll("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+)Event[^>]*>", "$1")
                .replaceAll("\\bSequenceStart\\b", "a list").replaceAll("\\bMappingStart\\b", "a mapping")
                .replaceAll("^Expected a field name \\(Scalar value in YAML\\), got this instead: (.*)", "a key must be plain text, not $1")
                .replaceAll(":?\\s*enable `[^`]*`( to allow)?", "")
                .replaceAll("\\s*\\([^()]*`[^`]*`[^()]*\\)", "")
                .replaceAll("`[A-Za-z]+(\\.[A-Za-z_()]+)+`", "a parser setting");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        String line = message.strip().lines().findFirst().orElse("syntax error").strip();
        return line.endsWith(":") || line.endsWith(";") ? line.substring(0, line.length() - 1) : line;
    }
}
