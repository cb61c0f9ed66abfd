package io.streamwire.amf;

import io.streamwire.amf.internal.Utf8;
import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Streaming AMF0 reader: walks one complete AMF0 message (an RTMP command or data message body, an
 * FLV script tag body) token by token without building a tree. Adobe "Action Message Format --
 * AMF 0" (2007) §2 and §3.1 (avmplus switch).
 *
 * <p>Pull model: {@link #reset(ByteBuffer)} points the reader at the bytes from the buffer's
 * position to its limit; {@link #next()} returns one {@link Amf0Token} at a time and the accessors
 * describe it. The reader reads with absolute gets and never moves the caller's position; it keeps
 * the buffer until the next {@code reset}. {@link #position()} tells how far it got. Mix freely with
 * {@link #readValue()} (builds the tree of the next value), {@link #readString()} and
 * {@link #readNumber()} (consume one value of that type) and {@link #skipValue()}.
 *
 * <p>Zero allocation: after construction, {@code next}, {@code number}, {@code bool},
 * {@code count}, {@code stringEquals} (ASCII) and {@code skipValue} allocate nothing; only
 * {@link #string()}, {@link #readValue()} and AMF3 values allocate what they return.
 *
 * <p>Limits ({@link AmfLimits}): nesting depth, entries per container, string bytes and the
 * reference table, each checked before allocating; declared strict-array counts and string lengths
 * are also checked against the bytes remaining. ECMA array counts are hints only. Errors are
 * {@link AmfException}s (malformed) and the shared core {@code TruncatedInputException} and
 * {@code LimitExceededException}, all with module "amf", the stream offset and field; after one,
 * the reader must be reset.
 *
 * <pre>{@code
 * Amf0TokenReader r = new Amf0TokenReader();
 * r.reset(body);
 * String command = r.readString();        // "connect"
 * double transactionId = r.readNumber();  // 1
 * Amf0Value commandObject = r.readValue(); // {app: "live", ...}
 * }</pre>
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class Amf0TokenReader {
    static final String SPEC = "AMF0 §2";
    private static final int OBJ = 1;
    private static final int STRICT = 2;

    private final AmfLimits limits;
    private int[] kinds;
    private long[] counts;
    private ByteBuffer in;
    /** The heap buffer's array (read directly: cheaper than the buffer's checked gets), or null. */
    private byte[] array;
    /** {@code in.arrayOffset()}: add to a buffer index to get an array index. */
    private int arrayBase;
    private int pos;
    private int end;
    private int start;
    private long base;
    private int depth;
    private boolean afterName;
    private int references;
    private List<Amf0Value> table;
    private Amf3Reader amf3;

    // current token
    private Amf0Token token;
    private int tokenIndex;
    private double number;
    private boolean bool;
    private int stringIndex;
    private int stringLength;
    private long count;
    private int referenceIndex;
    private int timeZone;
    private Amf3Value amf3Value;

    /** A reader with {@link AmfLimits#defaults()}. */
    public Amf0TokenReader() {
        this(AmfLimits.defaults());
    }

    /** A reader with the given limits; its stack grows as needed up to {@code maxDepth} entries and is then reused. */
    public Amf0TokenReader(AmfLimits limits) {
        this.limits = limits;
        int initial = Math.min(limits.maxDepth(), 8);
        this.kinds = new int[initial];
        this.counts = new long[initial];
    }

    /** Starts on the bytes between the buffer's position and limit, offsets counted from 0. */
    public Amf0TokenReader reset(ByteBuffer in) {
        return reset(in, 0);
    }

    /**
     * Starts on the bytes between the buffer's position and limit; error offsets are
     * {@code streamOffset} plus the distance from the buffer's position.
     */
    public Amf0TokenReader reset(ByteBuffer in, long streamOffset) {
        this.in = in; // multi-byte reads go through BigEndian, whatever order the caller set
        this.array = in.hasArray() ? in.array() : null;
        this.arrayBase = in.hasArray() ? in.arrayOffset() : 0;
        this.start = in.position();
        this.pos = start;
        this.end = in.limit();
        this.base = streamOffset;
        this.depth = 0;
        this.afterName = false;
        this.references = 0;
        this.token = null;
        if (table != null) {
            table.clear();
        }
        if (amf3 != null) {
            amf3.reset();
        }
        return this;
    }

    /** Absolute buffer index of the first byte not yet read. */
    public int position() {
        return pos;
    }

    /** Stream offset of the first byte not yet read. */
    public long offset() {
        return base + (pos - start);
    }

    /** Stream offset of the current token's first byte. */
    public long tokenOffset() {
        return base + (tokenIndex - start);
    }

    /** Nesting depth after the current token: 0 at the top level. */
    public int depth() {
        return depth;
    }

    /** Whether another top-level value follows (depth 0 and bytes remain). */
    public boolean hasRemaining() {
        return depth == 0 ? pos < end : true;
    }

    /** The current token, or null before the first {@link #next()}. */
    public Amf0Token token() {
        return token;
    }

    /** The value of a {@code NUMBER} token, or the epoch milliseconds of a {@code DATE}. */
    public double number() {
        return number;
    }

    /** The value of a {@code BOOLEAN} token. */
    public boolean bool() {
        return bool;
    }

    /** The time-zone field of a {@code DATE} token. */
    public int timeZone() {
        return timeZone;
    }

    /** The declared count of a {@code STRICT_ARRAY_START} or {@code ECMA_ARRAY_START} (a hint) token. */
    public long count() {
        return count;
    }

    /** The index of a {@code REFERENCE} token. */
    public int referenceIndex() {
        return referenceIndex;
    }

    /** The AMF3 value of an {@code AVMPLUS} token. */
    public Amf3Value amf3Value() {
        return amf3Value;
    }

    /** Absolute buffer index of the UTF-8 bytes of a {@code STRING}, {@code XML_DOCUMENT}, {@code PROPERTY_NAME} or {@code TYPED_OBJECT_START}. */
    public int stringIndex() {
        return stringIndex;
    }

    /** Byte length of the current token's string. */
    public int stringLength() {
        return stringLength;
    }

    /** The current token's string, decoded from UTF-8 (allocates). */
    public String string() {
        if (array != null) {
            int at = arrayBase + stringIndex;
            String known = io.streamwire.amf.internal.KnownStrings.lookup(array, at, stringLength);
            return known != null ? known : Utf8.decode(array, at, stringLength);
        }
        String known = io.streamwire.amf.internal.KnownStrings.lookup(in, stringIndex, stringLength);
        return known != null ? known : Utf8.decode(in, stringIndex, stringLength);
    }

    /** Whether the current token's string equals {@code s}; allocates nothing when {@code s} is ASCII. */
    public boolean stringEquals(CharSequence s) {
        return array != null ? Utf8.equals(array, arrayBase + stringIndex, stringLength, s)
                : Utf8.equals(in, stringIndex, stringLength, s);
    }

    /**
     * Reads the next token.
     *
     * @return the token; {@link Amf0Token#END_OF_INPUT} (repeatedly) when the top level is done
     * @throws AmfException for malformed input
     * @throws io.streamwire.core.TruncatedInputException for input cut short
     * @throws io.streamwire.core.LimitExceededException past an {@link AmfLimits} setting
     */
    public Amf0Token next() {
        if (in == null) {
            throw new IllegalStateException("reset(ByteBuffer) first");
        }
        tokenIndex = pos;
        if (depth > 0) {
            int top = depth - 1;
            if (kinds[top] == OBJ && !afterName) {
                require(2, "amf0 property name");
                int length = u16(pos);
                if (length == 0) {
                    require(3, "amf0 object-end-marker");
                    if (s8(pos + 2) == Amf0Marker.OBJECT_END) {
                        pos += 3;
                        depth--;
                        return token = Amf0Token.OBJECT_END;
                    }
                }
                if (++counts[top] > limits.maxElements()) {
                    throw AmfException.limit("amf0 object property count", "maxElements",
                            limits.maxElements(), counts[top], tokenOffset());
                }
                readUtf8(pos + 2, length, "amf0 property name");
                pos += 2 + length;
                afterName = true;
                return token = Amf0Token.PROPERTY_NAME;
            }
            if (kinds[top] == STRICT) {
                if (counts[top] == 0) {
                    depth--;
                    return token = Amf0Token.STRICT_ARRAY_END;
                }
                counts[top]--;
            }
        } else if (pos >= end) {
            return token = Amf0Token.END_OF_INPUT;
        }
        afterName = false;
        return token = readMarker();
    }

    private Amf0Token readMarker() {
        require(1, "amf0 type-marker");
        int marker = s8(pos) & 0xFF;
        switch (marker) {
            case Amf0Marker.NUMBER:
                require(9, "amf0 number");
                number = f64(pos + 1);
                pos += 9;
                return Amf0Token.NUMBER;
            case Amf0Marker.BOOLEAN:
                require(2, "amf0 boolean");
                bool = s8(pos + 1) != 0;
                pos += 2;
                return Amf0Token.BOOLEAN;
            case Amf0Marker.STRING:
                require(3, "amf0 string length");
                readUtf8(pos + 3, u16(pos + 1), "amf0 string");
                pos += 3 + stringLength;
                return Amf0Token.STRING;
            case Amf0Marker.OBJECT:
                push(OBJ, 0, 1);
                pos += 1;
                return Amf0Token.OBJECT_START;
            case Amf0Marker.NULL:
                pos += 1;
                return Amf0Token.NULL;
            case Amf0Marker.UNDEFINED:
                pos += 1;
                return Amf0Token.UNDEFINED;
            case Amf0Marker.REFERENCE: {
                require(3, "amf0 reference");
                int index = u16(pos + 1);
                if (index >= references) {
                    throw new AmfException("amf0 reference", "index " + index + " out of range (" + references
                            + " objects so far)", tokenOffset() + 1, SPEC + ".9");
                }
                referenceIndex = index;
                pos += 3;
                return Amf0Token.REFERENCE;
            }
            case Amf0Marker.ECMA_ARRAY:
                require(5, "amf0 ecma-array-count");
                count = u32(pos + 1);
                push(OBJ, 0, 1);
                pos += 5;
                return Amf0Token.ECMA_ARRAY_START;
            case Amf0Marker.STRICT_ARRAY: {
                require(5, "amf0 array-count");
                long n = u32(pos + 1);
                if (n > limits.maxElements()) {
                    throw AmfException.limit("amf0 array-count", "maxElements", limits.maxElements(), n,
                            tokenOffset() + 1);
                }
                if (n > end - pos - 5) {
                    throw AmfException.truncated("amf0 array-count " + n, n, end - pos - 5L, tokenOffset() + 1,
                            SPEC + ".12");
                }
                count = n;
                push(STRICT, n, 1);
                pos += 5;
                return Amf0Token.STRICT_ARRAY_START;
            }
            case Amf0Marker.DATE:
                require(11, "amf0 date");
                number = f64(pos + 1);
                timeZone = (short) u16(pos + 9);
                pos += 11;
                return Amf0Token.DATE;
            case Amf0Marker.LONG_STRING:
                require(5, "amf0 long-string length");
                readUtf8(pos + 5, u32(pos + 1), "amf0 long-string");
                pos += 5 + stringLength;
                return Amf0Token.STRING;
            case Amf0Marker.UNSUPPORTED:
                pos += 1;
                return Amf0Token.UNSUPPORTED;
            case Amf0Marker.XML_DOCUMENT:
                require(5, "amf0 xml-document length");
                readUtf8(pos + 5, u32(pos + 1), "amf0 xml-document");
                pos += 5 + stringLength;
                return Amf0Token.XML_DOCUMENT;
            case Amf0Marker.TYPED_OBJECT: {
                require(3, "amf0 class-name length");
                int length = u16(pos + 1);
                readUtf8(pos + 3, length, "amf0 class-name");
                push(OBJ, 0, 3 + length);
                pos += 3 + length;
                return Amf0Token.TYPED_OBJECT_START;
            }
            case Amf0Marker.AVMPLUS_OBJECT: {
                if (amf3 == null) {
                    amf3 = new Amf3Reader(limits);
                }
                amf3.reset(); // each avmplus value is its own AMF3 context, as Amf0Writer writes it
                amf3.depthOffset(depth);
                amf3Value = amf3.readAt(in, pos + 1, end, base + (pos + 1 - start));
                pos = amf3.endIndex();
                return Amf0Token.AVMPLUS;
            }
            case Amf0Marker.OBJECT_END:
                throw new AmfException("amf0 object-end-marker", "outside an object", tokenOffset(), SPEC + ".11");
            case Amf0Marker.MOVIECLIP:
            case Amf0Marker.RECORDSET:
                throw new AmfException("amf0 type-marker", String.format("0x%02X is reserved (%s)", marker,
                        marker == Amf0Marker.MOVIECLIP ? "movieclip" : "recordset"), tokenOffset(), SPEC + ".1");
            default:
                throw new AmfException("amf0 type-marker", String.format("0x%02X is unknown", marker), tokenOffset(),
                        SPEC + ".1");
        }
    }

    private static final java.lang.invoke.VarHandle SHORT = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            short[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle INT = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            int[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle DOUBLE = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            double[].class, java.nio.ByteOrder.BIG_ENDIAN);

    // reads at absolute buffer index i (already checked against end); big-endian as the buffer's default

    private byte s8(int i) {
        return array != null ? array[arrayBase + i] : in.get(i);
    }

    private int u16(int i) {
        return (array != null ? (short) SHORT.get(array, arrayBase + i) : BigEndian.getShort(in, i)) & 0xFFFF;
    }

    private long u32(int i) {
        return (array != null ? (int) INT.get(array, arrayBase + i) : BigEndian.getInt(in, i)) & 0xFFFF_FFFFL;
    }

    private double f64(int i) {
        return array != null ? (double) DOUBLE.get(array, arrayBase + i) : BigEndian.getDouble(in, i);
    }

    private void require(int n, String field) {
        if (end - pos < n) {
            throw AmfException.truncated(field, n, end - pos, tokenOffset(), SPEC);
        }
    }

    private void readUtf8(int index, long length, String field) {
        if (length > limits.maxStringBytes()) {
            throw AmfException.limit(field, "maxStringBytes", limits.maxStringBytes(), length,
                    tokenOffset());
        }
        if (length > end - index) {
            throw AmfException.truncated(field, length, Math.max(0, end - index), tokenOffset(), SPEC + ".4");
        }
        stringIndex = index;
        stringLength = (int) length;
    }

    private void push(int kind, long n, int headerLength) {
        if (depth >= limits.maxDepth()) {
            throw AmfException.limit("amf0 nesting depth", "maxDepth", limits.maxDepth(), depth + 1L,
                    tokenOffset());
        }
        if (references >= limits.maxReferences()) {
            throw AmfException.limit("amf0 reference table", "maxReferences", limits.maxReferences(),
                    references + 1L, tokenOffset());
        }
        references++;
        if (depth == kinds.length) {
            int grown = Math.min(limits.maxDepth(), kinds.length * 2);
            kinds = java.util.Arrays.copyOf(kinds, grown);
            counts = java.util.Arrays.copyOf(counts, grown);
        }
        kinds[depth] = kind;
        counts[depth] = n;
        depth++;
    }

    /** Skips the next value (a whole container, if it starts one) and returns its first token. */
    public Amf0Token skipValue() {
        int target = depth;
        Amf0Token first = next();
        if (first == Amf0Token.PROPERTY_NAME) {
            next();
        }
        while (depth > target) {
            next();
        }
        return first;
    }

    /**
     * Reads the next value as a string.
     *
     * @throws AmfException if the next value is not a string (field "amf0 string"), or is malformed
     */
    public String readString() {
        Amf0Token t = next();
        if (t != Amf0Token.STRING) {
            throw new AmfException("amf0 string", "expected, found " + t, tokenOffset(), SPEC + ".4");
        }
        return string();
    }

    /**
     * Reads the next value as a number.
     *
     * @throws AmfException if the next value is not a number (field "amf0 number"), or is malformed
     */
    public double readNumber() {
        Amf0Token t = next();
        if (t != Amf0Token.NUMBER) {
            throw new AmfException("amf0 number", "expected, found " + t, tokenOffset(), SPEC + ".2");
        }
        return number;
    }

    /**
     * Reads the next value and returns its tree. References resolve to earlier complete values
     * read through {@code readValue} in this message; a reference to an enclosing value, or to one
     * only walked as tokens, stays an {@link Amf0Reference}.
     *
     * @implNote A property name that repeats within one object is rejected: the tree (a map)
     *     cannot keep both values, and dropping one would silently lose data and shift the
     *     reference table. Walk such input with {@link #next()}.
     * @throws AmfException if the input is malformed, or a property name repeats in one object
     * @throws io.streamwire.core.TruncatedInputException for input cut short
     * @throws io.streamwire.core.LimitExceededException past an {@link AmfLimits} setting
     * @throws IllegalStateException at END_OF_INPUT or at the end of a container
     */
    public Amf0Value readValue() {
        Amf0Token t = next();
        if (t == Amf0Token.PROPERTY_NAME) {
            t = next();
        }
        return build(t);
    }

    private Amf0Value build(Amf0Token t) {
        switch (t) {
            case NUMBER:
                return new Amf0Number(number);
            case BOOLEAN:
                return Amf0Value.of(bool);
            case STRING:
                return new Amf0String(string());
            case NULL:
                return Amf0Null.INSTANCE;
            case UNDEFINED:
                return Amf0Undefined.INSTANCE;
            case UNSUPPORTED:
                return Amf0Unsupported.INSTANCE;
            case DATE:
                return new Amf0Date(number, timeZone);
            case XML_DOCUMENT:
                return new Amf0XmlDocument(string());
            case AVMPLUS:
                return new Amf0Avmplus(amf3Value);
            case REFERENCE: {
                Amf0Value target = table == null || referenceIndex >= table.size() ? null : table.get(referenceIndex);
                return target != null ? target : new Amf0Reference(referenceIndex);
            }
            case OBJECT_START:
            case ECMA_ARRAY_START:
            case TYPED_OBJECT_START: {
                int slot = slot();
                String className = t == Amf0Token.TYPED_OBJECT_START ? string() : null;
                LinkedHashMap<String, Amf0Value> properties = new LinkedHashMap<>();
                while (next() == Amf0Token.PROPERTY_NAME) {
                    String name = string();
                    if (properties.containsKey(name)) {
                        // a tree cannot hold both values; the token API still sees every one
                        throw new AmfException("amf0 property name", "\"" + name + "\" repeats in one object",
                                tokenOffset(), SPEC + ".5");
                    }
                    properties.put(name, build(next()));
                }
                java.util.Map<String, Amf0Value> owned = io.streamwire.amf.internal.Props.own(properties);
                Amf0Value value = t == Amf0Token.OBJECT_START ? new Amf0Object(owned)
                        : t == Amf0Token.ECMA_ARRAY_START ? new Amf0EcmaArray(owned)
                        : new Amf0TypedObject(className, owned);
                table.set(slot, value);
                return value;
            }
            case STRICT_ARRAY_START: {
                int slot = slot();
                List<Amf0Value> values = new ArrayList<>((int) Math.min(count, 1024));
                Amf0Token item;
                while ((item = next()) != Amf0Token.STRICT_ARRAY_END) {
                    values.add(build(item));
                }
                Amf0Value value = new Amf0StrictArray(values);
                table.set(slot, value);
                return value;
            }
            default:
                throw new IllegalStateException("no value starts at " + t);
        }
    }

    private int slot() {
        if (table == null) {
            table = new ArrayList<>();
        }
        while (table.size() < references - 1) {
            table.add(null); // containers walked as tokens only
        }
        table.add(null);
        return table.size() - 1;
    }
}
