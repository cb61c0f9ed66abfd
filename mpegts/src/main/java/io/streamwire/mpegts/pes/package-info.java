/**
 * Packetized elementary stream headers: ISO/IEC 13818-1:2019 §2.4.3.6-§2.4.3.7.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] {@link io.streamwire.mpegts.pes.PesHeader}: stream_id, PES_packet_length, flags, PTS, DTS,
 *       ESCR, ES_rate, DSM trick mode, additional_copy_info, previous_PES_packet_CRC, PES extension (raw),
 *       stuffing; parse and write; read in place without allocating
 *       ({@link io.streamwire.mpegts.pes.PesHeader#requireWellFormed} and the {@code get*} methods, how
 *       the demuxer reads every header) and written in place ({@link io.streamwire.mpegts.pes.PesHeader#writePtsDts},
 *       how the muxer writes them)</li>
 *   <li>[x] payload reassembly and in-place fragments: {@link io.streamwire.mpegts.TsDemuxer}</li>
 * </ul>
 */
package io.streamwire.mpegts.pes;
