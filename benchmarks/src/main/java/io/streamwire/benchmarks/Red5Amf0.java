package io.streamwire.benchmarks;

import org.apache.mina.core.buffer.IoBuffer;
import org.red5.io.amf.Input;
import org.red5.io.object.Deserializer;

/** Red5's AMF0 decoder (red5-io {@code Input} + {@code Deserializer}), the peer of the AMF0 and RTMP command benchmarks. */
public final class Red5Amf0 {
    private Red5Amf0() {}

    /** Decodes every AMF0 value of {@code body} into Red5's Java objects; returns how many were not null. */
    public static int decodeAll(byte[] body) {
        IoBuffer buffer = IoBuffer.wrap(body);
        Input in = new Input(buffer);
        int values = 0;
        while (buffer.hasRemaining()) {
            Object value = Deserializer.deserialize(in, Object.class);
            values += value == null ? 0 : 1;
        }
        return values;
    }
}
