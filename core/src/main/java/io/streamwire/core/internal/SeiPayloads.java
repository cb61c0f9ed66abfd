package io.streamwire.core.internal;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * SEI work that is the same in H.264 and H.265, one implementation for both codec modules: the
 * sei_message() framing (ITU-T H.264 (08/2021) §7.3.2.3.1 and ITU-T H.265 (09/2023) §7.3.5 code
 * payloadType and payloadSize the same way: a run of 0xFF bytes each adding 255, then a last byte)
 * read and written, and the user_data_unregistered() payload (H.264 §D.1.7, H.265 §D.2.7: a 16-byte
 * uuid_iso_iec_11578, then free bytes). The modules keep their own message and payload records.
 *
 * <pre>
 * payloadType: ff_byte* last_payload_type_byte u(8)   payloadSize: ff_byte* last_payload_size_byte u(8)
 * sei_payload(payloadType, payloadSize)
 * </pre>
 *
 * <p>Exported to Streamwire modules only; not public API. Stateless and thread-safe.
 */
public final class SeiPayloads {
    /** What differs between the codecs when reading: names in errors. Made once per module. */
    public static final class Format {
        final String module;
        final String limitName;
        final String spec;
        final BitReader.Errors errors;

        /**
         * @param module the module named in exceptions, e.g. {@code "h265"}
         * @param limitName the setting named when a payload is too long, e.g. {@code "H265Limits.maxSeiPayloadSize()"}
         * @param spec the sei_message() section, e.g. {@code "ITU-T H.265 (09/2023) §7.3.5"}
         * @param errors makes the module's exception for malformed messages
         */
        public Format(String module, String limitName, String spec, BitReader.Errors errors) {
            this.module = module;
            this.limitName = limitName;
            this.spec = spec;
            this.errors = errors;
        }
    }

    /** Receives each sei_message() that {@link #parse} finds. */
    @FunctionalInterface
    public interface Sink {
        /**
         * One message.
         *
         * @param payloadType payloadType, 0..2^31-1
         * @param messageStart index in the RBSP of the message's first byte (its payloadType)
         * @param payloadStart index in the RBSP of the payload's first byte
         * @param payloadSize payloadSize, within the RBSP and the limit
         */
        void message(int payloadType, int messageStart, int payloadStart, int payloadSize);
    }

    private static final String UUID_FIELD = "user_data_unregistered uuid_iso_iec_11578";

    private SeiPayloads() {}

    /**
     * Reads the sei_message()s of an SEI RBSP, {@code rbsp[position, limit)} (emulation prevention
     * already removed, NAL unit header not included), and hands each to {@code sink}; stops at
     * rbsp_trailing_bits (a last byte 0x80) or, leniently, at the end of a message without them.
     * {@code rbsp}'s position is unchanged. The stream offset of RBSP index {@code i} is taken as
     * {@code base + i} (approximate by the emulation prevention bytes removed before it); a message's
     * errors are reported at its first byte, a truncation where the bytes run out.
     *
     * @param rbsp the RBSP
     * @param base stream offset of RBSP index 0
     * @param maxPayloadSize the largest payloadSize accepted
     * @param f the module's names
     * @param sink receives the messages
     * @throws LimitExceededException if a payloadSize exceeds {@code maxPayloadSize} (checked before
     *     the sink sees the message; a payloadSize past the int range does too)
     * @throws TruncatedInputException if the RBSP ends inside a payloadType or payloadSize
     * @throws io.streamwire.core.StreamwireException the module's exception if a payloadType passes
     *     the int range or a payloadSize runs past the end
     */
    public static void parse(ByteBuffer rbsp, long base, int maxPayloadSize, Format f, Sink sink) {
        int i = rbsp.position();
        int end = rbsp.limit();
        while (i < end) {
            if (end - i == 1 && (rbsp.get(i) & 0xFF) == 0x80) {
                return; // rbsp_trailing_bits
            }
            int start = i;
            long payloadType = 0;
            int b;
            do {
                if (i >= end) {
                    throw new TruncatedInputException(f.module, "sei payloadType", "runs past the end of the NAL unit", base + i, f.spec);
                }
                b = rbsp.get(i++) & 0xFF;
                payloadType += b;
                if (payloadType > Integer.MAX_VALUE) {
                    throw f.errors.malformed("sei payloadType", "exceeds " + Integer.MAX_VALUE + " (the int range) after "
                            + (i - start) + " bytes", base + start, f.spec);
                }
            } while (b == 0xFF);
            long size = 0;
            do {
                if (i >= end) {
                    throw new TruncatedInputException(f.module, "sei payloadSize", "runs past the end of the NAL unit", base + i, f.spec);
                }
                b = rbsp.get(i++) & 0xFF;
                size += b; // a long: past the int range it fails on the limit below
            } while (b == 0xFF);
            if (size > maxPayloadSize) { // an int: payloadSize past the int range lands here
                throw new LimitExceededException(f.module, "sei payloadSize", f.limitName, maxPayloadSize, size, base + start);
            }
            if (size > end - i) {
                throw f.errors.malformed("sei payloadSize", size + " runs past the end of the NAL unit (" + (end - i)
                        + " bytes remain)", base + start, f.spec);
            }
            sink.message((int) payloadType, start, i, (int) size);
            i += (int) size;
        }
    }

