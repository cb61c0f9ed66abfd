/**
 * The H.264 NAL unit layer: ITU-T H.264 (08/2021) §7.3.1 onwards, Annex B, and the
 * AVCDecoderConfigurationRecord of ISO/IEC 14496-15.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] nal_unit_header ({@link io.streamwire.h264.NalUnitHeader})</li>
 *   <li>[ ] Annex B and AVCC framing, RBSP, SPS, PPS, slice header, SEI, AUD, access units</li>
 * </ul>
 */
package io.streamwire.h264;
