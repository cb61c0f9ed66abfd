/** HLS playlists (RFC 8216 and draft-pantos-hls-rfc8216bis). */
module io.streamwire.hls {
    requires transitive io.streamwire.core;
    exports io.streamwire.hls;
}