    /**
     * Writes one sei_message(): payloadType and payloadSize (the payload's remaining bytes) in their
     * 0xFF-extended coding, then the payload, whose position is unchanged.
     *
     * @param w the RBSP being written, byte aligned
     * @param payloadType payloadType, not negative
     * @param payload the sei_payload() bytes, position to limit
     */
    public static void writeMessage(RbspWriter w, int payloadType, ByteBuffer payload) {
        writeValue(w, payloadType);
        writeValue(w, payload.remaining());
        for (int i = payload.position(); i < payload.limit(); i++) {
            w.u(8, payload.get(i) & 0xFF);
        }
    }

    private static void writeValue(RbspWriter w, int value) {
        while (value >= 255) {
            w.u(8, 0xFF);
            value -= 255;
        }
        w.u(8, value);
    }

    /**
     * A read-only copy of {@code data}'s remaining bytes (its position unchanged), for the payload
     * records, which must not share the caller's buffer.
     *
     * @param data the bytes
     * @return a read-only heap buffer holding a copy
     */
    public static ByteBuffer readOnlyCopy(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        return ByteBuffer.wrap(b).asReadOnlyBuffer();
    }

    /**
     * Reads user_data_unregistered()'s uuid_iso_iec_11578 (16 bytes, big-endian) at {@code payload}'s
     * position and moves the position past it: what remains is the user_data_payload_byte values.
     *
     * @param payload the user_data_unregistered() payload
     * @param offset stream offset of the message, for errors
     * @param module the module named in exceptions
     * @param spec the payload's spec section
     * @return the UUID
     * @throws TruncatedInputException if fewer than 16 bytes remain (position unchanged)
     */
    public static UUID readUuid(ByteBuffer payload, long offset, String module, String spec) {
        if (payload.remaining() < 16) {
            throw new TruncatedInputException(module, UUID_FIELD, "needs 16 bytes, " + payload.remaining() + " present", offset, spec);
        }
        return new UUID(BigEndian.getLongRelative(payload), BigEndian.getLongRelative(payload));
    }

    /**
     * The user_data_unregistered() payload: {@code uuid} then {@code data}'s remaining bytes.
     *
     * @param uuid uuid_iso_iec_11578
     * @param data the user_data_payload_byte values, position unchanged
     * @return a new heap buffer, position 0, limit its size
     */
    public static ByteBuffer userDataUnregistered(UUID uuid, ByteBuffer data) {
        ByteBuffer out = ByteBuffer.allocate(16 + data.remaining());
        BigEndian.putLongRelative(BigEndian.putLongRelative(out, uuid.getMostSignificantBits()), uuid.getLeastSignificantBits())
                .put(data.duplicate()).flip();
        return out;
    }

    /**
     * User data as text: {@code data}'s remaining bytes as ISO-8859-1 with trailing NUL bytes removed
     * (x264 and x265 write their settings so).
     *
     * @param data the bytes, position unchanged
     * @return the text
     */
    public static String latin1Text(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }
}
