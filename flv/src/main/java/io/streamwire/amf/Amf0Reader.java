package io.streamwire.amf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * AMF0 value-tree reader: static shortcuts over {@link Amf0TokenReader} for callers who want the
 * whole message as {@link Amf0Value}s. Adobe "Action Message Format -- AMF 0" (2007).
 *
 * @implNote Messages in a heap buffer made only of the common markers (number, boolean, string,
 *     object, null, undefined, ECMA and strict arrays) are read by a direct recursive-descent path
 *     over the array; anything else, and every error, goes through {@link Amf0TokenReader}, so the
 *     values, exceptions and offsets are the same either way. Property maps are unmodifiable and
 *     keep wire order.
 *
 * <p>Thread-safe (stateless; each call uses its own token reader).
 *
 * @since 0.1.0
 */
public final class Amf0Reader {
    private Amf0Reader() {}

    /**
     * Reads one value at the buffer's position and moves the position past it.
     *
     * @throws AmfException if the value is malformed (position unchanged)
     * @throws io.streamwire.core.TruncatedInputException if it is cut short (position unchanged)
     * @throws io.streamwire.core.LimitExceededException past an {@link AmfLimits} setting (position unchanged)
     */
    public static Amf0Value readValue(ByteBuffer in) {
        return readValue(in, AmfLimits.defaults());
    }

    /** As {@link #readValue(ByteBuffer)}, with limits. */
    public static Amf0Value readValue(ByteBuffer in, AmfLimits limits) {
        Amf0Value fast = Amf0TreeReader.readValue(in, limits);
        if (fast != null) {
            return fast;
        }
        Amf0TokenReader reader = new Amf0TokenReader(limits).reset(in);
        if (!reader.hasRemaining()) {
            throw AmfException.truncated("amf0 type-marker", 1, 0, 0, Amf0TokenReader.SPEC);
        }
        Amf0Value value = reader.readValue();
        in.position(reader.position());
        return value;
    }

    /**
     * Reads every value from the buffer's position to its limit and moves the position to the limit.
     *
     * @throws AmfException if a value is malformed (position unchanged)
     * @throws io.streamwire.core.TruncatedInputException if it is cut short (position unchanged)
     * @throws io.streamwire.core.LimitExceededException past an {@link AmfLimits} setting (position unchanged)
     */
    public static List<Amf0Value> readAll(ByteBuffer in) {
        return readAll(in, AmfLimits.defaults());
    }

    /** As {@link #readAll(ByteBuffer)}, with limits. */
    public static List<Amf0Value> readAll(ByteBuffer in, AmfLimits limits) {
        List<Amf0Value> fast = Amf0TreeReader.readAll(in, limits);
        if (fast != null) {
            return fast;
        }
        Amf0TokenReader reader = new Amf0TokenReader(limits).reset(in);
        List<Amf0Value> values = new ArrayList<>();
        while (reader.hasRemaining()) {
            values.add(reader.readValue());
        }
        in.position(reader.position());
        return values;
    }
}
