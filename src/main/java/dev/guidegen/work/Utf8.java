package dev.guidegen.work;

/** What the caches need to know of a string's UTF-8 form. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * Whether {@code s} holds a surrogate without its other half, which UTF-8 cannot carry, given
     * its bytes {@code utf8} as {@code String.getBytes(UTF_8)} made them: the encoder writes each such
     * one as '?', so the bytes then hold more question marks than the string (no byte of a character
     * of more than one byte is one). Two counts, without a copy of the string or a look at each of
     * its characters through {@code charAt}; bytes without a question mark, as most are, need only
     * the first.
     */
    public static boolean holdsLoneSurrogate(String s, byte[] utf8) {
        int marks = 0;
        for (byte b : utf8) {
            if (b == '?') {
                marks++;
            }
        }
        if (marks == 0) {
            return false;
        }
        for (int i = s.indexOf('?'); i >= 0; i = s.indexOf('?', i + 1)) {
            marks--;
        }
        return marks > 0;
    }
}
