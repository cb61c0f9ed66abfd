/**
 * Program-specific information and private sections: ISO/IEC 13818-1:2019 §2.4.4 (section syntax,
 * pointer_field, PAT §2.4.4.4, CAT §2.4.4.6, PMT §2.4.4.9, descriptors §2.6, CRC_32 Annex A) and
 * ANSI/SCTE 35 2022 §9-10 (splice_info_section, splice descriptors).
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] section reassembly ({@link io.streamwire.mpegts.psi.SectionAssembler}) with CRC-32/MPEG-2
 *       ({@link io.streamwire.mpegts.psi.Crc32Mpeg2}) strict, lenient or off</li>
 *   <li>[x] {@link io.streamwire.mpegts.psi.Pat}, {@link io.streamwire.mpegts.psi.Pmt},
 *       {@link io.streamwire.mpegts.psi.Cat}: parse and write with CRC</li>
 *   <li>[x] {@link io.streamwire.mpegts.psi.Descriptor}: raw, typed registration, ISO 639 language,
 *       stream identifier, AVC video, HEVC video, metadata pointer / metadata</li>
 *   <li>[x] {@link io.streamwire.mpegts.psi.SpliceInfoSection}: splice_null, splice_insert, time_signal,
 *       other commands raw; {@link io.streamwire.mpegts.psi.SpliceDescriptor} with segmentation_descriptor</li>
 * </ul>
 */
package io.streamwire.mpegts.psi;
