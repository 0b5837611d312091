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
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                // A document of only comments or blank lines holds nothing: an empty value, not a failure.
                return Optional.of(new Node.Scalar(new SourcePos(path, 1 + lineOffset, 1), "", Node.ScalarType.NULL));
            }
            Node node = readValue(parser, path, lineOffset, problems);
            if (parser.nextToken() != null) {
                problems.error(pos(parser.currentTokenLocation(), path, lineOffset),
                        "invalid " + language + ": unexpected content after the top-level value");
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
                SourcePos at = new SourcePos(path, y.getProblemMark().getLine() + 1 + lineOffset, y.getProblemMark().getColumn() + 1);
                String hint = y.getContext() == null || y.getContextMark() == null ? null
                        : y.getContext() + " that starts at line " + (y.getContextMark().getLine() + 1 + lineOffset)
                                + ", column " + (y.getContextMark().getColumn() + 1);
                problems.error(at, "invalid YAML: " + y.getProblem().strip().lines().findFirst().orElse("syntax error"), hint);
                return Optional.empty();
            }
            JsonLocation loc = e.getLocation();
            SourcePos at = loc == null ? new SourcePos(path, 1 + lineOffset, 1) : pos(loc, path, lineOffset);
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

    private Node readValue(JsonParser p, String path, int lineOffset, Problems problems) throws IOException {
        SourcePos at = pos(p.currentTokenLocation(), path, lineOffset);
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
                    SourcePos keyPos = pos(p.currentTokenLocation(), path, lineOffset);
                    p.nextToken();
                    Node value = readValue(p, path, lineOffset, problems);
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
                    items.add(readValue(p, path, lineOffset, problems));
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

    private static SourcePos pos(JsonLocation loc, String path, int lineOffset) {
        return new SourcePos(path, Math.max(1, loc.getLineNr()) + lineOffset, Math.max(1, loc.getColumnNr()));
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
