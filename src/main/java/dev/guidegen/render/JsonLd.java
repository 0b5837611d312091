package dev.guidegen.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * Serialises JSON-LD with Jackson's generator: a graph is maps, lists, strings, numbers and
 * booleans, which need none of the object mapper's set-up (a tenth of a quick rebuild). The
 * characters less-than, greater-than and ampersand are written as unicode escapes, so no text from
 * content can close the script element it sits in.
 */
final class JsonLd {

    private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new CharacterEscapes() {
        private final int[] escapes = standardAsciiEscapesForJSON();

        {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    });

    String write(Object graph) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            value(json, graph);
        } catch (IOException e) {
            throw new UncheckedIOException("JSON-LD could not be written", e);
        }
        return out.toString();
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
