/**
 * The H.264 / AVC NAL unit layer: ITU-T H.264 (08/2021) §7.3–7.4, Annex B, Annex D and Annex E,
 * and the AVCDecoderConfigurationRecord of ISO/IEC 14496-15 §5.3.3.1.
 *
 * <p>Concepts: a byte stream (Annex B, start codes) or length-prefixed samples (AVCC) carry NAL
 * units; each NAL unit is a one-byte header and an RBSP escaped with emulation prevention bytes;
 * parameter sets (SPS, PPS) describe the sequence and pictures; slices carry pictures; SEI carries
 * timing, captions and encoder metadata; an access unit is all NAL units of one picture.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] nal_unit_header ({@link io.streamwire.h264.NalUnitHeader})</li>
 *   <li>[x] Annex B push decoder, splitter and scanner ({@link io.streamwire.h264.AnnexBDecoder},
 *       {@link io.streamwire.h264.AnnexB}, {@link io.streamwire.h264.AnnexBScanner})</li>
 *   <li>[x] AVCC and the conversions ({@link io.streamwire.h264.Avcc})</li>
 *   <li>[x] emulation prevention and RBSP writing (shared with H.265 in {@code core}'s internal package);
 *       parsing reads the escaped RBSP in place</li>
 *   <li>[x] SPS with VUI and HRD, bit-exact writer ({@link io.streamwire.h264.Sps})</li>
 *   <li>[x] PPS with slice groups, bit-exact writer ({@link io.streamwire.h264.Pps})</li>
 *   <li>[x] slice header ({@link io.streamwire.h264.SliceHeader}); [ ] slice header writer</li>
 *   <li>[x] SEI messages, recovery point, user data, A/53 captions, pic timing, buffering period
 *       ({@link io.streamwire.h264.SeiMessage})</li>
 *   <li>[x] AUD ({@link io.streamwire.h264.AccessUnitDelimiter})</li>
 *   <li>[x] access units without AUDs ({@link io.streamwire.h264.AccessUnitSplitter})</li>
 *   <li>[x] AVCDecoderConfigurationRecord ({@link io.streamwire.h264.AvcDecoderConfigurationRecord})</li>
 *   <li>[ ] MVC/SVC slice header extensions, subset SPS</li>
 * </ul>
 *
 * <p>{@link io.streamwire.h264.AnnexBDecoder} follows the push-decoder contract of
 * {@link io.streamwire.core.StreamDecoder}; its recoverable problems are
 * {@link io.streamwire.core.Anomaly anomalies} of kind {@link io.streamwire.h264.H264AnomalyKind}.
 * Malformed input raises {@link io.streamwire.h264.H264Exception}; truncated input, a limit
 * exceeded and an unsupported feature raise core's shared subtypes of
 * {@link io.streamwire.core.StreamwireException}; all carry module {@code "h264"}, the syntax
 * element and the stream offset. Limits are in {@link io.streamwire.h264.H264Limits}.
 */
package io.streamwire.h264;
