package dev.guidegen.cache;

import dev.guidegen.work.Utf8;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records of plain values in bytes and back: strings, ints, longs, booleans, lists, maps and nested
 * records, component by component in declaration order. It is what a quick rebuild reads a guide's
 * frame with: Jackson's set-up alone took a tenth of that rebuild's time. Each type's way of being
 * written and read is worked out once; only the record types named by the caller's type are ever
 * made.
 */
final class RecordCodec {

    private interface Codec {
        void write(DataOutputStream out, Object value) throws IOException;

        Object read(DataInputStream in) throws IOException;
    }

    private static final Map<Type, Codec> CODECS = new ConcurrentHashMap<>();

    private RecordCodec() {
    }

    static byte[] encode(Record r) {
        dev.guidegen.work.Bytes bytes = new dev.guidegen.work.Bytes(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            codec(r.getClass()).write(out, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static <T extends Record> T decode(byte[] bytes, Class<T> type) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        T value = type.cast(codec(type).read(in));
        if (in.read() != -1) {
            throw new IOException("bytes left after a " + type.getSimpleName());
        }
        return value;
    }

    private static Codec codec(Type type) {
        Codec c = CODECS.get(type);
        if (c == null) {
            c = make(type);
            CODECS.putIfAbsent(type, c);
        }
        return c;
    }

    private static Codec make(Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        Codec primitive = primitive(raw);
        if (primitive != null) {
            return primitive;
        }
        return nullable(nonNull(type, raw));
    }

    private interface Writer {
        void write(DataOutputStream out, Object value) throws IOException;
    }

    private interface Reader {
        Object read(DataInputStream in) throws IOException;
    }

    private static Codec codec(Writer writer, Reader reader) {
        return new Codec() {
            public void write(DataOutputStream out, Object v) throws IOException {
                writer.write(out, v);
            }

            public Object read(DataInputStream in) throws IOException {
                return reader.read(in);
            }
        };
    }

    /** The codec of a primitive type, or null for any other. */
    private static Codec primitive(Class<?> raw) {
        if (raw == int.class) {
            return codec((out, v) -> out.writeInt((Integer) v), DataInputStream::readInt);
        }
        if (raw == long.class) {
            return codec((out, v) -> out.writeLong((Long) v), DataInputStream::readLong);
        }
        if (raw == boolean.class) {
            return codec((out, v) -> out.writeBoolean((Boolean) v), DataInputStream::readBoolean);
        }
        return null;
    }

    /** Everything but a primitive may be null: a flag before the value says whether it is. */
    private static Codec nullable(Codec value) {
        return new Codec() {
            public void write(DataOutputStream out, Object v) throws IOException {
                out.writeBoolean(v != null);
                if (v != null) {
                    value.write(out, v);
                }
            }

            public Object read(DataInputStream in) throws IOException {
                return in.readBoolean() ? value.read(in) : null;
            }
        };
    }

    private static Codec nonNull(Type type, Class<?> raw) {
        if (raw == String.class) {
            return new Codec() {
                public void write(DataOutputStream out, Object v) throws IOException {
                    Utf8.write(out, (String) v);
                }

                public Object read(DataInputStream in) throws IOException {
                    int n = in.readInt();
                    boolean utf16 = n == Utf8.UTF16;
                    if (utf16) {
                        n = in.readInt();
                    }
                    if (n < 0 || n > (utf16 ? in.available() / 2 : in.available())) {
                        throw new IOException("a string longer than the bytes left");
                    }
                    return utf16 ? Utf8.fromUtf16(in.readNBytes(2 * n)) : new String(in.readNBytes(n), StandardCharsets.UTF_8);
                }
            };
        }
        if (raw == Integer.class || raw == Long.class || raw == Boolean.class) {
            return primitive(raw == Integer.class ? int.class : raw == Long.class ? long.class : boolean.class);
        }
        if (raw == List.class) {
            Codec item = codec(((ParameterizedType) type).getActualTypeArguments()[0]);
            return new Codec() {
                public void write(DataOutputStream out, Object v) throws IOException {
                    List<?> list = (List<?>) v;
                    out.writeInt(list.size());
                    for (Object x : list) {
                        item.write(out, x);
                    }
                }

                public Object read(DataInputStream in) throws IOException {
                    int n = count(in);
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(item.read(in));
                    }
                    return java.util.Collections.unmodifiableList(list);
                }
            };
        }
        if (raw == Map.class) {
            Type[] args = ((ParameterizedType) type).getActualTypeArguments();
            Codec key = codec(args[0]);
            Codec val = codec(args[1]);
            return new Codec() {
                public void write(DataOutputStream out, Object v) throws IOException {
                    Map<?, ?> map = (Map<?, ?>) v;
                    out.writeInt(map.size());
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        key.write(out, e.getKey());
                        val.write(out, e.getValue());
                    }
                }

                public Object read(DataInputStream in) throws IOException {
                    int n = count(in);
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        map.put(key.read(in), val.read(in));
                    }
                    return java.util.Collections.unmodifiableMap(map);
                }
            };
        }
        if (raw.isRecord()) {
            return record(raw);
        }
        throw new IllegalArgumentException("cannot encode a " + type);
    }

    private static Codec record(Class<?> raw) {
        RecordComponent[] components = raw.getRecordComponents();
        Method[] accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        // Made accessible once: a plain reflective call walks the stack to find its caller each time.
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            types[i] = components[i].getType();
        }
        Constructor<?> canonical;
        try {
            canonical = raw.getDeclaredConstructor(types);
            canonical.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("a record without its canonical constructor: " + raw, e);
        }
        // The component codecs are looked up when first used: a record may hold its own type.
        Codec[] parts = new Codec[components.length];
        return new Codec() {
            private Codec part(int i) {
                Codec c = parts[i];
                if (c == null) {
                    c = codec(components[i].getGenericType());
                    parts[i] = c;
                }
                return c;
            }

            public void write(DataOutputStream out, Object v) throws IOException {
                for (int i = 0; i < accessors.length; i++) {
                    Object value;
                    try {
                        value = accessors[i].invoke(v);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    part(i).write(out, value);
                }
            }

            public Object read(DataInputStream in) throws IOException {
                Object[] values = new Object[accessors.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = part(i).read(in);
                }
                try {
                    return canonical.newInstance(values);
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot make a " + raw.getSimpleName(), e);
                }
            }
        };
    }

    /** A count of items, each of which takes a byte at least: never more than the bytes left. */
    static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("more items than bytes left");
        }
        return n;
    }
}
