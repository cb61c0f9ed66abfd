/**
 * AAC transport syntax for live streaming: ADTS (ISO/IEC 14496-3:2019 Annex 1.A, ISO/IEC
 * 13818-7:2006 §6.2), AudioSpecificConfig (ISO/IEC 14496-3:2019 §1.6.2.1, §4.4.1), LOAS/LATM
 * (§1.7), and the conversions between ADTS framing (MPEG-TS, HLS packed audio) and raw frames plus
 * an AudioSpecificConfig (RTMP/FLV, MP4).
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] adts_fixed_header / adts_variable_header ({@link io.streamwire.aac.AdtsHeader})</li>
 *   <li>[x] adts_frame with adts_error_check / adts_header_error_check, raw_data_block_position and
 *       per-block CRC words ({@link io.streamwire.aac.AdtsFrame}); CRC values are not verified</li>
 *   <li>[x] ADTS stream decoder with sync confirmation, resync, ID3v2 tags, and the APEv2 (with
 *       header) and ID3v1 tags that end {@code .aac} files ({@link io.streamwire.aac.AdtsDecoder},
 *       {@link io.streamwire.aac.AdtsFrameView})</li>
 *   <li>[x] AudioSpecificConfig with AOT escape, explicit frequencies, SBR/PS explicit and
 *       backward-compatible signalling ({@link io.streamwire.aac.AudioSpecificConfig},
 *       {@link io.streamwire.aac.SyncExtension})</li>
 *   <li>[x] GASpecificConfig and program_config_element ({@link io.streamwire.aac.GaSpecificConfig},
 *       {@link io.streamwire.aac.ProgramConfigElement})</li>
 *   <li>[x] ADTS ↔ (AudioSpecificConfig, raw frames) and timing ({@link io.streamwire.aac.AacConversions},
 *       {@link io.streamwire.aac.AacTiming})</li>
 *   <li>[x] LOAS/LATM decoding, single program and layer ({@link io.streamwire.aac.LoasDecoder},
 *       {@link io.streamwire.aac.LatmStreamMuxConfig})</li>
 *   <li>[ ] LATM writer; ADTS CRC computation</li>
 * </ul>
 *
 * <p>Both stream decoders implement {@link io.streamwire.core.StreamDecoder} (its lifecycle:
 * {@code feed}, {@code endOfInput}, {@code reset}, {@code position}) and report recoverable problems
 * as {@link io.streamwire.core.Anomaly anomalies} of kind {@link io.streamwire.aac.AacAnomalyKind}.
 * Malformed input raises {@link io.streamwire.aac.AacException} (a
 * {@link io.streamwire.core.StreamwireException}); truncated input, a limit of
 * {@link io.streamwire.aac.AacLimits} and unsupported features raise the shared
 * {@link io.streamwire.core.TruncatedInputException}, {@link io.streamwire.core.LimitExceededException}
 * and {@link io.streamwire.core.UnsupportedFeatureException} with module {@code "aac"}. Each carries
 * the byte offset, the field and the spec reference.
 */
package io.streamwire.aac;
