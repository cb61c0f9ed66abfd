package io.streamwire.examples.load;

import java.util.List;
import java.util.Objects;

/**
 * What one load run does. Each client kind spreads its clients round-robin over its URLs (one URL
 * per stream key), so "20 publishers with 10 readers each" is 20 URLs and 200 readers.
 *
 * @param hlsUrls media playlists ({@code http://…/live/KEY.m3u8}) the HLS viewers play
 * @param hlsViewers how many HLS viewers
 * @param flvUrls HTTP-FLV streams ({@code http://…/live/KEY.flv})
 * @param flvReaders how many HTTP-FLV readers
 * @param rtmpUrls RTMP streams to play ({@code rtmp://host:port/app/KEY})
 * @param rtmpReaders how many RTMP players
 * @param durationSeconds the run stops by itself after this
 * @param rampSeconds client starts are spread evenly over this many seconds (staggered players)
 * @param requestTimeoutSeconds an HLS request not answered in full by then counts as a timeout;
 *     a stream reader that gets no byte for this long too
 * @param startSegments how many of the newest segments a viewer fetches first (hls.js starts 3
 *     target durations from the live edge)
 * @param probeUrl a playlist fetched once a second on a new connection from a thread of its own,
 *     or null for none
 * @param publishUrl an RTMP URL an extra ffmpeg publishes to during the run, or null for none
 * @param publishCheckUrl the playlist ffprobe must read a few seconds after that publish started
 * @param sourceAddresses connections are bound round-robin to 127.0.0.2 … 127.0.0.(1+n) (0: let
 *     the kernel pick), so more than one ephemeral port range is available on loopback
 * @since 0.2.0
 */
record LoadConfig(List<String> hlsUrls, int hlsViewers, List<String> flvUrls, int flvReaders, List<String> rtmpUrls,
        int rtmpReaders, int durationSeconds, int rampSeconds, int requestTimeoutSeconds, int startSegments,
        String probeUrl, String publishUrl, String publishCheckUrl, int sourceAddresses) {
    LoadConfig {
        hlsUrls = List.copyOf(hlsUrls);
        flvUrls = List.copyOf(flvUrls);
        rtmpUrls = List.copyOf(rtmpUrls);
        if (hlsViewers < 0 || flvReaders < 0 || rtmpReaders < 0) {
            throw new IllegalArgumentException("client counts must be >= 0");
        }
        if (hlsViewers > 0 && hlsUrls.isEmpty() || flvReaders > 0 && flvUrls.isEmpty()
                || rtmpReaders > 0 && rtmpUrls.isEmpty()) {
            throw new IllegalArgumentException("clients without a URL");
        }
        if (durationSeconds < 1 || rampSeconds < 0 || requestTimeoutSeconds < 1 || startSegments < 1) {
            throw new IllegalArgumentException("duration >= 1, ramp >= 0, timeout >= 1, startSegments >= 1");
        }
        if (publishUrl != null) {
            Objects.requireNonNull(publishCheckUrl, "publishCheckUrl");
        }
        if (sourceAddresses < 0 || sourceAddresses > 250) {
            throw new IllegalArgumentException("sourceAddresses 0..250");
        }
    }

    /** Nothing but a duration: add clients with the withers. */
    static LoadConfig of(int durationSeconds) {
        return new LoadConfig(List.of(), 0, List.of(), 0, List.of(), 0, durationSeconds, Math.min(10, durationSeconds / 3),
                10, 3, null, null, null, 8);
    }

    LoadConfig withHls(int viewers, String... urls) {
        return new LoadConfig(List.of(urls), viewers, flvUrls, flvReaders, rtmpUrls, rtmpReaders, durationSeconds,
                rampSeconds, requestTimeoutSeconds, startSegments, probeUrl, publishUrl, publishCheckUrl, sourceAddresses);
    }

    LoadConfig withFlv(int readers, String... urls) {
        return new LoadConfig(hlsUrls, hlsViewers, List.of(urls), readers, rtmpUrls, rtmpReaders, durationSeconds,
                rampSeconds, requestTimeoutSeconds, startSegments, probeUrl, publishUrl, publishCheckUrl, sourceAddresses);
    }

    LoadConfig withRtmp(int readers, String... urls) {
        return new LoadConfig(hlsUrls, hlsViewers, flvUrls, flvReaders, List.of(urls), readers, durationSeconds,
                rampSeconds, requestTimeoutSeconds, startSegments, probeUrl, publishUrl, publishCheckUrl, sourceAddresses);
    }

    LoadConfig withRamp(int seconds) {
        return new LoadConfig(hlsUrls, hlsViewers, flvUrls, flvReaders, rtmpUrls, rtmpReaders, durationSeconds,
                seconds, requestTimeoutSeconds, startSegments, probeUrl, publishUrl, publishCheckUrl, sourceAddresses);
    }

    LoadConfig withProbe(String playlistUrl) {
        return new LoadConfig(hlsUrls, hlsViewers, flvUrls, flvReaders, rtmpUrls, rtmpReaders, durationSeconds,
                rampSeconds, requestTimeoutSeconds, startSegments, playlistUrl, publishUrl, publishCheckUrl, sourceAddresses);
    }

    LoadConfig withPublishProbe(String rtmpUrl, String checkPlaylistUrl) {
        return new LoadConfig(hlsUrls, hlsViewers, flvUrls, flvReaders, rtmpUrls, rtmpReaders, durationSeconds,
                rampSeconds, requestTimeoutSeconds, startSegments, probeUrl, rtmpUrl, checkPlaylistUrl, sourceAddresses);
    }

    LoadConfig withTimeouts(int requestTimeout, int startSegmentCount, int sources) {
        return new LoadConfig(hlsUrls, hlsViewers, flvUrls, flvReaders, rtmpUrls, rtmpReaders, durationSeconds,
                rampSeconds, requestTimeout, startSegmentCount, probeUrl, publishUrl, publishCheckUrl, sources);
    }
}
