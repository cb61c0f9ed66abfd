/**
 * The Real-Time Messaging Protocol: Adobe RTMP Specification 1.0 (December 2012) and the Enhanced
 * RTMP specification (veovera, v1 and v2). Sans-IO: bytes in, events and bytes out; the package
 * opens no socket, starts no thread and reads no clock.
 *
 * <p>Layers, bottom up: {@link io.streamwire.rtmp.ServerHandshake} / {@link io.streamwire.rtmp.ClientHandshake}
 * (§5.2), {@link io.streamwire.rtmp.ChunkDecoder} / {@link io.streamwire.rtmp.ChunkEncoder} (§5.3),
 * {@link io.streamwire.rtmp.ControlMessage} (§5.4, §6.2), {@link io.streamwire.rtmp.RtmpCommand} and
 * {@link io.streamwire.rtmp.DataMessage} (§7.1-7.2, on flv's AMF0), and the sessions
 * {@link io.streamwire.rtmp.ServerSession} / {@link io.streamwire.rtmp.ClientSession}.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] handshake, simple and digest (HMAC-SHA256, both schemes), both roles, §5.2</li>
 *   <li>[x] chunk basic header, §5.3.1.1 ({@link io.streamwire.rtmp.ChunkBasicHeader})</li>
 *   <li>[x] chunk message header fmt 0-3 and Extended Timestamp, §5.3.1.2-3</li>
 *   <li>[x] Set Chunk Size, Abort, Acknowledgement, Window Acknowledgement Size, Set Peer Bandwidth, §5.4</li>
 *   <li>[x] User Control events, §6.2 / §7.1.7</li>
 *   <li>[x] command messages (AMF0/AMF3) typed for connect, _result/_error, createStream, publish, play,
 *       deleteStream, closeStream, releaseStream, FCPublish, FCUnpublish, getStreamLength, onStatus,
 *       onBWDone; data messages (@setDataFrame/onMetaData, |RtmpSampleAccess), §7.1-7.2</li>
 *   <li>[x] aggregate messages, §7.1.6</li>
 *   <li>[x] sessions: {@link io.streamwire.rtmp.ServerSession}, {@link io.streamwire.rtmp.ClientSession}</li>
 *   <li>[ ] shared objects (passed through raw), RTMPE/RTMPT</li>
 * </ul>
 *
 * <p>The input side of {@link io.streamwire.rtmp.ChunkDecoder}, {@link io.streamwire.rtmp.ServerSession}
 * and {@link io.streamwire.rtmp.ClientSession} is an {@link io.streamwire.core.StreamDecoder} with its
 * one lifecycle; their listeners extend {@link io.streamwire.core.DecoderListener} and receive
 * {@link io.streamwire.core.Anomaly anomalies} of kind {@link io.streamwire.rtmp.RtmpAnomalyKind}.
 * The handshakes read a fixed exchange and leave the bytes after it to the chunk decoder, so they
 * are not stream decoders.
 *
 * <p>Errors are {@link io.streamwire.core.StreamwireException}s with module {@code "rtmp"}:
 * {@link io.streamwire.rtmp.RtmpException} for malformed input, the shared
 * {@link io.streamwire.core.TruncatedInputException}, {@link io.streamwire.core.LimitExceededException}
 * and {@link io.streamwire.core.UnsupportedFeatureException}. AMF errors inside messages are
 * reported as this module's, with the AMF error as the cause. Of {@code io.streamwire.flv} the
 * module uses only exported packages ({@code io.streamwire.amf}); big-endian access and the
 * lifecycle helper come from {@code io.streamwire.core.internal}, which core exports to
 * Streamwire modules.
 */
package io.streamwire.rtmp;
