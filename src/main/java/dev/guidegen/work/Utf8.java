package dev.guidegen.work;

/**
 * How the caches write a string: as its UTF-8 bytes after their count, or, when it holds a lone
 * surrogate (which UTF-8 cannot carry), as its UTF-16 code units after {@link #UTF16} and their
 * count, so that every string reads back exactly as it was.
 */
public final class Utf8 {

    /** Written in place of a byte count before a string's UTF-16 code units. */
    public static final int UTF16 = -2;

    private Utf8() {
    }

    /** Writes {@code s}, which is not null, as the class says. */
    public static void write(java.io.DataOutput out, String s) throws java.io.IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (holdsLoneSurrogate(s, b)) {
            out.writeInt(UTF16);
            out.writeInt(s.length());
            out.writeChars(s);
        } else {
            out.writeInt(b.length);
            out.write(b);
        }
    }

    /** The string whose UTF-16 code units, two bytes each, high byte first, {@code units} holds. */
    public static String fromUtf16(byte[] units) {
        char[] c = new char[units.length / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) ((units[2 * i] & 0xff) << 8 | (units[2 * i + 1] & 0xff));
        }
        return new String(c);
    }

    /**
     * Whether {@code s} holds a surrogate without its other half, which UTF-8 cannot carry, given
     * its bytes {@code utf8} as {@code String.getBytes(UTF_8)} made them: the encoder writes each such
     * one as '?', so the bytes then hold more question marks than the string (no byte of a character
     * of more than one byte is one). Two counts, without a copy of the string or a look at each of
     * its characters through {@code charAt}; bytes without a question mark, as most are, need only
     * the first.
     */
    static boolean holdsLoneSurrogate(String s, byte[] utf8) {
        int marks = ByteSearch.count(utf8, '?');
        if (marks == 0) {
            return false;
        }
        for (int i = s.indexOf('?'); i >= 0; i = s.indexOf('?', i + 1)) {
            marks--;
        }
        return marks > 0;
    }
}
