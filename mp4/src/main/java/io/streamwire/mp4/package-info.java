/**
 * ISO base media file format: ISO/IEC 14496-12:2022 boxes, ISO/IEC 14496-14:2020 (MP4, esds),
 * ISO/IEC 14496-15:2022 (avcC, hvcC sample entries), ISO/IEC 23000-19:2020 (CMAF), AV1-ISOBMFF
 * v1.2.0, Opus in ISOBMFF v0.6.8.
 *
 * <p>Concepts: a file or segment is a sequence of boxes (size, type, payload; {@link
 * io.streamwire.mp4.BoxHeader}); {@link io.streamwire.mp4.Mp4BoxDecoder} reads them as they arrive
 * (push, any chunking), {@link io.streamwire.mp4.Boxes} parses and writes whole trees of
 * {@link io.streamwire.mp4.Box} records. {@link io.streamwire.mp4.InitSegment} and
 * {@link io.streamwire.mp4.FragmentWriter} write CMAF headers, fragments and LL-HLS parts, and
 * {@link io.streamwire.mp4.CmafSegmenter} cuts timed samples into segments and parts;
 * {@link io.streamwire.mp4.FragmentedMp4Reader} and {@link io.streamwire.mp4.Mp4FileReader} read
 * samples back; {@link io.streamwire.mp4.Mp4Recorder} records progressive files. Limits are in {@link io.streamwire.mp4.Mp4Limits}; errors are
 * {@link io.streamwire.mp4.Mp4Exception} with the box path.
 *
 * <p>Supported structures (checklist):
 * <ul>
 *   <li>[x] box header: 32-bit size, 64-bit largesize, size 0, uuid (§4.2); full box version and flags</li>
 *   <li>[x] push box decoder (containers descended, payload whole / fragments / skipped) and one-shot parser</li>
 *   <li>[x] unknown boxes and unknown versions kept raw, written back byte for byte</li>
 *   <li>[x] ftyp (§4.3), styp (§8.16.2)</li>
 *   <li>[x] moov, trak, edts, mdia, minf, dinf, stbl, mvex, moof, traf, mfra (containers)</li>
 *   <li>[x] mvhd (§8.2.2), tkhd (§8.3.2), mdhd (§8.4.2), hdlr (§8.4.3), vmhd (§12.1.2), smhd (§12.2.2)</li>
 *   <li>[x] dref, url  (§8.7.2)</li>
 *   <li>[x] stsd (§8.5.2); visual sample entries avc1/avc3, hvc1/hev1, av01; audio sample entries mp4a, Opus</li>
 *   <li>[x] avcC, hvcC, av1C (configuration records as bytes, codec strings); esds (ISO/IEC 14496-1 §7.2.6); dOps</li>
 *   <li>[x] colr nclx (§12.1.5), pasp (§12.1.4), btrt (§8.5.2.2)</li>
 *   <li>[x] stts, ctts (§8.6.1), stss (§8.6.2), stsz (§8.7.3), stsc (§8.7.4), stco/co64 (§8.7.5), elst (§8.6.6)</li>
 *   <li>[x] trex (§8.8.3), mfhd (§8.8.5), tfhd (§8.8.7), tfdt (§8.8.12), trun (§8.8.8)</li>
 *   <li>[x] prft (§8.16.5), emsg (ISO/IEC 23009-1 §5.10.3.3)</li>
 *   <li>[x] CMAF init segment and fragment / LL-HLS part writer (0 B per sample)</li>
 *   <li>[x] fMP4 demuxer (init + media segments) and progressive MP4 reader with seeking</li>
 *   <li>[x] progressive MP4 recording: mdat first, moov last, faststart moov, co64, edit list</li>
 *   <li>[ ] sidx, sgpd/sbgp, sdtp, stz2, saiz/saio/senc, meta (kept raw)</li>
 * </ul>
 */
package io.streamwire.mp4;
