/**
 * MPEG-2 transport streams: ISO/IEC 13818-1:2019 §2.4.3 (transport packets, adaptation field, PES),
 * §2.4.4 (PSI) and ANSI/SCTE 35 2022 (splice sections).
 *
 * <p>Concepts: a {@link io.streamwire.mpegts.TsDemuxer} follows PAT → PMT → elementary streams and
 * hands out PES payloads as in-place fragments or reassembled ({@link io.streamwire.core.Interest}),
 * with 64-bit unwrapped PTS/DTS/PCR; its first stage, a {@link io.streamwire.mpegts.TsFramer}, cuts
 * bytes into packets (188, 192 or 204 bytes, detected, with resync); both are
 * {@link io.streamwire.core.StreamDecoder}s with the shared lifecycle. A
 * {@link io.streamwire.mpegts.TsPacket} is an allocation-free view over one packet; a
 * {@link io.streamwire.mpegts.TsMuxer} writes H.264/HEVC/AAC/ID3 into 188-byte packets for HLS.
 * The decoders never throw for bad input: recoverable problems are
 * {@link io.streamwire.core.Anomaly} reports of a {@link io.streamwire.mpegts.TsAnomalyKind}. Bad
 * single structures raise {@link io.streamwire.mpegts.TsException} (or the shared
 * {@link io.streamwire.core.TruncatedInputException} and
 * {@link io.streamwire.core.UnsupportedFeatureException}, module {@code "mpegts"}) with the stream
 * offset and the field; limits are in {@link io.streamwire.mpegts.TsLimits}.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] transport_packet header and adaptation field with PCR/OPCR, splice_countdown, private data,
 *       extension (LTW, piecewise rate, seamless splice) ({@link io.streamwire.mpegts.TsPacket},
 *       {@link io.streamwire.mpegts.AdaptationField}, {@link io.streamwire.mpegts.TsPacketHeader})</li>
 *   <li>[x] 188/192 (M2TS TP_extra_header)/204-byte framing, resync, partial packets across feeds</li>
 *   <li>[x] sections: pointer_field, several per packet, CRC-32/MPEG-2, version gating
 *       ({@link io.streamwire.mpegts.psi})</li>
 *   <li>[x] PAT, PMT, CAT, SCTE-35 splice_info_section (splice_null, splice_insert, time_signal,
 *       segmentation descriptor), typed descriptors; writers for all</li>
 *   <li>[x] PES header with PTS/DTS, ESCR, ES rate, trick mode, copy info, CRC, extension
 *       ({@link io.streamwire.mpegts.pes})</li>
 *   <li>[x] demuxer: multi-program, PMT changes, continuity, unwrap, fragments or reassembly</li>
 *   <li>[x] stream types from stream_type and descriptors, metadata in PES as ID3 or KLV by format
 *       identifier, and an opt-in payload probe for unidentified private streams (ADTS, LATM/LOAS,
 *       AC-3, E-AC-3) ({@link io.streamwire.mpegts.StreamType})</li>
 *   <li>[x] muxer: PAT/PMT interval and segment starts, PCR, stuffing, AUD insertion, ID3</li>
 *   <li>[ ] PCR-only packets when video frames are further apart than the PCR interval; encrypted
 *       SCTE-35; multi-section PMT</li>
 * </ul>
 */
package io.streamwire.mpegts;
