package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Edit, write, parse: every segment that stayed has the effective state it had (RFC 8216bis §4.4.4:
 * keys, map, resolved byte range, program date time, bitrate, gap, EXTINF), the discontinuities
 * follow the editor's rule, and the media / discontinuity sequence numbers of the first original
 * segment are kept. Playlists and edits are random; the expectation is a plain list model.
 */
class MediaPlaylistEditorPropertiesTest {

    /** One item of the model: an original segment (index) or an inserted one (its lines). */
    private record Item(int original, List<PlaylistLine> lines, boolean discontinuity) {}

    @Property(tries = 400)
    void editThenParseGivesTheExpectedEffectiveSegments(@ForAll("seeds") long seed) {
        Random r = new Random(seed);
        MediaPlaylist playlist = (MediaPlaylist) Playlist.parse(randomPlaylist(r));
        List<MediaSegment> before = playlist.segments();
        MediaPlaylistEditor editor = playlist.edit();
        List<Item> model = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            model.add(new Item(i, null, before.get(i).discontinuity()));
        }
        int ops = 1 + r.nextInt(6);
        for (int op = 0; op < ops; op++) {
            int size = model.size();
            switch (r.nextInt(size == 0 ? 1 : 5)) {
                case 0 -> {
                    int at = r.nextInt(size + 1);
                    List<PlaylistLine> lines = newSegment(r, op);
                    editor.insert(at, lines);
                    model.add(at, new Item(-1, lines, lines.contains(MarkerTag.DISCONTINUITY)));
                }
                case 1, 2 -> {
                    int from = r.nextInt(size);
                    int to = from + 1 + r.nextInt(Math.min(3, size - from));
                    editor.remove(from, to);
                    boolean carried = false;
                    for (int i = from; i < to; i++) {
                        carried |= model.get(i).discontinuity();
                    }
                    model.subList(from, to).clear();
                    if (carried && from > 0 && from < model.size()) {
                        model.set(from, withDiscontinuity(model.get(from), true));
                    }
                }
                case 3 -> {
                    int at = r.nextInt(size);
                    List<PlaylistLine> lines = newSegment(r, op);
                    editor.replace(at, lines);
                    model.set(at, new Item(-1, lines, lines.contains(MarkerTag.DISCONTINUITY)));
                }
                default -> {
                    int at = r.nextInt(size);
                    boolean on = r.nextBoolean();
                    editor.discontinuity(at, on);
                    model.set(at, withDiscontinuity(model.get(at), on));
                }
            }
        }
        assertThat(editor.size()).isEqualTo(model.size());
        String written = editor.build().write();
        MediaPlaylist after = (MediaPlaylist) Playlist.parse(written);
        List<MediaSegment> got = after.segments();
        assertThat(got).as(written).hasSize(model.size());
        boolean firstOriginalSeen = false;
        for (int i = 0; i < model.size(); i++) {
            Item item = model.get(i);
            MediaSegment s = got.get(i);
            assertThat(s.discontinuity()).as("discontinuity of %d in\n%s", i, written).isEqualTo(item.discontinuity());
            if (i > 0) {
                assertThat(s.mediaSequenceNumber()).isEqualTo(got.get(i - 1).mediaSequenceNumber() + 1);
                assertThat(s.discontinuitySequence())
                        .isEqualTo(got.get(i - 1).discontinuitySequence() + (s.discontinuity() ? 1 : 0));
            }
            if (item.original() < 0) {
                Uri uri = (Uri) item.lines().get(item.lines().size() - 1);
                assertThat(s.uri()).isEqualTo(uri.value());
                continue;
            }
            MediaSegment was = before.get(item.original());
            String where = "segment " + i + " (was " + item.original() + ") in\n" + written;
            assertThat(s.uri()).as(where).isEqualTo(was.uri());
            assertThat(s.duration()).as(where).isEqualTo(was.duration());
            assertThat(s.title()).as(where).isEqualTo(was.title());
            assertThat(s.keys()).as(where).isEqualTo(was.keys());
            assertThat(s.map()).as(where).isEqualTo(was.map());
            assertThat(s.byteRangeLength()).as(where).isEqualTo(was.byteRangeLength());
            assertThat(s.byteRangeOffset()).as(where).isEqualTo(was.byteRangeOffset());
            assertThat(s.programDateTime()).as(where).isEqualTo(was.programDateTime());
            assertThat(s.gap()).as(where).isEqualTo(was.gap());
            assertThat(s.bitrate()).as(where).isEqualTo(was.bitrate());
            if (!firstOriginalSeen) {
                firstOriginalSeen = true; // §6.2.2: its numbers survive whatever went before it
                assertThat(s.mediaSequenceNumber()).as(where).isEqualTo(was.mediaSequenceNumber());
                if (was.discontinuitySequence() >= 10) { // a base that cannot go below 0 whatever went before
                    assertThat(s.discontinuitySequence()).as(where).isEqualTo(was.discontinuitySequence());
                }
            }
        }
    }

    @Property(tries = 200)
    void anUneditedPlaylistIsWrittenUnchanged(@ForAll("seeds") long seed) {
        MediaPlaylist playlist = (MediaPlaylist) Playlist.parse(randomPlaylist(new Random(seed)));
        assertThat(playlist.edit().build()).isEqualTo(playlist);
    }

    @Property(tries = 200)
    void noSegmentLinesHoldAPlaylistTag(@ForAll("seeds") long seed) {
        MediaPlaylist playlist = (MediaPlaylist) Playlist.parse(randomPlaylist(new Random(seed)));
        for (MediaSegment s : playlist.segments()) {
            assertThat(s.lines()).noneMatch(l -> SegmentBuilder.isPlaylistTag(l.tagName()));
            assertThat(s.lines().get(s.lines().size() - 1)).isEqualTo(new Uri(s.uri()));
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static Item withDiscontinuity(Item item, boolean on) {
        if (item.original() >= 0) {
            return new Item(item.original(), null, on);
        }
        List<PlaylistLine> lines = new ArrayList<>(item.lines());
        lines.removeIf(MarkerTag.DISCONTINUITY::equals);
        if (on) {
            lines.add(0, MarkerTag.DISCONTINUITY);
        }
        return new Item(-1, List.copyOf(lines), on);
    }

    /** A new segment's lines: sometimes a discontinuity, a key or a comment, then EXTINF and its URI. */
    private static List<PlaylistLine> newSegment(Random r, int n) {
        List<PlaylistLine> lines = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            lines.add(MarkerTag.DISCONTINUITY);
        }
        if (r.nextInt(4) == 0) {
            lines.add(Key.of("AES-128", "new" + n + ".key"));
        }
        if (r.nextInt(4) == 0) {
            lines.add(new Comment(" inserted " + n));
        }
        lines.add(Extinf.of(1 + r.nextInt(5)));
        lines.add(new Uri("new" + n + ".ts"));
        return lines;
    }

    /**
     * A media playlist of 0 to 12 segments with random state tags. A map, a bitrate or a date, once
     * used, starts at the first segment: HLS has no tag that ends them, so a segment without one
     * can never follow a segment with one, and inserted segments (which bring none) stay expressible.
     */
    static String randomPlaylist(Random r) {
        StringBuilder b = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:7\n");
        b.append("#EXT-X-MEDIA-SEQUENCE:").append(20 + r.nextInt(1000)).append('\n');
        if (r.nextBoolean()) {
            b.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(10 + r.nextInt(5)).append('\n');
        }
        if (r.nextInt(4) == 0) {
            b.append("# a comment in the header\n");
        }
        boolean maps = r.nextBoolean();
        boolean bitrates = r.nextBoolean();
        Instant date = r.nextBoolean() ? Instant.parse("2026-01-01T00:00:00Z").plusMillis(r.nextInt(100_000)) : null;
        String[] durations = {"2", "4", "6", "5.5", "6.006", "3.003"};
        int n = r.nextInt(13);
        boolean previousRanged = false;
        for (int i = 0; i < n; i++) {
            if (i > 0 && r.nextInt(5) == 0) {
                b.append("#EXT-X-DISCONTINUITY\n");
            }
            if (r.nextInt(5) == 0) {
                switch (r.nextInt(3)) {
                    case 0 -> b.append("#EXT-X-KEY:METHOD=NONE\n");
                    case 1 -> b.append("#EXT-X-KEY:METHOD=AES-128,URI=\"k").append(i).append(".key\"\n");
                    default -> b.append("#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"skd://").append(i)
                            .append("\",KEYFORMAT=\"com.apple.streamingkeydelivery\",KEYFORMATVERSIONS=\"1\"\n");
                }
            }
            if (maps && (i == 0 || r.nextInt(6) == 0)) {
                b.append("#EXT-X-MAP:URI=\"init").append(i).append(".mp4\"\n");
            }
            if (bitrates && (i == 0 || r.nextInt(6) == 0)) {
                b.append("#EXT-X-BITRATE:").append(100 + r.nextInt(5000)).append('\n');
            }
            if (date != null && (i == 0 || r.nextInt(6) == 0)) {
                date = date.plusSeconds(r.nextInt(3600));
                b.append("#EXT-X-PROGRAM-DATE-TIME:").append(date).append('\n');
            }
            if (r.nextInt(8) == 0) {
                b.append("#EXT-X-GAP\n");
            }
            if (r.nextInt(8) == 0) {
                b.append("# about segment ").append(i).append('\n');
            }
            b.append("#EXTINF:").append(durations[r.nextInt(durations.length)]).append(",\n");
            boolean ranged = r.nextInt(3) > 0;
            if (ranged) {
                // §4.4.4.2: the offset may be left out only after a sub-range of the same resource
                b.append("#EXT-X-BYTERANGE:").append(100 + r.nextInt(900));
                if (!previousRanged || r.nextInt(3) == 0) {
                    b.append('@').append(r.nextInt(10_000));
                }
                b.append('\n');
            }
            b.append(ranged ? "main.ts" : "s" + i + ".ts").append('\n');
            previousRanged = ranged;
        }
        if (r.nextBoolean()) {
            b.append("#EXT-X-ENDLIST\n");
        }
        return b.toString();
    }
}
