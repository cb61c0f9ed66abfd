package io.streamwire.amf;

import io.streamwire.amf.internal.Utf8;
import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * AMF0 writer: token by token (the zero-allocation path for RTMP commands and onMetaData) or whole
 * value trees. Adobe "Action Message Format -- AMF 0" (2007) §2.
 *
 * <p>Each method writes at the buffer's position and moves it; if the buffer is too small it
 * throws {@link java.nio.BufferOverflowException} (size buffers with {@link #encodedSize}).
 * Strings over 65535 UTF-8 bytes switch to the long-string marker (0x0C); property names and class
 * names over 65535 bytes are rejected. The writer keeps the message's reference table: a complex
 * value instance written a second time is written as a reference (0x07), and container start
 * methods count towards the table, so indexes line up with what a reader sees. Call
 * {@link #reset()} between messages.
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class Amf0Writer {
    private final IdentityHashMap<Amf0Value, Integer> written = new IdentityHashMap<>();
    private int references;

    /** A writer with an empty reference table. */
    public Amf0Writer() {
        // the table fills as values are written
    }

    /** Forgets the reference table; call between messages. */
    public Amf0Writer reset() {
        written.clear();
        references = 0;
        return this;
    }

    /** Writes a number (0x00). */
    public Amf0Writer writeNumber(ByteBuffer out, double value) {
        BigEndian.putDoubleRelative(out.put((byte) Amf0Marker.NUMBER), value);
        return this;
    }

    /** Writes a boolean (0x01). */
    public Amf0Writer writeBoolean(ByteBuffer out, boolean value) {
        out.put((byte) Amf0Marker.BOOLEAN).put((byte) (value ? 1 : 0));
        return this;
    }

    /** Writes a string (0x02), or a long string (0x0C) above 65535 UTF-8 bytes. */
    public Amf0Writer writeString(ByteBuffer out, CharSequence value) {
        int length = Utf8.encodedLength(value);
        if (length > 0xFFFF) {
            BigEndian.putIntRelative(out.put((byte) Amf0Marker.LONG_STRING), length);
        } else {
            BigEndian.putShortRelative(out.put((byte) Amf0Marker.STRING), (short) length);
        }
        Utf8.encode(value, out);
        return this;
    }

    /** Writes null (0x05). */
    public Amf0Writer writeNull(ByteBuffer out) {
        out.put((byte) Amf0Marker.NULL);
        return this;
    }

    /** Writes undefined (0x06). */
    public Amf0Writer writeUndefined(ByteBuffer out) {
        out.put((byte) Amf0Marker.UNDEFINED);
        return this;
    }

    /** Writes unsupported (0x0D). */
    public Amf0Writer writeUnsupported(ByteBuffer out) {
        out.put((byte) Amf0Marker.UNSUPPORTED);
        return this;
    }

    /** Writes a date (0x0B) with its time-zone field. */
    public Amf0Writer writeDate(ByteBuffer out, double epochMillis, int timeZone) {
        BigEndian.putShortRelative(BigEndian.putDoubleRelative(out.put((byte) Amf0Marker.DATE), epochMillis), (short) timeZone);
        return this;
    }

    /** Writes an XML document (0x0F). */
    public Amf0Writer writeXmlDocument(ByteBuffer out, CharSequence xml) {
        BigEndian.putIntRelative(out.put((byte) Amf0Marker.XML_DOCUMENT), Utf8.encodedLength(xml));
        Utf8.encode(xml, out);
        return this;
    }

    /** Writes a reference (0x07) to table entry {@code index}. */
    public Amf0Writer writeReference(ByteBuffer out, int index) {
        if (index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("reference index " + index + " out of 0..65535");
        }
        BigEndian.putShortRelative(out.put((byte) Amf0Marker.REFERENCE), (short) index);
        return this;
    }

    /** Starts an anonymous object (0x03); follow with name/value pairs and {@link #writeObjectEnd}. */
    public Amf0Writer writeObjectStart(ByteBuffer out) {
        out.put((byte) Amf0Marker.OBJECT);
        references++;
        return this;
    }

    /** Starts a typed object (0x10) of class {@code className}. */
    public Amf0Writer writeTypedObjectStart(ByteBuffer out, CharSequence className) {
        out.put((byte) Amf0Marker.TYPED_OBJECT);
        utf8Short(out, className, "class name");
        references++;
        return this;
    }

    /** Starts an ECMA array (0x08) with the count hint {@code count}; end it with {@link #writeObjectEnd}. */
    public Amf0Writer writeEcmaArrayStart(ByteBuffer out, long count) {
        BigEndian.putIntRelative(out.put((byte) Amf0Marker.ECMA_ARRAY), (int) count);
        references++;
        return this;
    }

    /** Starts a strict array (0x0A) of exactly {@code count} values (no end marker follows them). */
    public Amf0Writer writeStrictArrayStart(ByteBuffer out, long count) {
        BigEndian.putIntRelative(out.put((byte) Amf0Marker.STRICT_ARRAY), (int) count);
        references++;
        return this;
    }

    /** Writes a property name (U16 length + UTF-8) inside an object, ECMA array or typed object. */
    public Amf0Writer writePropertyName(ByteBuffer out, CharSequence name) {
        utf8Short(out, name, "property name");
        return this;
    }

    /** Ends an object, ECMA array or typed object: an empty name and 0x09. */
    public Amf0Writer writeObjectEnd(ByteBuffer out) {
        out.put((byte) 0).put((byte) 0).put((byte) Amf0Marker.OBJECT_END);
        return this;
    }

    /** Writes an avmplus-object marker (0x11) and the AMF3 value with {@code amf3}. */
    public Amf0Writer writeAvmplus(ByteBuffer out, Amf3Writer amf3, Amf3Value value) {
        out.put((byte) Amf0Marker.AVMPLUS_OBJECT);
        amf3.writeValue(out, value);
        return this;
    }

    /** Writes a value tree; repeated complex instances become references. */
    public Amf0Writer writeValue(ByteBuffer out, Amf0Value value) {
        if (value instanceof Amf0Number n) {
            return writeNumber(out, n.value());
        } else if (value instanceof Amf0Boolean b) {
            return writeBoolean(out, b.value());
        } else if (value instanceof Amf0String s) {
            return writeString(out, s.value());
        } else if (value instanceof Amf0Null) {
            return writeNull(out);
        } else if (value instanceof Amf0Undefined) {
            return writeUndefined(out);
        } else if (value instanceof Amf0Unsupported) {
            return writeUnsupported(out);
        } else if (value instanceof Amf0Date d) {
            return writeDate(out, d.epochMillis(), d.timeZone());
        } else if (value instanceof Amf0XmlDocument x) {
            return writeXmlDocument(out, x.value());
        } else if (value instanceof Amf0Reference r) {
            return writeReference(out, r.index());
        } else if (value instanceof Amf0Avmplus a) {
            return writeAvmplus(out, new Amf3Writer(), a.value());
        }
        Integer seen = written.get(value);
        if (seen != null && seen <= 0xFFFF) {
            return writeReference(out, seen);
        }
        written.put(value, references);
        if (value instanceof Amf0StrictArray a) {
            writeStrictArrayStart(out, a.values().size());
            for (Amf0Value v : a.values()) {
                writeValue(out, v);
            }
            return this;
        }
        Map<String, Amf0Value> properties;
        if (value instanceof Amf0Object o) {
            writeObjectStart(out);
            properties = o.properties();
        } else if (value instanceof Amf0EcmaArray e) {
            writeEcmaArrayStart(out, e.properties().size());
            properties = e.properties();
        } else {
            Amf0TypedObject t = (Amf0TypedObject) value;
            writeTypedObjectStart(out, t.className());
            properties = t.properties();
        }
        for (Map.Entry<String, Amf0Value> e : properties.entrySet()) {
            writePropertyName(out, e.getKey());
            writeValue(out, e.getValue());
        }
        return writeObjectEnd(out);
    }

    /** Writes several values, one after another. */
    public Amf0Writer writeValues(ByteBuffer out, List<? extends Amf0Value> values) {
        for (Amf0Value v : values) {
            writeValue(out, v);
        }
        return this;
    }

    /** Bytes that a fresh (just reset) writer needs for these values written one after another. */
    public static int encodedSize(List<? extends Amf0Value> values) {
        Sizer sizer = new Sizer();
        for (Amf0Value v : values) {
            sizer.size(v);
        }
        return Math.toIntExact(sizer.total);
    }

    /** Bytes that a fresh writer needs for this value. */
    public static int encodedSize(Amf0Value value) {
        return encodedSize(List.of(value));
    }

    /** The values encoded by a fresh writer into a new array. */
    public static byte[] encode(List<? extends Amf0Value> values) {
        ByteBuffer out = ByteBuffer.allocate(encodedSize(values));
        new Amf0Writer().writeValues(out, values);
        return out.array();
    }

    /** The value encoded by a fresh writer into a new array. */
    public static byte[] encode(Amf0Value value) {
        return encode(List.of(value));
    }

    private static void utf8Short(ByteBuffer out, CharSequence s, String what) {
        int length = Utf8.encodedLength(s);
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("AMF0 " + what + " of " + length + " UTF-8 bytes exceeds 65535");
        }
        BigEndian.putShortRelative(out, (short) length);
        Utf8.encode(s, out);
    }

    private static final class Sizer {
        final IdentityHashMap<Amf0Value, Integer> seen = new IdentityHashMap<>();
        int references;
        long total;

        void size(Amf0Value value) {
            if (value instanceof Amf0Number) {
                total += 9;
            } else if (value instanceof Amf0Boolean) {
                total += 2;
            } else if (value instanceof Amf0String s) {
                int n = Utf8.encodedLength(s.value());
                total += (n > 0xFFFF ? 5 : 3) + (long) n;
            } else if (value instanceof Amf0Null || value instanceof Amf0Undefined || value instanceof Amf0Unsupported) {
                total += 1;
            } else if (value instanceof Amf0Date) {
                total += 11;
            } else if (value instanceof Amf0XmlDocument x) {
                total += 5 + (long) Utf8.encodedLength(x.value());
            } else if (value instanceof Amf0Reference) {
                total += 3;
            } else if (value instanceof Amf0Avmplus a) {
                total += 1 + Amf3Writer.encodedSize(a.value());
            } else {
                complex(value);
            }
        }

        /** Objects, ECMA arrays, typed objects and strict arrays: a reference when seen before, as writeValue does. */
        private void complex(Amf0Value value) {
            Integer index = seen.get(value);
            if (index != null && index <= 0xFFFF) {
                total += 3;
                return;
            }
            seen.put(value, references++);
            if (value instanceof Amf0StrictArray a) {
                total += 5;
                a.values().forEach(this::size);
            } else {
                total += value instanceof Amf0Object ? 1 : value instanceof Amf0EcmaArray ? 5
                        : 3 + Utf8.encodedLength(((Amf0TypedObject) value).className());
                for (Map.Entry<String, Amf0Value> e : value.asProperties().entrySet()) {
                    total += 2 + Utf8.encodedLength(e.getKey());
                    size(e.getValue());
                }
                total += 3;
            }
        }
    }
}
