/**
 * HTTP Live Streaming playlists: RFC 8216 and draft-pantos-hls-rfc8216bis.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] line classification, §4.1 ({@link io.streamwire.hls.LineKind})</li>
 *   <li>[ ] tags, attribute lists, model, variables, strict/lenient parsing, writer, live builder</li>
 * </ul>
 *
 * <p>Errors are {@link io.streamwire.hls.PlaylistException}s carrying line, column and the tag.
 */
package io.streamwire.hls;
