/**
 * HTTP Live Streaming playlists: RFC 8216 and draft-pantos-hls-rfc8216bis (-14 and later; section
 * numbers below are the draft's).
 *
 * <p>Concepts: a {@link io.streamwire.hls.Playlist} is a list of {@link io.streamwire.hls.PlaylistLine}s
 * (typed tags, comments, URIs, unknown tags kept where they were); the parser decides whether it is
 * a {@link io.streamwire.hls.MediaPlaylist} or a {@link io.streamwire.hls.MultivariantPlaylist}.
 * Derived views (segments with their effective state, variants) are computed from the lines. The
 * {@link io.streamwire.hls.PlaylistWriter} writes canonical text; the
 * {@link io.streamwire.hls.LivePlaylistBuilder} builds live (LL-HLS) media playlists for an origin.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] line classification, §4.1 ({@link io.streamwire.hls.LineKind})</li>
 *   <li>[x] attribute lists with every value type, §4.2 ({@link io.streamwire.hls.AttributeList})</li>
 *   <li>[x] variable substitution with NAME/VALUE, IMPORT, QUERYPARAM, §4.3 and §4.4.2.3</li>
 *   <li>[x] every tag of §4.4 typed ({@link io.streamwire.hls.TagName}), plus EXT-X-CUE-OUT, EXT-X-CUE-OUT-CONT,
 *       EXT-X-CUE-IN and EXT-OATCLS-SCTE35 ({@link io.streamwire.hls.RawTag})</li>
 *   <li>[x] media segments with effective key, map, discontinuity sequence, byte ranges, program date time, parts</li>
 *   <li>[x] strict and lenient parsing, {@link io.streamwire.hls.PlaylistValidator}, version rules of §8</li>
 *   <li>[x] canonical writer with minimum EXT-X-VERSION</li>
 *   <li>[x] segment editing that keeps every other segment's effective state
 *       ({@link io.streamwire.hls.MediaPlaylistEditor}, {@link io.streamwire.hls.MediaPlaylist#edit()})</li>
 *   <li>[x] live builder: sliding window, LL-HLS parts, preload hints, rendition reports, delta updates,
 *       blocking reload ({@link io.streamwire.hls.BlockingReload})</li>
 *   <li>[x] input from String, byte[], ByteBuffer and in pieces ({@link io.streamwire.hls.PlaylistDecoder})</li>
 * </ul>
 *
 * <p>Entry points, in the order a user meets them: {@link io.streamwire.hls.Playlist#parse} (strict,
 * from text) or {@link io.streamwire.hls.PlaylistParser} ({@code strict()} / {@code lenient()},
 * from text, bytes or a buffer); {@link io.streamwire.hls.PlaylistDecoder} for a playlist arriving
 * in pieces (the {@link io.streamwire.core.StreamDecoder} lifecycle); {@link io.streamwire.hls.MediaPlaylist#edit()}
 * to change a playlist's segments; {@link io.streamwire.hls.PlaylistWriter} and
 * {@link io.streamwire.hls.LivePlaylistBuilder} to produce playlists.
 *
 * <p>Errors: {@link io.streamwire.hls.PlaylistException} (module {@code "hls"}, a
 * {@link io.streamwire.core.StreamwireException}) carries line, column, offset, the tag and the spec
 * section; a passed {@link io.streamwire.hls.PlaylistLimits} bound raises the shared
 * {@link io.streamwire.core.LimitExceededException}. Rule violations that a lenient parse steps over
 * are {@link io.streamwire.hls.Diagnostic}s in a {@link io.streamwire.hls.ParseResult} and
 * {@link io.streamwire.core.Anomaly anomalies} of {@link io.streamwire.hls.HlsAnomalyKind} from the
 * push decoder.
 */
package io.streamwire.hls;
