package dev.guidegen.source;

import dev.guidegen.problem.Problems;
import dev.guidegen.problem.SourcePos;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Turns file bytes into text: strict UTF-8, a leading BOM dropped, CRLF and CR turned into LF.
 * Bytes that are not UTF-8 are a problem at the line and column where they start.
 */
public final class TextDecoder {

    private TextDecoder() {
    }

    public static Optional<String> decode(String path, byte[] bytes, Problems problems) {
        // Most files hold no control character and are well formed: the JDK's own decoding is then
        // the strict decoder's, in a third of its time. One it had to mend goes the strict way.
        int controls = controlBytes(bytes);
        if (controls != OTHER_CONTROL) {
            // ASCII is read the same as UTF-8 and as Latin-1, and as Latin-1 without looking at it again.
            String text = (controls & ASCII) != 0 ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : new String(bytes, StandardCharsets.UTF_8);
            controls &= ~ASCII;
            if (text.indexOf('\uFFFD') < 0) {
                return Optional.of(controls == CARRIAGE_RETURN ? normalise(text) : withoutBom(text));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            String before = normalise(out.toString());
            LineMap map = new LineMap(before);
            SourcePos pos = map.pos(path, before.length());
            problems.error(pos, String.format("invalid UTF-8 byte 0x%02X", bytes[in.position()] & 0xff),
                    "save the file as UTF-8");
            return Optional.empty();
        }
        decoder.flush(out);
        out.flip();
        return Optional.of(withoutControls(path, normalise(out.toString()), problems));
    }

    /** What {@link #controlBytes} finds: no control character but tabs and line feeds, ... */
    private static final int NO_CONTROL = 0;
    /** ... carriage returns besides, which become line ends, ... */
    private static final int CARRIAGE_RETURN = 1;
    /** ... or a control character that {@link #withoutControls} reports. */
    private static final int OTHER_CONTROL = 2;
    /** Added to the first two when every byte is ASCII. */
    private static final int ASCII = 4;

    /**
     * Which control characters the bytes hold, and whether they are all ASCII, in one pass: no byte
     * of a character beyond ASCII is a control character. A text without a carriage return is then
     * not searched for one again, nor one of ASCII for bytes beyond it.
     */
    private static int controlBytes(byte[] bytes) {
        int found = NO_CONTROL;
        boolean ascii = true;
        // Printable ASCII, most of a source, is passed over eight bytes at a time.
        for (int i = dev.guidegen.work.ByteSearch.notPrintableAscii(bytes, 0); i < bytes.length;
                i = dev.guidegen.work.ByteSearch.notPrintableAscii(bytes, i + 1)) {
            byte b = bytes[i];
            if (b < 0) {
                ascii = false;
            } else if (b != '\n' && b != '\t') {
                if (b != '\r') {
                    return OTHER_CONTROL;
                }
                found = CARRIAGE_RETURN;
            }
        }
        return ascii ? found | ASCII : found;
    }

    /** Reports after this many in one file only a count: one paste usually brings many. */
    private static final int CONTROLS_REPORTED = 10;

    /**
     * Control characters are invisible in editors and invalid in HTML and XML: each is an error at its
     * place, and becomes a space so that every later position in the file stays where it is.
     */
    private static String withoutControls(String path, String text, Problems problems) {
        StringBuilder out = null;
        LineMap lines = null;
        int found = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
                if (out == null) {
                    out = new StringBuilder(text);
                    lines = new LineMap(text);
                }
                out.setCharAt(i, ' ');
                if (++found <= CONTROLS_REPORTED) {
                    problems.error(lines.pos(path, i), String.format("control character U+%04X in the text", (int) c),
                            "delete it: it is invisible in most editors, and web pages may not contain it");
                }
            }
        }
        if (found > CONTROLS_REPORTED) {
            problems.error(lines.pos(path, 0), (found - CONTROLS_REPORTED) + " more control characters in this file");
        }
        return out == null ? text : out.toString();
    }

    /** Decodes bytes known to be well formed, such as templates after a successful check. */
    public static String decodeTrusted(byte[] bytes) {
        try {
            return normalise(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return normalise(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String normalise(String text) {
        text = withoutBom(text);
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
