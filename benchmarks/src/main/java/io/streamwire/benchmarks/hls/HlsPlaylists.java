package io.streamwire.benchmarks.hls;

import java.nio.charset.StandardCharsets;

/** The benchmark input: a VOD media playlist generated in code, the same bytes for every parser. */
final class HlsPlaylists {
    private HlsPlaylists() {}

    /**
     * {@code segments} segments of 6.006 s (EXTINF with six decimals as packagers write them), long
     * CDN URIs with a query token, EXT-X-PROGRAM-DATE-TIME every 100 segments and a key rotation
     * every 1,000: 20,000 segments come to about 3.1 MB.
     */
    static byte[] media(int segments) {
        StringBuilder b = new StringBuilder(segments * 160);
        b.append("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:7\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        long millis = 1_704_067_200_000L;
        for (int i = 0; i < segments; i++) {
            if (i % 1000 == 0) {
                b.append("#EXT-X-KEY:METHOD=AES-128,URI=\"https://keys.example.com/k/").append(i / 1000)
                        .append(".key\",IV=0x").append(String.format("%032x", i)).append('\n');
            }
            if (i % 100 == 0) {
                b.append("#EXT-X-PROGRAM-DATE-TIME:").append(java.time.Instant.ofEpochMilli(millis + i * 6006L)).append('\n');
            }
            b.append("#EXTINF:").append(i % 7 == 6 ? "5.005000" : "6.006000").append(",\n");
            b.append("https://cdn-edge-07.streaming.example.com/vod/2024/feature-presentation-4k/h264_1920x1080_6000k/segment_")
                    .append(String.format("%06d", i)).append(".ts?token=a1b2c3d4\n");
        }
        b.append("#EXT-X-ENDLIST\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
