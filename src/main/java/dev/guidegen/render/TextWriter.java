package dev.guidegen.render;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page's bytes as a template writes its text: UTF-8, encoded as each piece is written, without
 * a lock. A page held as text first turns wholly into two bytes a character as soon as one
 * character outside Latin-1 (an en dash in a pay range, a curly quote) is written, and is then
 * copied and encoded again whole.
 *
 * <p>The bytes are those {@code String.getBytes(UTF_8)} gives for all the text written: a
 * surrogate pair split between two writes is one character, and a lone surrogate is {@code ?}.
 */
final class TextWriter extends Writer {

    /** A string at least this long is encoded by the JDK and copied; a shorter one character by character. */
    private static final int COPIED = 24;

    private byte[] bytes;
    private int size;
    /** A high surrogate written last, waiting for the low one that may follow it; 0 when none waits. */
    private char high;

    TextWriter(int capacity) {
        bytes = new byte[capacity];
    }

    @Override
    public void write(int c) {
        put((char) c);
    }

    @Override
    public void write(char[] chars, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, chars.length);
        room(len); // a byte for each character; put() makes room for more
        int end = off + len;
        int i = high == 0 ? ascii(chars, off, end) : off;
        for (; i < end; i++) {
            char c = chars[i];
            if (c < 0x80 && high == 0) {
                bytes[size++] = (byte) c;
            } else {
                put(c);
                room(end - i - 1); // the rest, a byte each, after the bytes this one took
            }
        }
    }

    /**
     * Copies the ASCII characters from {@code off} as bytes, up to the first other one or {@code end},
     * and gives where it stopped. The room is made already. The buffer and the size are held in
     * locals: the quick compiler reads and writes a field again at every step of a loop.
     */
    private int ascii(char[] chars, int off, int end) {
        byte[] b = bytes;
        int n = size;
        int i = off;
        for (; i < end; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                break;
            }
            b[n++] = (byte) c;
        }
        size = n;
        return i;
    }

    /** As {@link #ascii(char[], int, int)}, for a string. */
    private int ascii(String s, int off, int end) {
        byte[] b = bytes;
        int n = size;
        int i = off;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            b[n++] = (byte) c;
        }
        size = n;
        return i;
    }

    @Override
    public void write(String s) {
        write(s, 0, s.length());
    }

    @Override
    public void write(String s, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, s.length());
        if (len >= COPIED && high == 0 && !Character.isSurrogate(s.charAt(off + len - 1))) {
            // Whole characters only: a piece ending in half a pair waits for its other half.
            byte[] b = (off == 0 && len == s.length() ? s : s.substring(off, off + len)).getBytes(StandardCharsets.UTF_8);
            room(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
            return;
        }
        room(len); // a byte for each character; put() makes room for more
        int end = off + len;
        int i = high == 0 ? ascii(s, off, end) : off;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && high == 0) {
                bytes[size++] = (byte) c;
            } else {
                put(c);
                room(end - i - 1); // the rest, a byte each, after the bytes this one took
            }
        }
    }

    @Override
    public Writer append(CharSequence s) {
        String text = String.valueOf(s);
        write(text, 0, text.length());
        return this;
    }

    @Override
    public Writer append(CharSequence s, int start, int end) {
        String text = String.valueOf(s);
        write(text, start, end - start);
        return this;
    }

    @Override
    public Writer append(char c) {
        put(c);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** Empties the writer, to write another page with the buffer it has. */
    void reset() {
        size = 0;
        high = 0;
    }

    /** The bytes written, with a lone high surrogate left at the end written as {@code ?}. */
    byte[] toBytes() {
        if (high != 0) {
            high = 0;
            room(1);
            bytes[size++] = '?';
        }
        return Arrays.copyOf(bytes, size);
    }

    /** One character, UTF-8 encoded, joined to the high surrogate before it if it is the low one. */
    private void put(char c) {
        room(4);
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            bytes[size++] = '?';
            room(4);
        }
        if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | c >> 6);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[size++] = '?';
        } else {
            bytes[size++] = (byte) (0xE0 | c >> 12);
            bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    /** Makes room for {@code n} more bytes. */
    private void room(int n) {
        long need = (long) size + n;
        if (need > bytes.length) {
            if (need > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("a page larger than 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 16, 2L * bytes.length)));
        }
    }
}
