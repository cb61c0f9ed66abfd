package io.streamwire.rtmp;

import io.streamwire.amf.Amf0Boolean;
import io.streamwire.amf.Amf0Reader;
import io.streamwire.amf.Amf0Value;
import io.streamwire.amf.Amf0Writer;
import io.streamwire.amf.AmfLimits;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A data message (type 18, AMF0; type 15, AMF3 with a leading format byte), Adobe RTMP
 * Specification 1.0 §7.1.2, typed for what publishers and servers send: {@code @setDataFrame
 * onMetaData {...}} from encoders, {@code onMetaData {...}} to players, and {@code |RtmpSampleAccess}.
 *
 * <p>Implementations are immutable and thread-safe records.
 *
 * @since 0.1.0
 */
public sealed interface DataMessage {
    /** The AMF0 values of the body. */
    List<Amf0Value> values();

    /**
     * onMetaData, with or without the {@code @setDataFrame} wrapper encoders use. To record it to
     * an FLV file, pass {@link #values()} as received to {@code FlvStreamWriter.writeScriptData}
     * (module flv), which drops the wrapper: a file's script tag is {@code onMetaData {...}}
     * (Adobe FLV/F4V v10.1 §E.5). To send it on to players, use {@code new MetaData(false, metadata())}.
     *
     * @param setDataFrame whether the body started with {@code "@setDataFrame"}
     * @param metadata the onMetaData object or ECMA array
     */
    record MetaData(boolean setDataFrame, Amf0Value metadata) implements DataMessage {
        @Override
        public List<Amf0Value> values() {
            return setDataFrame ? List.of(Amf0Value.of("@setDataFrame"), Amf0Value.of("onMetaData"), metadata)
                    : List.of(Amf0Value.of("onMetaData"), metadata);
        }
    }

    /** {@code |RtmpSampleAccess}: whether the player may read audio and video samples. */
    record SampleAccess(boolean audio, boolean video) implements DataMessage {
        @Override
        public List<Amf0Value> values() {
            return List.of(Amf0Value.of("|RtmpSampleAccess"), Amf0Value.of(audio), Amf0Value.of(video));
        }
    }

    /** Any other data message, raw. */
    record Other(List<Amf0Value> values) implements DataMessage {
        public Other {
            values = List.copyOf(values);
        }
    }

    /** The AMF0 body. */
    default byte[] toByteArray() {
        return Amf0Writer.encode(values());
    }

    /**
     * Parses a data message body (position to limit, not moved).
     *
     * @throws StreamwireException (module "rtmp") for malformed AMF or past an AMF limit (cause: the
     *     AMF module's exception)
     */
    static DataMessage parse(int messageTypeId, ByteBuffer body, long offset, AmfLimits limits) {
        ByteBuffer in = body.duplicate();
        if (messageTypeId == MessageType.DATA_AMF3 && in.hasRemaining() && in.get(in.position()) == 0) {
            in.position(in.position() + 1);
        }
        List<Amf0Value> values;
        try {
            values = Amf0Reader.readAll(in, limits);
        } catch (StreamwireException e) {
            // offsets past the AMF3 format byte, when there is one
            throw RtmpException.fromAmf("data message", "is malformed", e, offset + (in.position() - body.position()),
                    "RTMP 1.0 §7.1.2");
        }
        String first = values.isEmpty() ? null : values.get(0).asString();
        if ("@setDataFrame".equals(first) && values.size() >= 3 && "onMetaData".equals(values.get(1).asString())) {
            return new MetaData(true, values.get(2));
        }
        if ("onMetaData".equals(first) && values.size() >= 2) {
            return new MetaData(false, values.get(1));
        }
        if ("|RtmpSampleAccess".equals(first) && values.size() >= 3) {
            return new SampleAccess(values.get(1) instanceof Amf0Boolean a && a.value(),
                    values.get(2) instanceof Amf0Boolean v && v.value());
        }
        return new Other(new ArrayList<>(values));
    }
}
