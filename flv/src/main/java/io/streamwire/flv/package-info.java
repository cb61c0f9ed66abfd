/**
 * FLV container and tag bodies: Adobe Flash Video File Format Specification v10.1 Annex E, and the
 * Enhanced RTMP specification (veovera, v1 and v2) for extended audio/video tag headers.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] FLV header ({@link io.streamwire.flv.FlvHeader})</li>
 *   <li>[ ] tag header, reader, writer, AUDIODATA/VIDEODATA, Enhanced RTMP, script data</li>
 * </ul>
 */
package io.streamwire.flv;
