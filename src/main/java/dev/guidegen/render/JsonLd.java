package dev.guidegen.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * Serialises JSON-LD with Jackson's generator: a graph is maps, lists, strings, numbers and
 * booleans, which need none of the object mapper's set-up (a tenth of a quick rebuild). The
 * characters less-than, greater-than and ampersand are written as unicode escapes, so no text from
 * content can close the script element it sits in, and so are the line and paragraph separators.
 */
final class JsonLd {

    private static final JsonFactory FACTORY = new JsonFactory();

    String write(Object graph) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            value(json, graph);
        } catch (IOException e) {
            throw new UncheckedIOException("JSON-LD could not be written", e);
        }
        return scriptSafe(out.toString());
    }

    /**
     * {@code json} with each '<', '>', '&', U+2028 and U+2029 written as a unicode escape. JSON has
     * them only inside strings, names included, where the escape stands for the character itself.
     * Done on the whole text, after the generator has written it on its quick path: told to escape
     * them itself, it went through every string a character at a time, about 1% of a cold build.
     */
    static String scriptSafe(String json) {
        int i = 0;
        while (i < json.length() && !unsafe(json.charAt(i))) {
            i++;
        }
        if (i == json.length()) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 32).append(json, 0, i);
        for (; i < json.length(); i++) {
            char c = json.charAt(i);
            if (unsafe(c)) {
                out.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static boolean unsafe(char c) {
        return c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029';
    }

    private static void value(JsonGenerator json, Object v) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof String s) {
            json.writeString(s);
        } else if (v instanceof Integer i) {
            json.writeNumber(i);
        } else if (v instanceof Long l) {
            json.writeNumber(l);
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeFieldName((String) e.getKey());
                value(json, e.getValue());
            }
            json.writeEndObject();
        } else if (v instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                value(json, item);
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a JSON-LD value: " + v.getClass());
        }
    }
}
