package io.streamwire.examples.origin;

import io.streamwire.hls.Attribute;
import io.streamwire.hls.AttributeList;
import io.streamwire.hls.IntegerTag;
import io.streamwire.hls.MarkerTag;
import io.streamwire.hls.MultivariantPlaylist;
import io.streamwire.hls.PlaylistLine;
import io.streamwire.hls.StreamInf;
import io.streamwire.hls.TagName;
import io.streamwire.hls.Uri;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The multivariant playlist of one stream ({@code /live/<name>/master.m3u8}), built with
 * hls-playlist's records: one EXT-X-STREAM-INF (RFC 8216 §4.4.6.2) with BANDWIDTH, AVERAGE-BANDWIDTH,
 * CODECS (RFC 6381, from the sequence headers), RESOLUTION and FRAME-RATE, pointing at the media
 * playlist {@code ../<name>.m3u8}.
 */
final class Multivariant {
    private Multivariant() {}

    /**
     * @param averageBitsPerSecond the publish's average bitrate in; BANDWIDTH (the peak) is taken as
     *     1.5 times it, as a live origin cannot know the peak of segments not yet made
     */
    static MultivariantPlaylist of(String name, StreamInfo video, StreamInfo audio, long averageBitsPerSecond) {
        List<String> codecs = new ArrayList<>();
        if (!video.codecString().isEmpty()) {
            codecs.add(video.codecString());
        }
        if (!audio.codecString().isEmpty()) {
            codecs.add(audio.codecString());
        }
        long average = Math.max(1, averageBitsPerSecond);
        List<Attribute> a = new ArrayList<>();
        a.add(Attribute.unquoted("BANDWIDTH", Long.toString(average + average / 2)));
        a.add(Attribute.unquoted("AVERAGE-BANDWIDTH", Long.toString(average)));
        if (!codecs.isEmpty()) {
            a.add(Attribute.quoted("CODECS", String.join(",", codecs)));
        }
        if (video.width() > 0 && video.height() > 0) {
            a.add(Attribute.unquoted("RESOLUTION", video.width() + "x" + video.height()));
        }
        if (video.frameRate() > 0) {
            a.add(Attribute.unquoted("FRAME-RATE", String.format(Locale.ROOT, "%.3f", video.frameRate())));
        }
        List<PlaylistLine> lines = new ArrayList<>();
        lines.add(MarkerTag.EXTM3U);
        lines.add(new IntegerTag(TagName.EXT_X_VERSION, 7));
        lines.add(MarkerTag.INDEPENDENT_SEGMENTS);
        lines.add(new StreamInf(false, AttributeList.of(a)));
        lines.add(new Uri("../" + name + ".m3u8"));
        return MultivariantPlaylist.of(lines);
    }
}
