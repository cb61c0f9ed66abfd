/**
 * MPEG-2 transport streams: ISO/IEC 13818-1:2019 §2.4.3 onwards, SCTE 35 for splice sections.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] transport_packet header ({@link io.streamwire.mpegts.TsPacketHeader})</li>
 *   <li>[ ] adaptation field, 192/204-byte framing, PSI, PES, demuxer, muxer</li>
 * </ul>
 */
package io.streamwire.mpegts;
