package io.streamwire.amf;

import io.streamwire.amf.internal.Utf8;
import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * AMF3 value reader with the three reference tables (strings, objects, traits): Adobe "Action
 * Message Format -- AMF 3" (2013) §1.3 (U29), §2.2 (references) and §3 (types).
 *
 * <p>Reads complete messages: {@link #readValue(ByteBuffer)} reads one value at the buffer's
 * position and moves the position past it on success (unchanged on failure). The reference tables
 * persist across calls until {@link #reset()}, as within one RTMP AMF3 message. Inside AMF0, each
 * avmplus-object value starts with empty tables ({@link Amf0TokenReader}, {@link Amf0Writer}).
 *
 * <p>Externalizable objects carry a class-specific body: the reader throws
 * {@link io.streamwire.core.UnsupportedFeatureException} naming the class unless a reader is
 * {@linkplain #register registered} for it.
 *
 * <p>Limits ({@link AmfLimits}) are checked before allocating: depth, element counts (also against
 * the bytes remaining), string and byte-array lengths, table sizes. U29 values must use the
 * shortest encoding. A key that repeats in one array or object is rejected (a tree cannot keep
 * both values). Errors are {@link AmfException}s (malformed) and the shared core exceptions for
 * input cut short, past a limit or not supported, all with module "amf", the stream offset and field.
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class Amf3Reader {
    static final String SPEC = "AMF3 §3";

    /** Decodes the body of one externalizable class. */
    @FunctionalInterface
    public interface ExternalizableReader {
        /**
         * Reads the class-specific body from {@code in}.
         *
         * @param className the class name from the traits
         * @param in the input positioned after the traits
         * @return the body, kept as {@link Amf3Externalizable#body()}
         */
        Amf3Value read(String className, Input in);
    }

    /** What an {@link ExternalizableReader} may read. */
    public interface Input {
        /** Reads one AMF3 value, sharing this reader's reference tables. */
        Amf3Value readValue();

        /** Reads an unsigned byte. */
        int readUnsignedByte();

        /** Reads a big-endian double. */
        double readDouble();

        /** Reads a big-endian 32-bit integer. */
        int readInt();

        /** Reads a U29 variable-length integer. */
        int readU29();
    }

    private final AmfLimits limits;
    private final Map<String, ExternalizableReader> externalizable = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private final List<Amf3Value> objects = new ArrayList<>();
    private final List<Amf3Traits> traits = new ArrayList<>();
    private final Input input = new Input() {
        @Override
        public Amf3Value readValue() {
            return value();
        }

        @Override
        public int readUnsignedByte() {
            return u8("externalizable body");
        }

        @Override
        public double readDouble() {
            require(8, "externalizable body");
            double d = BigEndian.getDouble(in, pos);
            pos += 8;
            return d;
        }

        @Override
        public int readInt() {
            require(4, "externalizable body");
            int i = BigEndian.getInt(in, pos);
            pos += 4;
            return i;
        }

        @Override
        public int readU29() {
            return u29("externalizable body");
        }
    };

    private ByteBuffer in;
    private int pos;
    private int end;
    private int start;
    private long base;
    private int depth;
    private int depthOffset;
    private int valueStart;

    /** A reader with {@link AmfLimits#defaults()}. */
    public Amf3Reader() {
        this(AmfLimits.defaults());
    }

    /** A reader with the given limits. */
    public Amf3Reader(AmfLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Registers a reader for one externalizable class name. Returns this. */
    public Amf3Reader register(String className, ExternalizableReader reader) {
        externalizable.put(Objects.requireNonNull(className), Objects.requireNonNull(reader));
        return this;
    }

    /** Clears the three reference tables. */
    public void reset() {
        strings.clear();
        objects.clear();
        traits.clear();
    }

    /**
     * Reads one AMF3 value at the buffer's position, offsets counted from 0 at that position.
     *
     * @throws AmfException if the value is malformed (position unchanged)
     * @throws io.streamwire.core.TruncatedInputException if it is cut short (position unchanged)
     * @throws io.streamwire.core.LimitExceededException past an {@link AmfLimits} setting (position unchanged)
     * @throws io.streamwire.core.UnsupportedFeatureException for an externalizable class with no
     *     registered reader
     */
    public Amf3Value readValue(ByteBuffer in) {
        return readValue(in, 0);
    }

    /**
     * Reads one AMF3 value at the buffer's position; error offsets start at {@code streamOffset}.
     *
     * @throws AmfException if the value is malformed (position unchanged)
     * @throws io.streamwire.core.TruncatedInputException if it is cut short (position unchanged)
     * @throws io.streamwire.core.LimitExceededException past an {@link AmfLimits} setting (position unchanged)
     * @throws io.streamwire.core.UnsupportedFeatureException for an externalizable class with no
     *     registered reader
     */
    public Amf3Value readValue(ByteBuffer in, long streamOffset) {
        depthOffset = 0;
        Amf3Value v = readAt(in, in.position(), in.limit(), streamOffset);
        in.position(pos);
        return v;
    }

    void depthOffset(int depth) {
        this.depthOffset = depth;
    }

    Amf3Value readAt(ByteBuffer in, int index, int end, long streamOffset) {
        this.in = in;
        this.start = index;
        this.pos = index;
        this.end = end;
        this.base = streamOffset;
        this.depth = depthOffset;
        try {
            return value();
        } finally {
            this.in = null;
        }
    }

    int endIndex() {
        return pos;
    }

    private long offset(int index) {
        return base + (index - start);
    }

    private Amf3Value value() {
        valueStart = pos;
        int marker = u8("amf3 type-marker");
        switch (marker) {
            case 0x00:
                return Amf3Undefined.INSTANCE;
            case 0x01:
                return Amf3Null.INSTANCE;
            case 0x02:
                return Amf3Boolean.FALSE;
            case 0x03:
                return Amf3Boolean.TRUE;
            case 0x04:
                return new Amf3Integer(u29("amf3 integer") << 3 >> 3);
            case 0x05:
                require(8, "amf3 double");
                pos += 8;
                return new Amf3Double(BigEndian.getDouble(in, pos - 8));
            case 0x06:
                return new Amf3String(string("amf3 string"));
            case 0x07:
            case 0x0B: {
                int at = pos;
                int ref = u29("amf3 xml");
                if ((ref & 1) == 0) {
                    return object(ref >>> 1, at);
                }
                String text = utf8(ref >>> 1, "amf3 xml", at);
                return addObject(marker == 0x07 ? new Amf3XmlDocument(text) : new Amf3Xml(text), at);
            }
            case 0x08: {
                int at = pos;
                int ref = u29("amf3 date");
                if ((ref & 1) == 0) {
                    return object(ref >>> 1, at);
                }
                require(8, "amf3 date");
                pos += 8;
                return addObject(new Amf3Date(BigEndian.getDouble(in, pos - 8)), at);
            }
            case 0x09:
                return array();
            case 0x0A:
                return object();
            case 0x0C: {
                int at = pos;
                int ref = u29("amf3 bytearray");
                if ((ref & 1) == 0) {
                    return object(ref >>> 1, at);
                }
                int length = length(ref >>> 1, limits.maxStringBytes(), "maxStringBytes", 1, "amf3 bytearray", at);
                byte[] bytes = new byte[length];
                in.get(pos, bytes);
                pos += length;
                return addObject(new Amf3ByteArray(bytes), at);
            }
            case 0x0D:
            case 0x0E:
            case 0x0F:
            case 0x10:
                return vector(marker);
            case 0x11:
                return dictionary();
            default:
                throw new AmfException("amf3 type-marker", String.format("0x%02X is unknown", marker), offset(pos - 1),
                        SPEC + ".1");
        }
    }

    private Amf3Value array() {
        int at = pos;
        int ref = u29("amf3 array");
        if ((ref & 1) == 0) {
            return object(ref >>> 1, at);
        }
        int dense = length(ref >>> 1, limits.maxElements(), "maxElements", 1, "amf3 array dense count", at);
        int slot = reserve(at);
        enter(at);
        LinkedHashMap<String, Amf3Value> assoc = new LinkedHashMap<>();
        String key;
        while (!(key = string("amf3 array key")).isEmpty()) {
            if (assoc.size() >= limits.maxElements()) {
                throw AmfException.limit("amf3 array associative count", "maxElements", limits.maxElements(),
                        assoc.size() + 1L, offset(pos));
            }
            if (assoc.containsKey(key)) {
                throw new AmfException("amf3 array key", "\"" + key + "\" repeats", offset(pos), "AMF3 §3.11");
            }
            assoc.put(key, value());
        }
        List<Amf3Value> values = new ArrayList<>(Math.min(dense, 1024));
        for (int i = 0; i < dense; i++) {
            values.add(value());
        }
        depth--;
        Amf3Array array = new Amf3Array(io.streamwire.amf.internal.Props.own(assoc), values);
        objects.set(slot, array);
        return array;
    }

    private Amf3Value object() {
        int at = pos;
        int ref = u29("amf3 object");
        if ((ref & 1) == 0) {
            return object(ref >>> 1, at);
        }
        Amf3Traits t;
        if ((ref & 2) == 0) {
            int index = ref >>> 2;
            if (index >= traits.size()) {
                throw new AmfException("amf3 traits reference", "index " + index + " out of range (" + traits.size()
                        + " traits so far)", offset(at), "AMF3 §3.12");
            }
            t = traits.get(index);
        } else if ((ref & 4) != 0) {
            t = new Amf3Traits(string("amf3 class-name"), List.of(), false, true);
            addTraits(t, at);
        } else {
            int sealed = length(ref >>> 4, limits.maxElements(), "maxElements", 1, "amf3 sealed member count", at);
            String className = string("amf3 class-name");
            List<String> names = new ArrayList<>(Math.min(sealed, 1024));
            for (int i = 0; i < sealed; i++) {
                names.add(string("amf3 sealed member name"));
            }
            t = new Amf3Traits(className, names, (ref & 8) != 0, false);
            addTraits(t, at);
        }
        int slot = reserve(at);
        enter(at);
        Amf3Value result;
        if (t.externalizable()) {
            ExternalizableReader reader = externalizable.get(t.className());
            if (reader == null) {
                throw AmfException.unsupported("amf3 externalizable object", "class \"" + t.className()
                        + "\" has no registered reader (Amf3Reader.register)", offset(at), "AMF3 §3.12");
            }
            result = new Amf3Externalizable(t.className(), reader.read(t.className(), input));
        } else {
            // a traits reference repeats a sealed count without its names: size by what is read
            List<Amf3Value> sealedValues = new ArrayList<>(Math.min(t.sealedMemberNames().size(), 1024));
            for (int i = 0; i < t.sealedMemberNames().size(); i++) {
                sealedValues.add(value());
            }
            LinkedHashMap<String, Amf3Value> dynamic = new LinkedHashMap<>();
            if (t.dynamic()) {
                String name;
                while (!(name = string("amf3 dynamic member name")).isEmpty()) {
                    if (dynamic.size() >= limits.maxElements()) {
                        throw AmfException.limit("amf3 dynamic member count", "maxElements",
                                limits.maxElements(), dynamic.size() + 1L, offset(pos));
                    }
                    if (dynamic.containsKey(name)) {
                        throw new AmfException("amf3 dynamic member name", "\"" + name + "\" repeats", offset(pos),
                                "AMF3 §3.12");
                    }
                    dynamic.put(name, value());
                }
            }
            result = new Amf3Object(t, sealedValues, io.streamwire.amf.internal.Props.own(dynamic));
        }
        depth--;
        objects.set(slot, result);
        return result;
    }

    private Amf3Value vector(int marker) {
        int at = pos;
        int ref = u29("amf3 vector");
        if ((ref & 1) == 0) {
            return object(ref >>> 1, at);
        }
        int elementSize = marker == 0x0F ? 8 : marker == 0x10 ? 1 : 4;
        int count = length(ref >>> 1, limits.maxElements(), "maxElements", elementSize, "amf3 vector count", at);
        boolean fixed = u8("amf3 vector fixed-vector") != 0;
        switch (marker) {
            case 0x0D:
            case 0x0E: {
                require(count * 4, "amf3 vector items");
                int[] values = new int[count];
                for (int i = 0; i < count; i++) {
                    values[i] = BigEndian.getInt(in, pos + 4 * i);
                }
                pos += count * 4;
                return addObject(marker == 0x0D ? new Amf3VectorInt(fixed, values) : new Amf3VectorUint(fixed, values), at);
            }
            case 0x0F: {
                require(count * 8, "amf3 vector items");
                double[] values = new double[count];
                for (int i = 0; i < count; i++) {
                    values[i] = BigEndian.getDouble(in, pos + 8 * i);
                }
                pos += count * 8;
                return addObject(new Amf3VectorDouble(fixed, values), at);
            }
            default: {
                String typeName = string("amf3 vector object-type-name");
                int slot = reserve(at);
                enter(at);
                List<Amf3Value> values = new ArrayList<>(Math.min(count, 1024));
                for (int i = 0; i < count; i++) {
                    values.add(value());
                }
                depth--;
                Amf3VectorObject v = new Amf3VectorObject(fixed, typeName, values);
                objects.set(slot, v);
                return v;
            }
        }
    }

    private Amf3Value dictionary() {
        int at = pos;
        int ref = u29("amf3 dictionary");
        if ((ref & 1) == 0) {
            return object(ref >>> 1, at);
        }
        int count = length(ref >>> 1, limits.maxElements(), "maxElements", 2, "amf3 dictionary count", at);
        boolean weak = u8("amf3 dictionary weak-keys") != 0;
        int slot = reserve(at);
        enter(at);
        List<Amf3Dictionary.Entry> entries = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            Amf3Value key = value();
            entries.add(new Amf3Dictionary.Entry(key, value()));
        }
        depth--;
        Amf3Dictionary d = new Amf3Dictionary(weak, entries);
        objects.set(slot, d);
        return d;
    }

    private Amf3Value object(int index, int at) {
        if (index >= objects.size()) {
            throw new AmfException("amf3 object reference", "index " + index + " out of range (" + objects.size()
                    + " objects so far)", offset(at), "AMF3 §2.2");
        }
        Amf3Value v = objects.get(index);
        return v != null ? v : new Amf3Reference(index);
    }

    private int reserve(int at) {
        if (objects.size() >= limits.maxReferences()) {
            throw AmfException.limit("amf3 object table", "maxReferences", limits.maxReferences(),
                    objects.size() + 1L, offset(at));
        }
        objects.add(null);
        return objects.size() - 1;
    }

    private Amf3Value addObject(Amf3Value v, int at) {
        objects.set(reserve(at), v);
        return v;
    }

    private void addTraits(Amf3Traits t, int at) {
        if (traits.size() >= limits.maxReferences()) {
            throw AmfException.limit("amf3 traits table", "maxReferences", limits.maxReferences(),
                    traits.size() + 1L, offset(at));
        }
        traits.add(t);
    }

    private void enter(int at) {
        if (++depth > limits.maxDepth()) {
            throw AmfException.limit("amf3 nesting depth", "maxDepth", limits.maxDepth(), depth, offset(at));
        }
    }

    private String string(String field) {
        int at = pos;
        int ref = u29(field);
        if ((ref & 1) == 0) {
            int index = ref >>> 1;
            if (index >= strings.size()) {
                throw new AmfException(field, "string reference " + index + " out of range (" + strings.size()
                        + " strings so far)", offset(at), "AMF3 §3.8");
            }
            return strings.get(index);
        }
        String s = utf8(ref >>> 1, field, at);
        if (!s.isEmpty()) {
            if (strings.size() >= limits.maxReferences()) {
                throw AmfException.limit("amf3 string table", "maxReferences", limits.maxReferences(),
                        strings.size() + 1L, offset(at));
            }
            strings.add(s);
        }
        return s;
    }

    private String utf8(int n, String field, int at) {
        int length = length(n, limits.maxStringBytes(), "maxStringBytes", 1, field, at);
        String s = Utf8.decode(in, pos, length);
        pos += length;
        return s;
    }

    /** Checks a count against the limit and the bytes remaining (each element at least {@code unit} bytes). */
    private int length(int n, int limit, String limitName, int unit, String field, int at) {
        if (n > limit) {
            throw AmfException.limit(field, limitName, limit, n, offset(at));
        }
        if ((long) n * unit > end - pos) {
            throw AmfException.truncated(field + " " + n, (long) n * unit, end - pos, offset(at), SPEC);
        }
        return n;
    }

    private int u8(String field) {
        require(1, field);
        return in.get(pos++) & 0xFF;
    }

    private int u29(String field) {
        int at = pos;
        int b = u8(field);
        int value = 0;
        for (int i = 0; i < 3 && (b & 0x80) != 0; i++) {
            value = value << 7 | b & 0x7F;
            b = u8(field);
        }
        int length = pos - at;
        value = length == 4 ? value << 8 | b : value << 7 | b;
        int minimum = length == 1 ? 0 : length == 2 ? 0x80 : length == 3 ? 0x4000 : 0x20_0000;
        if (value < minimum) {
            throw new AmfException(field, "U29 " + value + " is overlong (" + length + " bytes)", offset(at), "AMF3 §1.3.1");
        }
        return value;
    }

    private void require(int n, String field) {
        if (n < 0 || end - pos < n) {
            throw AmfException.truncated(field, n, end - pos, offset(pos), SPEC);
        }
    }
}
