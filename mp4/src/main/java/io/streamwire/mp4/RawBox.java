package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;

/**
 * A box kept as its payload bytes: every type this module does not parse, a known type in a version
 * it does not define, and a known box whose payload has bytes past its last field. Written back
 * byte for byte (the header form too: largesize stays largesize). ISO/IEC 14496-12:2022 §4.2.
 *
 * @param type the box type
 * @param userType the extended type when {@code type} is {@code uuid}, else null
 * @param largeSize whether the header uses the 64-bit largesize
 * @param payload the bytes after the header (read-only; parsing hands out a view of the input)
 *
 * <p>Immutable and thread-safe (the payload view is never written).
 *
 * @since 0.2.0
 */
public record RawBox(BoxType type, UUID userType, boolean largeSize, ByteBuffer payload) implements Box {
    /** Checks the components; keeps a read-only view of the payload. */
    public RawBox {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if ((userType != null) != (type.value() == BoxType.UUID.value())) {
            throw new IllegalArgumentException("userType goes with type uuid only");
        }
        payload = payload.slice().asReadOnlyBuffer();
    }

    /** A box of {@code type} (not uuid) with {@code payload}, 32-bit size. */
    public static RawBox of(BoxType type, byte[] payload) {
        return new RawBox(type, null, false, ByteBuffer.wrap(payload));
    }

    @Override
    public int payloadSize() {
        return payload.remaining();
    }

    @Override
    public void writePayload(ByteBuffer out) {
        out.put(payload.duplicate());
    }
}
