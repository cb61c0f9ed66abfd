/**
 * FLV container and tag bodies: Adobe Flash Video File Format Specification v10.1 Annex E, and the
 * Enhanced RTMP specification (veovera, v1 and v2) for extended audio/video tag headers.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] FLV header ({@link io.streamwire.flv.FlvHeader}), tag header
 *       ({@link io.streamwire.flv.FlvTagHeader}, extended timestamps)</li>
 *   <li>[x] push decoder ({@link io.streamwire.flv.FlvDecoder}, a
 *       {@link io.streamwire.core.StreamDecoder}): zero-copy tags, bodies whole, in fragments or
 *       skipped ({@link io.streamwire.core.Interest}), resync with a skipped-bytes anomaly,
 *       PreviousTagSize check, truncated tail reported
 *       ({@link io.streamwire.flv.FlvAnomalyKind})</li>
 *   <li>[x] writer ({@link io.streamwire.flv.FlvWriter}), HEVC as Enhanced {@code hvc1} (default) or
 *       legacy CodecID 12 ({@link io.streamwire.flv.FlvWriter.HevcForm})</li>
 *   <li>[x] streaming writer to a channel or stream ({@link io.streamwire.flv.FlvStreamWriter}):
 *       header, tags and PreviousTagSize, RTMP message type, {@code long} timestamp (modulo 2^32)
 *       and body as received, {@code @setDataFrame} dropped from script data</li>
 *   <li>[x] AUDIODATA ({@link io.streamwire.flv.AudioData}), VIDEODATA
 *       ({@link io.streamwire.flv.VideoData}) incl. command frames and signed composition time</li>
 *   <li>[x] legacy HEVC, CodecID 12 (de facto: SRS, CDN-Union/H265; not in Adobe v10.1
 *       §E.4.3.1), read and written like AVC and handed out as the Enhanced {@code hvc1} form is
 *       ({@link io.streamwire.flv.VideoTagBody#fourCc()},
 *       {@link io.streamwire.flv.VideoTagBody#videoPacketType()},
 *       {@link io.streamwire.flv.VideoTagBody#track()})</li>
 *   <li>[x] Enhanced RTMP ExAudioTagHeader/ExVideoTagHeader ({@link io.streamwire.flv.ExAudioData},
 *       {@link io.streamwire.flv.ExVideoData}): all packet types, FourCC, multitrack, ModEx</li>
 *   <li>[x] SCRIPTDATA ({@link io.streamwire.flv.ScriptData}), onMetaData typed view
 *       ({@link io.streamwire.flv.OnMetaData}), {@code @setDataFrame}</li>
 *   <li>[x] metadata injection with a keyframes index ({@link io.streamwire.flv.MetadataInjector})</li>
 * </ul>
 *
 * <p>Errors are {@link io.streamwire.core.StreamwireException}s with module {@code "flv"}, the byte
 * offset and the field: {@link io.streamwire.flv.FlvException} for malformed input, the shared
 * {@link io.streamwire.core.TruncatedInputException} and
 * {@link io.streamwire.core.LimitExceededException} for input cut short or past a limit of
 * {@link io.streamwire.flv.FlvLimits}. The package {@code io.streamwire.amf} does not depend on this
 * one.
 */
package io.streamwire.flv;
