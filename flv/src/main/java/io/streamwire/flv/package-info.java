/**
 * FLV container and tag bodies: Adobe Flash Video File Format Specification v10.1 Annex E, and the
 * Enhanced RTMP specification (veovera, v1 and v2) for extended audio/video tag headers.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] FLV header ({@link io.streamwire.flv.FlvHeader}), tag header
 *       ({@link io.streamwire.flv.FlvTagHeader}, extended timestamps)</li>
 *   <li>[x] push reader ({@link io.streamwire.flv.FlvDecoder}): zero-copy tags, resync with
 *       skipped-bytes anomaly, PreviousTagSize check, truncated tail reported</li>
 *   <li>[x] writer ({@link io.streamwire.flv.FlvWriter})</li>
 *   <li>[x] AUDIODATA ({@link io.streamwire.flv.AudioData}), VIDEODATA
 *       ({@link io.streamwire.flv.VideoData}) incl. command frames and signed composition time</li>
 *   <li>[x] Enhanced RTMP ExAudioTagHeader/ExVideoTagHeader ({@link io.streamwire.flv.ExAudioData},
 *       {@link io.streamwire.flv.ExVideoData}): all packet types, FourCC, multitrack, ModEx</li>
 *   <li>[x] SCRIPTDATA ({@link io.streamwire.flv.ScriptData}), onMetaData typed view
 *       ({@link io.streamwire.flv.OnMetaData}), {@code @setDataFrame}</li>
 *   <li>[x] metadata injection with a keyframes index ({@link io.streamwire.flv.MetadataInjector})</li>
 * </ul>
 *
 * <p>Errors are {@link io.streamwire.flv.FlvException}s with the byte offset and the field; limits
 * are in {@link io.streamwire.flv.FlvLimits}.
 */
package io.streamwire.flv;
