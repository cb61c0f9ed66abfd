package io.streamwire.amf;

import java.util.List;
import java.util.Map;

/**
 * One AMF0 value: Adobe "Action Message Format -- AMF 0" (2007), §2.
 *
 * <p>The value tree uses one record per type marker. Objects keep their properties in wire order
 * (an unmodifiable insertion-ordered map; a repeated key keeps its last value, as the Flash Player
 * does). Long strings (marker 0x0C) and strings (0x02) are both {@link Amf0String}: the writer
 * chooses the marker by UTF-8 length. References to a complete earlier value come out of the
 * reader as that same instance; a reference to a value that is still being read (a cycle) stays an
 * {@link Amf0Reference}. The writer turns a repeated instance back into a reference.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public sealed interface Amf0Value
        permits Amf0Number, Amf0Boolean, Amf0String, Amf0Object, Amf0Null, Amf0Undefined, Amf0Reference,
                Amf0EcmaArray, Amf0StrictArray, Amf0Date, Amf0Unsupported, Amf0XmlDocument, Amf0TypedObject,
                Amf0Avmplus {

    /** A number. */
    static Amf0Number of(double value) {
        return new Amf0Number(value);
    }

    /** A boolean. */
    static Amf0Boolean of(boolean value) {
        return value ? Amf0Boolean.TRUE : Amf0Boolean.FALSE;
    }

    /** A string, or {@link Amf0Null} when {@code value} is null. */
    static Amf0Value of(String value) {
        return value == null ? Amf0Null.INSTANCE : new Amf0String(value);
    }

    /** An anonymous object with these properties in this order. */
    static Amf0Object object(Map<String, ? extends Amf0Value> properties) {
        return new Amf0Object(io.streamwire.amf.internal.Props.copy(properties));
    }

    /** A strict array. */
    static Amf0StrictArray array(List<? extends Amf0Value> values) {
        return new Amf0StrictArray(List.copyOf(values));
    }

    /** The number, or NaN when this is not a {@link Amf0Number}. */
    default double asNumber() {
        return this instanceof Amf0Number n ? n.value() : Double.NaN;
    }

    /** The string of a {@link Amf0String} or {@link Amf0XmlDocument}, otherwise null. */
    default String asString() {
        if (this instanceof Amf0String s) {
            return s.value();
        }
        return this instanceof Amf0XmlDocument x ? x.value() : null;
    }

    /** The properties of an object, ECMA array or typed object, otherwise an empty map. */
    default Map<String, Amf0Value> asProperties() {
        if (this instanceof Amf0Object o) {
            return o.properties();
        } else if (this instanceof Amf0EcmaArray a) {
            return a.properties();
        } else if (this instanceof Amf0TypedObject t) {
            return t.properties();
        }
        return Map.of();
    }
}
