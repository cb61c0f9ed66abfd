package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;

/**
 * The module's bit readers: core's {@link BitReader} with this module's name and errors
 * ({@link H265Exception} for a malformed value, core's truncation error for a read past the end),
 * named {@code "<structure> <element>"} and placed at the stream offset of the byte holding the
 * offending bit.
 *
 * <p>Stateless and thread-safe; the readers it makes are not.
 */
final class Rbsp {
    /** Makes {@link H265Exception}s for the readers. */
    static final BitReader.Errors ERRORS = H265Exception::new;

    private Rbsp() {}

    /**
     * A reader of the escaped RBSP {@code buf[from, to)} (a NAL unit after its header byte):
     * emulation prevention bytes (ITU-T H.265 (09/2023) §7.4.2) are skipped as it reads.
     *
     * @param offset the stream offset of {@code buf[from]}
     * @param structure put in front of each element in errors, e.g. {@code "sps"}
     * @param specRef the spec section named in errors
     */
    static BitReader reader(ByteBuffer buf, int from, int to, long offset, String structure, String specRef) {
        return BitReader.rbsp(H265Exception.MODULE, buf, from, to, offset, structure, specRef, ERRORS);
    }

    /**
     * A reader of {@code buf[from, to)} that holds bytes already free of emulation prevention (an
     * SEI payload): every 0x03 is data. Parameters as for {@link #reader}.
     */
    static BitReader unescaped(ByteBuffer buf, int from, int to, long offset, String structure, String specRef) {
        return BitReader.raw(H265Exception.MODULE, buf, from, to, offset, structure, specRef, ERRORS);
    }
}
