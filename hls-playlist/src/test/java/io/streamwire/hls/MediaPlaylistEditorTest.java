package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples of {@link MediaPlaylistEditor}; expectations from RFC 8216bis §4.4.4 and §6.2.2. */
class MediaPlaylistEditorTest {

    private static MediaPlaylist parse(String text) {
        return (MediaPlaylist) Playlist.parse(text);
    }

    @Test
    void slidingWindowAdvancesBothSequenceNumbers() {
        MediaPlaylist p = parse("""
                #EXTM3U
                #EXT-X-TARGETDURATION:6
                #EXT-X-MEDIA-SEQUENCE:7
                #EXT-X-DISCONTINUITY-SEQUENCE:2
                #EXTINF:6,
                a.ts
                #EXT-X-DISCONTINUITY
                #EXTINF:6,
                b.ts
                #EXTINF:6,
                c.ts
                """);
        // §6.2.2: removing the EXT-X-DISCONTINUITY tag increments EXT-X-DISCONTINUITY-SEQUENCE, and
        // the segments still there keep their numbers (c.ts: msn 9, dsn 3)
        assertThat(p.edit().remove(0, 2).build().write()).isEqualTo("""
                #EXTM3U
                #EXT-X-TARGETDURATION:6
                #EXT-X-MEDIA-SEQUENCE:9
                #EXT-X-DISCONTINUITY-SEQUENCE:3
                #EXTINF:6,
                c.ts
                """);
    }

    @Test
    void aRemovedKeyStaysInEffectForTheSegmentsAfterIt() {
        MediaPlaylist p = parse("""
                #EXTM3U
                #EXT-X-TARGETDURATION:6
                #EXT-X-KEY:METHOD=AES-128,URI="k1"
                #EXTINF:6,
                a.ts
                #EXTINF:6,
                b.ts
                """);
        MediaPlaylist edited = p.edit().remove(0).build();
        assertThat(edited.write()).isEqualTo("""
                #EXTM3U
                #EXT-X-TARGETDURATION:6
                #EXT-X-MEDIA-SEQUENCE:1
                #EXT-X-KEY:METHOD=AES-128,URI="k1"
                #EXTINF:6,
                b.ts
                """);
        assertThat(edited.segments().get(0).keys()).isEqualTo(p.segments().get(1).keys());
    }

    @Test
    void anInsertedKeyDoesNotLeakOntoTheNextSegment() {
        MediaPlaylist p = parse("#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\na.ts\n#EXTINF:6,\nb.ts\n");
        MediaPlaylist edited = p.edit()
                .insert(1, List.of(Key.of("AES-128", "ad.key"), Extinf.of(4), new Uri("ad.ts")))
                .build();
        assertThat(edited.segments()).extracting(MediaSegment::uri).containsExactly("a.ts", "ad.ts", "b.ts");
        assertThat(edited.segments().get(1).key().uri()).isEqualTo("ad.key");
        assertThat(edited.segments().get(2).keys()).isEmpty(); // §4.4.4.4: METHOD=NONE written before b.ts
        assertThat(edited.lines()).contains(Key.of("NONE", null));
    }

    @Test
    void aDiscontinuityBetweenTwoKeptSegmentsMovesOn() {
        MediaPlaylist p = parse("""
                #EXTM3U
                #EXT-X-TARGETDURATION:6
                #EXTINF:6,
                a.ts
                #EXT-X-DISCONTINUITY
                #EXTINF:6,
                ad.ts
                #EXTINF:6,
                b.ts
                """);
        MediaPlaylist edited = p.edit().remove(1).build();
        assertThat(edited.segments()).extracting(MediaSegment::discontinuity).containsExactly(false, true);
        assertThat(edited.segments().get(1).discontinuitySequence()).isEqualTo(1);
        assertThat(p.edit().remove(1).discontinuity(1, false).build().segments())
                .extracting(MediaSegment::discontinuity).containsExactly(false, false);
    }

    @Test
    void aSegmentCannotLoseItsMapToAnInsertedOne() {
        MediaPlaylist p = parse("#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\na.ts\n");
        MediaPlaylistEditor editor = p.edit()
                .insert(0, List.of(SegmentMap.of("init.mp4"), Extinf.of(2), new Uri("slate.mp4")));
        assertThatThrownBy(editor::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segment 1 (a.ts) has no EXT-X-MAP but follows one");
    }

    @Test
    void insertsIntoAnEmptyPlaylistBeforeTheEndList() {
        MediaPlaylist p = parse("#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXT-X-ENDLIST\n");
        assertThat(p.edit().insert(0, "a.ts", 6).build().write())
                .isEqualTo("#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\na.ts\n#EXT-X-ENDLIST\n");
    }

    @Test
    void replaceKeepsTheNextSegmentsDate() {
        MediaPlaylist p = parse("""
                #EXTM3U
                #EXT-X-TARGETDURATION:6
                #EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:00Z
                #EXTINF:6,
                a.ts
                #EXTINF:6,
                b.ts
                #EXTINF:6,
                c.ts
                """);
        MediaPlaylist edited = p.edit().replace(1, List.of(Extinf.of(2.5), new Uri("slate.ts"))).build();
        assertThat(edited.segments()).extracting(MediaSegment::uri).containsExactly("a.ts", "slate.ts", "c.ts");
        // §4.4.4.6: slate.ts is dated by extrapolation (6 s); c.ts keeps 12 s, written explicitly
        assertThat(edited.segments()).extracting(s -> s.programDateTime().toString())
                .containsExactly("2026-01-01T00:00:00Z", "2026-01-01T00:00:06Z", "2026-01-01T00:00:12Z");
        assertThat(edited.lines()).contains(new ProgramDateTime("2026-01-01T00:00:12Z"));
    }

    @Test
    void refusesLinesThatAreNotOneSegment() {
        MediaPlaylistEditor editor = parse("#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\na.ts\n").edit();
        assertThatThrownBy(() -> editor.insert(0, List.of(Extinf.of(6))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end with its URI line");
        assertThatThrownBy(() -> editor.insert(0, List.of(IntegerTag.targetDuration(4), new Uri("b.ts"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EXT_X_TARGETDURATION");
        assertThatThrownBy(() -> editor.insert(0, List.of(new Uri("b.ts"), new Uri("c.ts"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> editor.insert(2, "b.ts", 6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> editor.remove(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> editor.discontinuity(1, true)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theFirstSegmentsLinesStartAfterTheHeader() {
        MediaPlaylist p = parse("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n# first\n#EXTINF:6,\na.ts\n");
        assertThat(p.segments().get(0).lines())
                .containsExactly(new Comment(" first"), new Extinf("6", ""), new Uri("a.ts"));
    }

    @Test
    void tagNameIsNeverNull() {
        assertThat(new Uri("a.ts").tagName()).isEqualTo(TagName.URI);
        assertThat(new Comment(" c").tagName()).isEqualTo(TagName.COMMENT);
        assertThat(TagName.of("")).isEqualTo(TagName.UNKNOWN);
        assertThat(TagName.URI.text()).isEmpty();
        for (PlaylistLine l : parse("#EXTM3U\n#EXT-X-TARGETDURATION:6\n# c\n#EXT-X-VENDOR\n#EXTINF:6,\na.ts\n").lines()) {
            assertThat(l.tagName()).isNotNull();
        }
    }
}
