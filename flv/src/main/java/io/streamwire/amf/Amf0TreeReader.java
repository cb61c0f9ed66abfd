package io.streamwire.amf;

import io.streamwire.amf.internal.KnownStrings;
import io.streamwire.amf.internal.Props;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fast path of the AMF0 value tree ({@link Amf0Reader}, {@link Amf0Command#parse}): a
 * recursive-descent reader straight over a heap buffer's array for the markers real messages use
 * (number, boolean, string, object, null, undefined, ECMA array, strict array). It builds the same
 * values as {@link Amf0TokenReader#readValue()} and gives up (returns null, nothing consumed) on
 * anything else: another marker, a reference, a repeated property name, malformed or truncated
 * input, or a limit reached. The caller then reads the message again with {@link Amf0TokenReader},
 * which builds the rarer values and throws the exact {@link AmfException}. So the fast path never
 * changes results, errors or offsets; it only skips the token machinery, the per-call token reader
 * and the {@code LinkedHashMap}s.
 *
 * <p>Strings: property names and values that RTMP and onMetaData repeat come from
 * {@code KnownStrings} without decoding; other ASCII strings are built as Latin-1 (a plain copy),
 * others decoded as UTF-8 with U+FFFD for malformed bytes, as {@link Amf0TokenReader#string()}.
 *
 * <p>Not thread-safe: one instance per call.
 */
final class Amf0TreeReader {
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Properties held in a fixed array on the stack of calls before they are copied out; more gives up. */
    private static final int MAX_FAST_PROPERTIES = 64;
    private static final int SMALL_BITS = 12;
    private static final Amf0Number[] SMALL = new Amf0Number[1 << SMALL_BITS];

    private final byte[] a;
    private final int end;
    private final AmfLimits limits;
    private int pos;
    private int references;

    private Amf0TreeReader(byte[] a, int pos, int end, AmfLimits limits) {
        this.a = a;
        this.pos = pos;
        this.end = end;
        this.limits = limits;
    }

    /** A reader over the buffer's remaining bytes, or null when it has no accessible array. */
    private static Amf0TreeReader over(ByteBuffer in, AmfLimits limits) {
        if (!in.hasArray()) {
            return null;
        }
        int offset = in.arrayOffset();
        return new Amf0TreeReader(in.array(), offset + in.position(), offset + in.limit(), limits);
    }

    /** Every value to the limit, moving the position there; null (position unchanged) to fall back. */
    static List<Amf0Value> readAll(ByteBuffer in, AmfLimits limits) {
        Amf0TreeReader r = over(in, limits);
        if (r == null) {
            return null;
        }
        List<Amf0Value> values = r.rest();
        if (values != null) {
            in.position(in.limit());
        }
        return values;
    }

    /** One value, moving the position past it; null (position unchanged) to fall back. */
    static Amf0Value readValue(ByteBuffer in, AmfLimits limits) {
        Amf0TreeReader r = over(in, limits);
        if (r == null || r.pos >= r.end) {
            return null;
        }
        Amf0Value v = r.value(0);
        if (v != null) {
            in.position(r.pos - in.arrayOffset());
        }
        return v;
    }

    /** A command (string, number, optional values) to the limit; null (position unchanged) to fall back. */
    static Amf0Command readCommand(ByteBuffer in, AmfLimits limits) {
        Amf0TreeReader r = over(in, limits);
        if (r == null || r.end - r.pos < 3 || r.a[r.pos] != Amf0Marker.STRING) {
            return null;
        }
        Amf0Value name = r.value(0);
        if (name == null || r.end - r.pos < 9 || r.a[r.pos] != Amf0Marker.NUMBER) {
            return null;
        }
        double transactionId = (double) DOUBLE.get(r.a, r.pos + 1);
        r.pos += 9;
        Amf0Value commandObject = Amf0Null.INSTANCE;
        if (r.pos < r.end && (commandObject = r.value(0)) == null) {
            return null;
        }
        List<Amf0Value> arguments = r.rest();
        if (arguments == null) {
            return null;
        }
        in.position(in.limit());
        return new Amf0Command(((Amf0String) name).value(), transactionId, commandObject, arguments);
    }

    /** The top-level values to the end (one or two without a backing array), or null to give up. */
    private List<Amf0Value> rest() {
        if (pos >= end) {
            return List.of();
        }
        Amf0Value first = value(0);
        if (first == null) {
            return null;
        }
        if (pos >= end) {
            return List.of(first);
        }
        Amf0Value second = value(0);
        if (second == null) {
            return null;
        }
        if (pos >= end) {
            return List.of(first, second); // onMetaData, a command's arguments
        }
        Amf0Value[] values = new Amf0Value[8];
        values[0] = first;
        values[1] = second;
        int n = 2;
        while (pos < end) {
            Amf0Value v = value(0);
            if (v == null) {
                return null;
            }
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
            }
            values[n++] = v;
        }
        return List.of(java.util.Arrays.copyOf(values, n));
    }

    /**
     * The value at {@code pos} at nesting {@code depth}, or null to give up. Numbers, strings and
     * booleans are read here; the rest in {@link #other}, which keeps this method small enough for
     * the JIT to inline into the property loop.
     */
    private Amf0Value value(int depth) {
        byte[] b = a;
        int p = pos;
        if (p >= end) {
            return null;
        }
        int marker = b[p];
        if (marker == Amf0Marker.NUMBER) {
            if (end - p < 9) {
                return null;
            }
            pos = p + 9;
            return number((double) DOUBLE.get(b, p + 1));
        } else if (marker == Amf0Marker.STRING) {
            if (end - p < 3) {
                return null;
            }
            int length = (b[p + 1] & 0xFF) << 8 | b[p + 2] & 0xFF;
            if (length > end - p - 3 || length > limits.maxStringBytes()) {
                return null;
            }
            pos = p + 3 + length;
            return new Amf0String(string(p + 3, length));
        } else if (marker == Amf0Marker.BOOLEAN) {
            if (end - p < 2) {
                return null;
            }
            pos = p + 2;
            return b[p + 1] != 0 ? Amf0Boolean.TRUE : Amf0Boolean.FALSE;
        }
        return other(marker, depth);
    }

    private Amf0Value other(int marker, int depth) {
        byte[] b = a;
        int p = pos;
        switch (marker) {
            case Amf0Marker.NULL:
                pos = p + 1;
                return Amf0Null.INSTANCE;
            case Amf0Marker.UNDEFINED:
                pos = p + 1;
                return Amf0Undefined.INSTANCE;
            case Amf0Marker.OBJECT:
                pos = p + 1;
                return properties(depth, false, 16);
            case Amf0Marker.ECMA_ARRAY:
                if (end - p < 5) {
                    return null;
                }
                pos = p + 5;
                // the count is only a hint (encoders get it wrong): it sizes the arrays, nothing more
                int hint = (b[p + 1] | b[p + 2] | b[p + 3]) == 0 ? b[p + 4] & 0xFF : 0;
                return properties(depth, true, hint > 0 && hint <= MAX_FAST_PROPERTIES ? hint : 16);
            case Amf0Marker.STRICT_ARRAY:
                return strictArray(depth);
            default:
                return null; // the rarer markers, references and errors: the token reader's job
        }
    }

    /** Properties until the object end, after the marker (and ECMA count); null to give up. */
    private Amf0Value properties(int depth, boolean ecma, int capacity) {
        if (!container(depth)) {
            return null;
        }
        byte[] b = a;
        Object[] kv = new Object[2 * capacity]; // key, value, key, value...
        int n = 0;
        long seen = 0;
        while (true) {
            int p = pos;
            if (end - p < 3) {
                return null;
            }
            int length = (b[p] & 0xFF) << 8 | b[p + 1] & 0xFF;
            if (length == 0) {
                if (b[p + 2] != Amf0Marker.OBJECT_END) {
                    return null; // an empty property name: rare, left to the token reader
                }
                pos = p + 3;
                break;
            }
            if (n == MAX_FAST_PROPERTIES || n >= limits.maxElements() || length > end - p - 2
                    || length > limits.maxStringBytes()) {
                return null;
            }
            String key = KnownStrings.lookup(b, p + 2, length);
            boolean known = key != null;
            if (!known) {
                key = decode(p + 2, length);
            }
            long bit = 1L << spread(key.hashCode()); // a 64-bit filter: scan for a repeat only on a hit
            if ((seen & bit) != 0) {
                // A known name is one shared constant, and a decoded name never equals a known one
                // (its bytes matched none), so identity decides for known names.
                for (int i = 0; i < n; i++) {
                    Object other = kv[2 * i];
                    if (other == key || !known && other.equals(key)) {
                        return null; // repeated name: the token reader reports it
                    }
                }
            }
            seen |= bit;
            pos = p + 2 + length;
            Amf0Value v = value(depth + 1);
            if (v == null) {
                return null;
            }
            if (2 * n == kv.length) {
                kv = java.util.Arrays.copyOf(kv, 4 * n);
            }
            kv[2 * n] = key;
            kv[2 * n + 1] = v;
            n++;
        }
        java.util.Map<String, Amf0Value> map = Props.ofArray(kv, n);
        return ecma ? new Amf0EcmaArray(map) : new Amf0Object(map);
    }

    private static int spread(int h) {
        return h ^ h >>> 6 ^ h >>> 12;
    }

    private Amf0Value strictArray(int depth) {
        int p = pos;
        if (end - p < 5) {
            return null;
        }
        long count = (long) (a[p + 1] & 0xFF) << 24 | (a[p + 2] & 0xFF) << 16 | (a[p + 3] & 0xFF) << 8 | a[p + 4] & 0xFF;
        if (count > limits.maxElements() || count > end - p - 5 || !container(depth)) {
            return null;
        }
        pos = p + 5;
        int n = (int) count;
        // grown with the values read, not sized by the count: nested arrays each declaring the
        // bytes that remain would otherwise allocate depth times the input before reading any
        Amf0Value[] values = new Amf0Value[Math.min(n, 1024)];
        for (int i = 0; i < n; i++) {
            if (i == values.length) {
                values = java.util.Arrays.copyOf(values, (int) Math.min(n, 2L * i));
            }
            if ((values[i] = value(depth + 1)) == null) {
                return null;
            }
        }
        return new Amf0StrictArray(List.of(values));
    }

    /**
     * The number, shared for the small non-negative integers metadata and commands are full of
     * (codec ids, flags, widths, rates), as {@code Integer.valueOf} does; a new one otherwise.
     */
    private static Amf0Number number(double d) {
        int i = (int) d;
        if (i == d && i >>> SMALL_BITS == 0 && (i != 0 || Double.doubleToRawLongBits(d) == 0)) {
            Amf0Number n = SMALL[i];
            if (n == null) {
                n = new Amf0Number(d);
                SMALL[i] = n; // benign race: the record is immutable, any thread may make an equal one
            }
            return n;
        }
        return new Amf0Number(d);
    }

    /** Counts a container against the depth and reference limits, as the token reader's push. */
    private boolean container(int depth) {
        if (depth >= limits.maxDepth() || references >= limits.maxReferences()) {
            return false;
        }
        references++;
        return true;
    }

    private String string(int index, int length) {
        String known = KnownStrings.lookup(a, index, length);
        return known != null ? known : decode(index, length);
    }

    /** ASCII as Latin-1 (a plain copy); anything else as UTF-8 with replacement. */
    private String decode(int index, int length) {
        byte[] b = a;
        int i = index;
        int to = index + length;
        for (; i + 8 <= to; i += 8) {
            if (((long) LONG.get(b, i) & 0x8080808080808080L) != 0) {
                return new String(b, index, length, StandardCharsets.UTF_8);
            }
        }
        for (; i < to; i++) {
            if (b[i] < 0) {
                return new String(b, index, length, StandardCharsets.UTF_8);
            }
        }
        return new String(b, index, length, StandardCharsets.ISO_8859_1);
    }
}
