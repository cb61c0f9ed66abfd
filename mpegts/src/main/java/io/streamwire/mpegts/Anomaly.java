package io.streamwire.mpegts;

/**
 * A recoverable problem in the input: reported to {@code Listener.onAnomaly} and demuxing goes on.
 *
 * @param kind what went wrong
 * @param pid the PID concerned, or -1
 * @param offset stream offset of the packet or byte concerned
 * @param value a number that says more: bytes skipped, the expected continuity counter, the section
 *     length; kind-specific, 0 when none
 * @param detail a short human-readable explanation
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Anomaly(Kind kind, int pid, long offset, long value, String detail) {

    /** Kinds of recoverable problems. */
    public enum Kind {
        /** Bytes skipped before sync was (re)gained; {@code value} is the byte count. */
        LOST_SYNC,
        /** Input ended inside a packet; {@code value} is the bytes kept. */
        TRUNCATED_PACKET,
        /** transport_error_indicator set; the packet was ignored. */
        TRANSPORT_ERROR,
        /** The packet header or adaptation field is malformed; the packet was ignored. */
        MALFORMED_PACKET,
        /** continuity_counter skipped; {@code value} is the expected counter. */
        CONTINUITY_GAP,
        /** A second repeat of a packet (only one duplicate is allowed); the packet was ignored. */
        DUPLICATE_PACKET,
        /** A PES was dropped (continuity gap, bad header, limit); {@code value} is the bytes dropped. */
        PES_DROPPED,
        /** A PES header is malformed. */
        MALFORMED_PES,
        /** A section failed its CRC_32; dropped unless the demuxer is lenient. */
        CRC_MISMATCH,
        /** A section or pointer_field is malformed or too long; the section was dropped. */
        MALFORMED_SECTION,
        /** A PSI table did not parse; ignored. */
        MALFORMED_TABLE,
        /** More PIDs than {@link TsLimits#maxPids()}; the packet was ignored. */
        PID_LIMIT,
        /** Scrambled payload (transport_scrambling_control != 0); not parsed. */
        SCRAMBLED
    }
}
