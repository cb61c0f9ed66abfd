package io.streamwire.flv;

import io.streamwire.amf.Amf0Reader;
import io.streamwire.amf.Amf0String;
import io.streamwire.amf.Amf0Value;
import io.streamwire.amf.Amf0Writer;
import io.streamwire.amf.AmfLimits;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SCRIPTDATA: a script tag body or RTMP data message (type 18), a method name and its arguments in
 * AMF0. Adobe FLV/F4V specification v10.1, §E.4.4 "Data Tags".
 *
 * <pre>
 * SCRIPTDATASTRING name ("onMetaData", "onCuePoint", "@setDataFrame", ...) | SCRIPTDATAVALUE arguments ...
 * </pre>
 *
 * <p>RTMP publishers send metadata as {@code @setDataFrame("onMetaData", {...})}; servers that
 * record it store {@code onMetaData({...})}. {@link #onMetaData()} reads both forms;
 * {@link #withoutSetDataFrame()} turns the first into the second.
 *
 * @param name the method name
 * @param arguments the arguments (unmodifiable)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record ScriptData(String name, List<Amf0Value> arguments) {
    /** "onMetaData". */
    public static final String ON_META_DATA = "onMetaData";
    /** "@setDataFrame". */
    public static final String SET_DATA_FRAME = "@setDataFrame";
    static final String SPEC = "Adobe FLV/F4V v10.1 §E.4.4";

    /** Copies the arguments. */
    public ScriptData {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
    }

    /** An {@code onMetaData} body with this metadata. */
    public static ScriptData of(OnMetaData metadata) {
        return new ScriptData(ON_META_DATA, List.of(metadata.toAmf0()));
    }

    /** A {@code @setDataFrame("onMetaData", metadata)} body, as an RTMP publisher sends it. */
    public static ScriptData setDataFrame(OnMetaData metadata) {
        return new ScriptData(SET_DATA_FRAME, List.of(new Amf0String(ON_META_DATA), metadata.toAmf0()));
    }

    /**
     * Parses a script body from the buffer's position to its limit and moves the position to the limit.
     *
     * @throws FlvException (field "script name") if the first value is not a string, or (field
     *     "script ...") if the AMF0 is malformed or cut short (the cause is the AMF module's
     *     {@link io.streamwire.core.StreamwireException}); position unchanged
     * @throws io.streamwire.core.LimitExceededException past an {@link AmfLimits} setting (module
     *     "flv", the AMF one as its cause)
     * @throws io.streamwire.core.UnsupportedFeatureException for an AMF feature not implemented
     */
    public static ScriptData parse(ByteBuffer in) {
        return parse(in, AmfLimits.defaults());
    }

    /** As {@link #parse(ByteBuffer)}, with AMF limits. */
    public static ScriptData parse(ByteBuffer in, AmfLimits limits) {
        int at = in.position();
        List<Amf0Value> values;
        try {
            values = Amf0Reader.readAll(in.duplicate(), limits);
        } catch (StreamwireException e) {
            throw FlvException.fromAmf("script", e, at, SPEC);
        }
        if (values.isEmpty() || !(values.get(0) instanceof Amf0String name)) {
            throw new FlvException("script name", "is not an AMF0 string", at, SPEC);
        }
        in.position(in.limit());
        return new ScriptData(name.value(), values.subList(1, values.size()));
    }

    /**
     * The metadata of an {@code onMetaData(array)} or {@code @setDataFrame("onMetaData", array)}
     * body, or null for other methods.
     */
    public OnMetaData onMetaData() {
        if (name.equals(ON_META_DATA) && !arguments.isEmpty()) {
            return OnMetaData.from(arguments.get(0));
        }
        if (name.equals(SET_DATA_FRAME) && arguments.size() >= 2 && ON_META_DATA.equals(arguments.get(0).asString())) {
            return OnMetaData.from(arguments.get(1));
        }
        return null;
    }

    /** {@code @setDataFrame(name, args...)} becomes {@code name(args...)}; other bodies are returned as they are. */
    public ScriptData withoutSetDataFrame() {
        if (name.equals(SET_DATA_FRAME) && !arguments.isEmpty() && arguments.get(0) instanceof Amf0String inner) {
            return new ScriptData(inner.value(), arguments.subList(1, arguments.size()));
        }
        return this;
    }

    private List<Amf0Value> values() {
        List<Amf0Value> all = new ArrayList<>(arguments.size() + 1);
        all.add(new Amf0String(name));
        all.addAll(arguments);
        return all;
    }

    /** Bytes {@link #writeTo} writes. */
    public int encodedSize() {
        return Amf0Writer.encodedSize(values());
    }

    /** Writes the body at the buffer's position and moves it. */
    public void writeTo(ByteBuffer out) {
        new Amf0Writer().writeValues(out, values());
    }

    /** The encoded body. */
    public byte[] toByteArray() {
        return Amf0Writer.encode(values());
    }
}
