package io.streamwire.amf;

import io.streamwire.amf.internal.Utf8;
import io.streamwire.core.internal.BigEndian;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * AMF3 value writer with the three reference tables: Adobe "Action Message Format -- AMF 3" (2013).
 *
 * <p>Writes at the buffer's position and moves it; a buffer too small throws
 * {@link BufferOverflowException} with the position unspecified (use {@link #encode} to get an
 * exact array). Non-empty strings repeated by value, traits repeated by value and complex values
 * repeated by identity are written as references, as Flash Player does; integers outside the
 * 29-bit range must be given as {@link Amf3Double}. The tables persist until {@link #reset()}.
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class Amf3Writer {
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Amf3Traits, Integer> traits = new HashMap<>();
    private final IdentityHashMap<Amf3Value, Integer> objects = new IdentityHashMap<>();
    private final Map<String, ExternalizableWriter> externalizable = new HashMap<>();

    /** A writer with empty reference tables and no externalizable body writer registered. */
    public Amf3Writer() {
        // tables fill as values are written; see register
    }

    /** Writes the class-specific body of one externalizable class. */
    @FunctionalInterface
    public interface ExternalizableWriter {
        /**
         * Writes the body of {@code value} (after its traits) at the buffer's position.
         *
         * @param value the object
         * @param writer this writer, to write nested AMF3 values with the shared tables
         * @param out the output
         */
        void write(Amf3Externalizable value, Amf3Writer writer, ByteBuffer out);
    }

    /**
     * Registers a body writer for one externalizable class; without one, the body is written as
     * one AMF3 value (the ArrayCollection/ObjectProxy form). Returns this.
     */
    public Amf3Writer register(String className, ExternalizableWriter writer) {
        externalizable.put(java.util.Objects.requireNonNull(className), java.util.Objects.requireNonNull(writer));
        return this;
    }

    /** Clears the reference tables. */
    public Amf3Writer reset() {
        strings.clear();
        traits.clear();
        objects.clear();
        return this;
    }

    /** The value encoded by a fresh writer. */
    public static byte[] encode(Amf3Value value) {
        return new Amf3Writer().toByteArray(value);
    }

    /** The value encoded by this writer (tables reset first, registrations kept) into a new array. */
    public byte[] toByteArray(Amf3Value value) {
        for (int size = 256; ; size *= 2) {
            ByteBuffer out = ByteBuffer.allocate(size);
            try {
                reset().writeValue(out, value);
                byte[] bytes = new byte[out.position()];
                out.flip().get(bytes);
                return bytes;
            } catch (BufferOverflowException retry) {
                if (size > (1 << 30)) {
                    throw retry;
                }
            }
        }
    }

    /** Bytes a fresh writer needs for the value. */
    public static int encodedSize(Amf3Value value) {
        return encode(value).length;
    }

    /** Writes one value. */
    public Amf3Writer writeValue(ByteBuffer out, Amf3Value value) {
        if (value instanceof Amf3Undefined) {
            out.put((byte) 0x00);
        } else if (value instanceof Amf3Null) {
            out.put((byte) 0x01);
        } else if (value instanceof Amf3Boolean b) {
            out.put((byte) (b.value() ? 0x03 : 0x02));
        } else if (value instanceof Amf3Integer i) {
            out.put((byte) 0x04);
            writeU29(out, i.value() & 0x1FFF_FFFF);
        } else if (value instanceof Amf3Double d) {
            BigEndian.putDoubleRelative(out.put((byte) 0x05), d.value());
        } else if (value instanceof Amf3String s) {
            out.put((byte) 0x06);
            writeString(out, s.value());
        } else if (value instanceof Amf3Reference r) {
            out.put((byte) marker(value));
            writeU29(out, r.index() << 1);
        } else {
            out.put((byte) marker(value));
            Integer ref = objects.get(value);
            if (ref != null) {
                writeU29(out, ref << 1);
                return this;
            }
            objects.put(value, objects.size());
            writeComplex(out, value);
        }
        return this;
    }

    private static int marker(Amf3Value value) {
        if (value instanceof Amf3XmlDocument) {
            return 0x07;
        } else if (value instanceof Amf3Date) {
            return 0x08;
        } else if (value instanceof Amf3Array) {
            return 0x09;
        } else if (value instanceof Amf3Xml) {
            return 0x0B;
        } else if (value instanceof Amf3ByteArray) {
            return 0x0C;
        } else if (value instanceof Amf3VectorInt) {
            return 0x0D;
        } else if (value instanceof Amf3VectorUint) {
            return 0x0E;
        } else if (value instanceof Amf3VectorDouble) {
            return 0x0F;
        } else if (value instanceof Amf3VectorObject) {
            return 0x10;
        } else if (value instanceof Amf3Dictionary) {
            return 0x11;
        }
        return 0x0A; // object, externalizable, and a cyclic reference (to an object in practice)
    }

    private void writeComplex(ByteBuffer out, Amf3Value value) {
        if (value instanceof Amf3XmlDocument x) {
            writeInlineUtf8(out, x.value());
        } else if (value instanceof Amf3Xml x) {
            writeInlineUtf8(out, x.value());
        } else if (value instanceof Amf3Date d) {
            writeU29(out, 1);
            BigEndian.putDoubleRelative(out, d.epochMillis());
        } else if (value instanceof Amf3ByteArray b) {
            writeU29(out, b.length() << 1 | 1);
            out.put(b.asBuffer());
        } else if (value instanceof Amf3Array a) {
            writeU29(out, a.dense().size() << 1 | 1);
            for (Map.Entry<String, Amf3Value> e : a.associative().entrySet()) {
                writeString(out, e.getKey());
                writeValue(out, e.getValue());
            }
            writeU29(out, 1);
            for (Amf3Value v : a.dense()) {
                writeValue(out, v);
            }
        } else if (value instanceof Amf3VectorInt v) {
            writeU29(out, v.size() << 1 | 1);
            out.put((byte) (v.fixed() ? 1 : 0));
            for (int i = 0; i < v.size(); i++) {
                BigEndian.putIntRelative(out, v.get(i));
            }
        } else if (value instanceof Amf3VectorUint v) {
            writeU29(out, v.size() << 1 | 1);
            out.put((byte) (v.fixed() ? 1 : 0));
            for (int i = 0; i < v.size(); i++) {
                BigEndian.putIntRelative(out, v.get(i));
            }
        } else if (value instanceof Amf3VectorDouble v) {
            writeU29(out, v.size() << 1 | 1);
            out.put((byte) (v.fixed() ? 1 : 0));
            for (int i = 0; i < v.size(); i++) {
                BigEndian.putDoubleRelative(out, v.get(i));
            }
        } else if (value instanceof Amf3VectorObject v) {
            writeU29(out, v.values().size() << 1 | 1);
            out.put((byte) (v.fixed() ? 1 : 0));
            writeString(out, v.typeName());
            for (Amf3Value item : v.values()) {
                writeValue(out, item);
            }
        } else if (value instanceof Amf3Dictionary d) {
            writeU29(out, d.entries().size() << 1 | 1);
            out.put((byte) (d.weakKeys() ? 1 : 0));
            for (Amf3Dictionary.Entry e : d.entries()) {
                writeValue(out, e.key());
                writeValue(out, e.value());
            }
        } else if (value instanceof Amf3Externalizable x) {
            writeTraits(out, new Amf3Traits(x.className(), java.util.List.of(), false, true));
            ExternalizableWriter custom = externalizable.get(x.className());
            if (custom != null) {
                custom.write(x, this, out);
            } else {
                writeValue(out, x.body());
            }
        } else {
            Amf3Object o = (Amf3Object) value;
            writeTraits(out, o.traits());
            for (Amf3Value v : o.sealedValues()) {
                writeValue(out, v);
            }
            if (o.traits().dynamic()) {
                for (Map.Entry<String, Amf3Value> e : o.dynamicMembers().entrySet()) {
                    writeString(out, e.getKey());
                    writeValue(out, e.getValue());
                }
                writeU29(out, 1);
            }
        }
    }

    private void writeTraits(ByteBuffer out, Amf3Traits t) {
        Integer ref = traits.get(t);
        if (ref != null) {
            writeU29(out, ref << 2 | 1);
            return;
        }
        traits.put(t, traits.size());
        if (t.externalizable()) {
            writeU29(out, 0x07);
            writeString(out, t.className());
            return;
        }
        writeU29(out, t.sealedMemberNames().size() << 4 | (t.dynamic() ? 8 : 0) | 3);
        writeString(out, t.className());
        for (String name : t.sealedMemberNames()) {
            writeString(out, name);
        }
    }

    private void writeInlineUtf8(ByteBuffer out, String s) {
        writeU29(out, Utf8.encodedLength(s) << 1 | 1);
        Utf8.encode(s, out);
    }

    /** Writes a string body (U29S-ref or length + UTF-8), without a marker. */
    private void writeString(ByteBuffer out, String s) {
        if (s.isEmpty()) {
            writeU29(out, 1);
            return;
        }
        Integer ref = strings.get(s);
        if (ref != null) {
            writeU29(out, ref << 1);
            return;
        }
        strings.put(s, strings.size());
        int length = Utf8.encodedLength(s);
        if (length > 0x0FFF_FFFF) {
            throw new IllegalArgumentException("AMF3 string of " + length + " bytes exceeds 2^28-1");
        }
        writeU29(out, length << 1 | 1);
        Utf8.encode(s, out);
    }

    /** Writes a U29 (0..2^29-1) in its shortest form, AMF3 §1.3.1. */
    static void writeU29(ByteBuffer out, int v) {
        if (v < 0 || v > 0x1FFF_FFFF) {
            throw new IllegalArgumentException("U29 " + v + " out of range");
        }
        if (v < 0x80) {
            out.put((byte) v);
        } else if (v < 0x4000) {
            out.put((byte) (v >> 7 | 0x80)).put((byte) (v & 0x7F));
        } else if (v < 0x20_0000) {
            out.put((byte) (v >> 14 | 0x80)).put((byte) (v >> 7 & 0x7F | 0x80)).put((byte) (v & 0x7F));
        } else {
            out.put((byte) (v >> 22 | 0x80)).put((byte) (v >> 15 & 0x7F | 0x80)).put((byte) (v >> 8 & 0x7F | 0x80))
                    .put((byte) v);
        }
    }
}
