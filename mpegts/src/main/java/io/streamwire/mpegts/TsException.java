package io.streamwire.mpegts;

import io.streamwire.core.StreamwireException;
import io.streamwire.mpegts.internal.TsErrors;

/**
 * Root of the errors the mpegts module raises for malformed transport streams, PSI sections, PES
 * headers and SCTE-35 sections ({@link #module()} is {@code "mpegts"}). Input cut short and
 * unsupported features raise the shared {@link io.streamwire.core.TruncatedInputException} and
 * {@link io.streamwire.core.UnsupportedFeatureException} (also with module {@code "mpegts"});
 * {@code catch (StreamwireException e)} catches all of them.
 *
 * <p>Carries the byte offset of the problem counted from the start of the stream or buffer, the
 * spec field it concerns and the spec reference. Messages read
 * {@code "<field> <problem> at offset <n>; <spec reference>"}, e.g.
 * {@code "adaptation_field_length 184 is past the packet (max 183) at offset 4; ISO/IEC 13818-1 §2.4.3.4"}.
 *
 * <p>Only the single-structure parsers throw it ({@code TsPacket.wrap}, {@code AdaptationField.parse},
 * {@code PesHeader.parse}, the PSI and SCTE-35 parsers); {@link TsDemuxer} and {@link TsFramer}
 * report bad input as {@link TsAnomalyKind anomalies} and never throw it.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class TsException extends StreamwireException {
    private static final long serialVersionUID = 1L;

    /**
     * @param field the spec element at fault, e.g. {@code "adaptation_field_length"}
     * @param problem what is wrong with it, e.g. {@code "184 is past the packet (max 183)"}
     * @param offset byte offset from the start of the stream, or -1 when unknown
     * @param specRef the spec section, e.g. {@code "ISO/IEC 13818-1 §2.4.3.4"}, or null
     */
    public TsException(String field, String problem, long offset, String specRef) {
        super(TsErrors.MODULE, field, problem, offset, specRef);
    }
}
