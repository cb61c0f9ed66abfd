/**
 * H.265 / HEVC NAL unit layer: ITU-T H.265 (v9, 09/2023) and the HEVC parts of ISO/IEC 14496-15 (2022).
 *
 * <p>Concepts (NAL unit layer): a stream is a sequence of NAL units, each with a two-byte header
 * ({@link io.streamwire.h265.HevcNalUnitHeader}, types in {@link io.streamwire.h265.NalUnitType}); in
 * MPEG-TS and raw files they are framed by start codes (Annex B: {@link io.streamwire.h265.HevcAnnexB},
 * {@link io.streamwire.h265.HevcAnnexBScanner}, the push {@link io.streamwire.h265.HevcAnnexBDecoder}),
 * in MP4 and Enhanced FLV by length prefixes ({@link io.streamwire.h265.Hvcc}) with the parameter sets
 * in the {@link io.streamwire.h265.HevcDecoderConfigurationRecord}. NAL units group into access units
 * ({@link io.streamwire.h265.HevcAccessUnitSplitter}, {@link io.streamwire.h265.HevcAccessUnit}), one
 * coded picture each, keyframes being IRAP pictures.
 *
 * <p>Concepts (parameter sets and headers): a slice segment refers to a PPS by id, the PPS to an SPS,
 * the SPS to a VPS ({@link io.streamwire.h265.HevcParameterSets} keeps them by id); the SPS gives the
 * picture size, format and timing; SEI messages carry metadata beside the pictures.
 *
 * <p>Supported structures (checklist; filled in as they land):
 * <ul>
 *   <li>[x] NAL unit header (§7.3.1.2) and nal_unit_type classes (Table 7-1)</li>
 *   <li>[x] Annex B byte stream (§B.2): split, scanner, push decoder</li>
 *   <li>[x] Access unit boundaries without AUDs (§7.4.2.4.4), IRAP/RASL decodability (§8.1.3)</li>
 *   <li>[x] Length-prefixed samples ⇄ Annex B (ISO/IEC 14496-15 §8.3.2, hvc1/hev1 §8.4.1)</li>
 *   <li>[x] HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 §8.3.3.1) and codec strings (Annex E.3)</li>
 *   <li>[x] VPS (§7.3.2.1), SPS (§7.3.2.2) and PPS (§7.3.2.3), with profile_tier_level (§7.3.3),
 *       scaling_list_data (§7.3.4), st_ref_pic_set (§7.3.7), VUI and HRD (§E.2.1–E.2.3) and the range
 *       extensions; bit-exact writers ({@link io.streamwire.h265.HevcVps}, {@link io.streamwire.h265.HevcSps},
 *       {@link io.streamwire.h265.HevcPps}, {@link io.streamwire.h265.HevcParameterSets})</li>
 *   <li>[x] Slice segment header (§7.3.6.1) up to slice_temporal_mvp_enabled_flag
 *       ({@link io.streamwire.h265.SliceSegmentHeader}) and picture order count (§8.3.1,
 *       {@link io.streamwire.h265.PicOrderCount})</li>
 *   <li>[x] SEI (§7.3.5, Annex D): {@link io.streamwire.h265.HevcSeiMessage}, recovery_point,
 *       user_data_unregistered, A/53 captions in user_data_registered_itu_t_t35 (core's CaptionData),
 *       time_code, mastering_display_colour_volume, content_light_level_info</li>
 *   <li>[ ] Slice segment header after slice_temporal_mvp_enabled_flag; multi-layer, 3D and SCC
 *       extensions as fields (kept as bits, {@link io.streamwire.h265.HevcExtensionData})</li>
 * </ul>
 */
package io.streamwire.h265;
