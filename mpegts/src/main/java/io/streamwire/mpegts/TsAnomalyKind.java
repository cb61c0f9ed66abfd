package io.streamwire.mpegts;

/**
 * What went wrong in a recoverable problem that {@link TsFramer}, {@link TsDemuxer} or
 * {@link io.streamwire.mpegts.psi.SectionAssembler} report as an
 * {@link io.streamwire.core.Anomaly}{@code <TsAnomalyKind>} and step over. The anomaly's offset is
 * the stream offset of the packet (or byte) concerned; its detail starts with the PID when one is
 * concerned ({@code "pid 0x0100: continuity_counter 9, expected 8"}) and gives the numbers.
 *
 * @since 0.1.0
 */
public enum TsAnomalyKind {
    /** Bytes were skipped before sync was (re)gained; the detail gives the count. No PID. */
    LOST_SYNC,
    /** The input ended inside a packet, which is dropped; the detail gives the bytes it had. No PID. */
    TRUNCATED_PACKET,
    /** transport_error_indicator is set; the packet is ignored. */
    TRANSPORT_ERROR,
    /** The packet header or adaptation field is malformed; the packet is ignored. */
    MALFORMED_PACKET,
    /**
     * continuity_counter skipped (the detail gives the counter found and the one expected); the PES
     * or section in progress on the PID is dropped.
     */
    CONTINUITY_GAP,
    /** A packet repeated a second time (§2.4.3.3 allows one duplicate); the packet is ignored. */
    DUPLICATE_PACKET,
    /**
     * A PES was dropped or cut short (continuity gap, next payload_unit_start_indicator before its
     * end, input ended, stream removed, {@link TsLimits#maxPesSize()}); the detail gives the bytes.
     */
    PES_DROPPED,
    /** A PES header is malformed or cut short; the PES is skipped up to the next payload_unit_start_indicator. */
    MALFORMED_PES,
    /** A section failed its CRC_32; dropped, or delivered anyway in {@code CrcMode.LENIENT}. */
    CRC_MISMATCH,
    /**
     * pointer_field or section_length is malformed or past {@link TsLimits#maxSectionLength()}; the
     * section is dropped and assembly restarts at the next payload_unit_start_indicator.
     */
    MALFORMED_SECTION,
    /**
     * A PSI or SCTE-35 table did not parse, or a PAT lists more programs than
     * {@link TsLimits#maxPrograms()}; the table is ignored (the previous one stays in force).
     */
    MALFORMED_TABLE,
    /** A PID would be tracked past {@link TsLimits#maxPids()}; its packets are ignored. */
    PID_LIMIT,
    /** transport_scrambling_control is not 0: the payload is not parsed (reported once per PID). */
    SCRAMBLED
}
