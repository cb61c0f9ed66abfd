package io.streamwire.hls;

/**
 * A variant stream of a multivariant playlist: EXT-X-STREAM-INF and the URI line after it,
 * RFC 8216bis §4.4.6.2.
 *
 * <p>Immutable and thread-safe.
 *
 * @param streamInf the EXT-X-STREAM-INF tag
 * @param uri the URI line that follows it
 * @since 0.1.0
 */
public record Variant(StreamInf streamInf, String uri) {
    public Variant {
        java.util.Objects.requireNonNull(streamInf, "streamInf");
        java.util.Objects.requireNonNull(uri, "uri");
    }
}
