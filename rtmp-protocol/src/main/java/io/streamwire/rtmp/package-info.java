/**
 * The Real-Time Messaging Protocol: Adobe RTMP Specification 1.0 (December 2012) and the Enhanced
 * RTMP specification (veovera, v1 and v2). Sans-IO: bytes in, events and bytes out.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] chunk basic header, §5.3.1.1 ({@link io.streamwire.rtmp.ChunkBasicHeader})</li>
 *   <li>[ ] handshake, chunk message header, chunk stream decoder/encoder, messages, sessions</li>
 * </ul>
 */
package io.streamwire.rtmp;
