package io.streamwire.amf;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * AMF3 ByteArray (marker 0x0C), AMF3 §3.14.
 *
 * @param bytes the bytes (defensive copy; {@link #bytes()} returns a copy)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3ByteArray(byte[] bytes) implements Amf3Value {
    /** Copies the bytes. */
    public Amf3ByteArray {
        bytes = bytes.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A read-only view of the bytes. */
    public ByteBuffer asBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** Number of bytes. */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amf3ByteArray b && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Amf3ByteArray[" + HexFormat.of().formatHex(bytes) + "]";
    }
}
