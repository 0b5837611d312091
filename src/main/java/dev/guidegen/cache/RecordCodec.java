package dev.guidegen.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records of plain values in bytes and back: strings, ints, longs, booleans, lists, string maps and
 * nested records, component by component in declaration order. It is what a quick rebuild reads a
 * guide's frame with: Jackson's set-up alone took a tenth of that rebuild's time. Only the record
 * types named by the caller's type are ever made.
 */
final class RecordCodec {

    /** Chars per piece of a string: at most three bytes each, within the 65,535 of one piece. */
    private static final int PIECE = 16_384;

    private RecordCodec() {
    }

    static byte[] encode(Record r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, r, r.getClass());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static <T extends Record> T decode(byte[] bytes, Class<T> type) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        T value = type.cast(read(in, type));
        if (in.read() != -1) {
            throw new IOException("bytes left after a " + type.getSimpleName());
        }
        return value;
    }

    private static void write(DataOutputStream out, Object value, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw == int.class) {
            out.writeInt((Integer) value);
        } else if (raw == long.class) {
            out.writeLong((Long) value);
        } else if (raw == boolean.class) {
            out.writeBoolean((Boolean) value);
        } else {
            out.writeBoolean(value != null);
            if (value == null) {
                return;
            }
            if (raw == String.class) {
                // Modified UTF-8 keeps any char, lone surrogates too, in pieces it can hold.
                String text = (String) value;
                int pieces = (text.length() + PIECE - 1) / PIECE;
                out.writeInt(pieces);
                for (int i = 0; i < pieces; i++) {
                    out.writeUTF(text.substring(i * PIECE, Math.min(text.length(), (i + 1) * PIECE)));
                }
            } else if (raw == Long.class) {
                out.writeLong((Long) value);
            } else if (raw == List.class) {
                List<?> list = (List<?>) value;
                out.writeInt(list.size());
                for (Object item : list) {
                    write(out, item, argument(type, 0));
                }
            } else if (raw == Map.class) {
                Map<?, ?> map = (Map<?, ?>) value;
                out.writeInt(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    write(out, e.getKey(), argument(type, 0));
                    write(out, e.getValue(), argument(type, 1));
                }
            } else if (raw.isRecord()) {
                for (RecordComponent c : raw.getRecordComponents()) {
                    try {
                        write(out, c.getAccessor().invoke(value), c.getGenericType());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            } else {
                throw new IllegalArgumentException("cannot encode a " + raw);
            }
        }
    }

    private static Object read(DataInputStream in, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw == int.class) {
            return in.readInt();
        } else if (raw == long.class) {
            return in.readLong();
        } else if (raw == boolean.class) {
            return in.readBoolean();
        }
        if (!in.readBoolean()) {
            return null;
        }
        if (raw == String.class) {
            int n = count(in);
            if (n == 1) {
                return in.readUTF();
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < n; i++) {
                text.append(in.readUTF());
            }
            return text.toString();
        } else if (raw == Long.class) {
            return in.readLong();
        } else if (raw == List.class) {
            int n = count(in);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(read(in, argument(type, 0)));
            }
            return java.util.Collections.unmodifiableList(list);
        } else if (raw == Map.class) {
            int n = count(in);
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                map.put(read(in, argument(type, 0)), read(in, argument(type, 1)));
            }
            return map;
        } else if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = read(in, components[i].getGenericType());
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> canonical = raw.getDeclaredConstructor(types);
                return canonical.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot make a " + raw.getSimpleName(), e);
            }
        }
        throw new IOException("cannot decode a " + raw);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("more items than bytes left");
        }
        return n;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int i) {
        return ((ParameterizedType) type).getActualTypeArguments()[i];
    }
}
