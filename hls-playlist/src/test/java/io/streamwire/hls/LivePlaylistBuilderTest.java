package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivePlaylistBuilderTest {

    /** Every playlist the builder renders passes the strict parser (all validator rules) and round trips. */
    static MediaPlaylist checked(MediaPlaylist p) {
        assertThat(PlaylistValidator.validate(p)).isEmpty();
        assertThat(Playlist.parse(p.write())).isEqualTo(p);
        return p;
    }

    @Test
    void slidingWindowKeepsMediaAndDiscontinuitySequenceRight() {
        LivePlaylistBuilder live = LivePlaylistBuilder.builder(4).window(3).build();
        live.programDateTime(Instant.parse("2024-01-01T00:00:00Z"));
        for (int i = 0; i < 5; i++) {
            if (i == 1 || i == 3) {
                live.discontinuity();
            }
            live.addSegment("s" + i + ".ts", 3.997);
        }
        MediaPlaylist p = checked(live.playlist());
        assertThat(p.mediaSequence()).isEqualTo(2);
        assertThat(p.discontinuitySequence()).as("the discontinuity before s1 left with s1").isEqualTo(1);
        assertThat(p.segments()).extracting(MediaSegment::uri).containsExactly("s2.ts", "s3.ts", "s4.ts");
        assertThat(p.segments().get(1).discontinuitySequence()).isEqualTo(2);
        assertThat(p.endList()).isFalse();
        assertThat(p.write()).startsWith("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n#EXT-X-MEDIA-SEQUENCE:2\n");
        live.finish();
        assertThat(checked(live.playlist()).endList()).isTrue();
        assertThatThrownBy(() -> live.addSegment("s5.ts", 4)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void targetDurationRuleIsEnforced() {
        LivePlaylistBuilder live = LivePlaylistBuilder.builder(4).window(3).build();
        live.addSegment("a.ts", 4.49);
        assertThatThrownBy(() -> live.addSegment("b.ts", 4.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("§4.4.3.1");
    }

    @Test
    void renderingCostsTheWindowNotTheHistory() {
        LivePlaylistBuilder live = LivePlaylistBuilder.builder(2).window(5).partTarget(0.5).build();
        for (int i = 0; i < 100_000; i++) {
            live.addPart("s" + i + ".0.mp4", 0.5, true);
            live.addSegment("s" + i + ".mp4", 2.0);
        }
        MediaPlaylist p = checked(live.playlist());
        assertThat(p.segments()).hasSize(5);
        assertThat(p.lines().size()).isLessThan(40);
        assertThat(p.mediaSequence()).isEqualTo(99_995);
        assertThat(live.lastMsn()).isEqualTo(99_999);
    }

    @Test
    void lowLatencyPartsHintsAndReports() {
        LivePlaylistBuilder live = LivePlaylistBuilder.builder(4).window(10).partTarget(1.0).map("init.mp4").build();
        for (int s = 0; s < 6; s++) {
            for (int part = 0; part < 4; part++) {
                live.addPart("s" + s + "." + part + ".mp4", 1.0, part == 0);
            }
            live.addSegment("s" + s + ".mp4", 4.0);
        }
        live.addPart("s6.0.mp4", 1.0, true);
        live.preloadHint("s6.1.mp4");
        live.renditionReport("../audio/index.m3u8", 5, 3);
        MediaPlaylist p = checked(live.playlist());
        assertThat(p.partInf().partTarget()).isEqualTo(1.0);
        assertThat(p.serverControl().partHoldBack()).isEqualTo(3.0);
        assertThat(p.serverControl().canBlockReload()).isTrue();
        assertThat(p.segments().get(0).parts()).as("parts older than 3 target durations are gone").isEmpty();
        assertThat(p.segments().get(3).parts()).hasSize(4);
        assertThat(p.trailingParts()).extracting(Part::uri).containsExactly("s6.0.mp4");
        assertThat(p.preloadHints()).extracting(PreloadHint::uri).containsExactly("s6.1.mp4");
        assertThat(p.renditionReports().get(0).lastMsn()).isEqualTo(5);
        assertThat(p.segments().get(0).map().uri()).isEqualTo("init.mp4");
        assertThat(p.version()).isEqualTo(6);
    }

    @Test
    void deltaUpdatesSkipOldSegmentsAndDateRanges() {
        LivePlaylistBuilder live = LivePlaylistBuilder.builder(2).window(20).canSkipUntil(12, true).build();
        live.programDateTime(Instant.parse("2024-01-01T00:00:00Z"));
        live.dateRange(new DateRange(AttributeList.builder().quoted("ID", "ad-1").quoted("START-DATE", "2024-01-01T00:00:00Z")
                .decimal("DURATION", 2).build()));
        for (int i = 0; i < 20; i++) {
            live.addSegment("s" + i + ".ts", 2.0);
        }
        MediaPlaylist full = checked(live.playlist());
        assertThat(full.serverControl().canSkipUntil()).isEqualTo(12.0);
        MediaPlaylist delta = checked(live.deltaPlaylist(true));
        assertThat(delta.skip().skippedSegments()).isEqualTo(14);
        assertThat(delta.segments()).hasSize(6);
        assertThat(delta.segments().get(0).mediaSequenceNumber()).isEqualTo(14);
        assertThat(delta.dateRanges()).isEmpty();
        MediaPlaylist deltaKeepingRanges = checked(live.deltaPlaylist(false));
        assertThat(deltaKeepingRanges.dateRanges()).hasSize(1);
        assertThat(delta.version()).isEqualTo(10);
    }

    @Test
    void blockingReloadRequests() {
        LivePlaylistBuilder live = LivePlaylistBuilder.builder(4).window(10).partTarget(1.0).canSkipUntil(24, false).build();
        for (int s = 0; s < 3; s++) {
            for (int part = 0; part < 4; part++) {
                live.addPart("s" + s + "." + part + ".mp4", 1.0, part == 0);
            }
            live.addSegment("s" + s + ".mp4", 4.0);
        }
        live.addPart("s3.0.mp4", 1.0, true);
        assertThat(live.reload(BlockingReload.parse("_HLS_msn=2")).status()).isEqualTo(BlockingReload.Status.READY);
        assertThat(live.reload(BlockingReload.parse("x.m3u8?_HLS_msn=3&_HLS_part=0")).status()).isEqualTo(BlockingReload.Status.READY);
        assertThat(live.reload(BlockingReload.parse("_HLS_msn=3&_HLS_part=1")).status()).isEqualTo(BlockingReload.Status.WAIT);
        assertThat(live.reload(BlockingReload.parse("_HLS_msn=3")).status()).isEqualTo(BlockingReload.Status.WAIT);
        assertThat(live.reload(BlockingReload.parse("_HLS_msn=2&_HLS_part=7")).status())
                .as("past the last part of segment 2 means part 0 of segment 3").isEqualTo(BlockingReload.Status.READY);
        assertThat(live.reload(BlockingReload.parse("_HLS_msn=9")).status()).isEqualTo(BlockingReload.Status.BAD_REQUEST);
        BlockingReload.Answer answer = live.reload(BlockingReload.parse("_HLS_msn=1&_HLS_skip=YES"));
        assertThat(answer.playlist().skip()).isNull(); // 12 s of segments: nothing older than CAN-SKIP-UNTIL
        live.addPart("s3.1.mp4", 1.0, false);
        assertThat(live.reload(BlockingReload.parse("_HLS_msn=3&_HLS_part=1")).status()).isEqualTo(BlockingReload.Status.READY);
        assertThatThrownBy(() -> BlockingReload.parse("_HLS_part=1")).isInstanceOf(PlaylistException.class)
                .hasMessage("_HLS_part without _HLS_msn at offset 0; RFC 8216bis §6.2.5.2");
        assertThatThrownBy(() -> BlockingReload.parse("x.m3u8?a=b&_HLS_msn=x")).isInstanceOf(PlaylistException.class)
                .hasMessage("_HLS_msn \"x\" is not a decimal-integer at offset 11; RFC 8216bis §6.2.5.2");
        assertThatThrownBy(() -> BlockingReload.parse("_HLS_msn=9223372036854775807")).isInstanceOf(PlaylistException.class)
                .hasMessageContaining("_HLS_msn 9223372036854775807 out of range");
        assertThatThrownBy(() -> BlockingReload.parse("_HLS_msn=1&_HLS_skip=no")).isInstanceOf(PlaylistException.class)
                .hasMessageContaining("at offset 11");
        assertThat(BlockingReload.parse("_HLS_msn=7&other&_HLS_part=0")).isEqualTo(new BlockingReload(7, 0, BlockingReload.Skip.NO));
    }

    @Test
    void longPartsAreRejectedByDefault() {
        LivePlaylistBuilder live = LivePlaylistBuilder.builder(4).partTarget(0.33).build();
        assertThatThrownBy(() -> live.addPart("p0.mp4", 0.3337, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("§4.4.4.9");
        assertThatThrownBy(() -> live.addPart("p0.mp4", Double.NaN, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> live.addPart("p0.mp4", -0.1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(live.pendingPartCount()).isZero();
    }

    @Test
    void longPartsWithinToleranceAreClampedAndKeepTheirRealDuration() {
        LivePlaylistBuilder live = LivePlaylistBuilder.builder(2).partTarget(0.33).clampLongParts(0.05).build();
        assertThatThrownBy(() -> LivePlaylistBuilder.builder(2).clampLongParts(-1)).isInstanceOf(IllegalArgumentException.class);
        live.addPart("s0.0.mp4", 0.3337, true);
        live.addPart("s0.1.mp4", 0.33, false);
        live.addPart("s0.2.mp4", 0.2, false);
        assertThatThrownBy(() -> live.addPart("s0.3.mp4", 0.3801, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance");
        assertThat(live.partDurations()).containsExactly(0.3337, 0.33, 0.2);
        MediaPlaylist p = checked(live.playlist());
        assertThat(p.trailingParts()).extracting(Part::duration).containsExactly(0.33, 0.33, 0.2);
        assertThat(p.trailingParts()).extracting(Part::uri).containsExactly("s0.0.mp4", "s0.1.mp4", "s0.2.mp4");
        assertThat(p.write()).contains("#EXT-X-PART:DURATION=0.33,URI=\"s0.0.mp4\",INDEPENDENT=YES\n");
        live.addSegment("s0.mp4", 0.8637);
        assertThat(live.partDurations()).isEmpty();
        MediaPlaylist after = checked(live.playlist());
        assertThat(after.segments().get(0).duration()).as("EXTINF keeps the real segment duration").isEqualTo("0.8637");
        assertThat(after.segments().get(0).parts()).extracting(Part::duration).containsExactly(0.33, 0.33, 0.2);
    }

    @Test
    void openSegmentNextPartAndPreloadHintTarget() {
        LivePlaylistBuilder live = LivePlaylistBuilder.builder(4).window(4).partTarget(1.0).startAt(10, 0).build();
        assertThat(live.openSegmentMsn()).isEqualTo(10);
        assertThat(live.nextPartIndex()).isZero();
        assertThat(live.preloadHintTarget()).isNull();
        assertThat(live.preloadHintUri()).isNull();
        live.preloadHint("s10.0.mp4");
        assertThat(live.preloadHintTarget()).isEqualTo(new LivePlaylistBuilder.HintedPart("s10.0.mp4", 10, 0));
        live.addPart("s10.0.mp4", 1.0, true);
        assertThat(live.preloadHintTarget()).as("the hinted part now exists").isNull();
        assertThat(live.nextPartIndex()).isEqualTo(1);
        live.preloadHint("s10.1.mp4");
        assertThat(live.preloadHintUri()).isEqualTo("s10.1.mp4");
        assertThat(live.preloadHintTarget()).isEqualTo(new LivePlaylistBuilder.HintedPart("s10.1.mp4", 10, 1));
        // the target is the msn/part pair a blocking reload asks for: it waits until the part is added
        LivePlaylistBuilder.HintedPart hinted = live.preloadHintTarget();
        BlockingReload request = BlockingReload.parse("_HLS_msn=" + hinted.msn() + "&_HLS_part=" + hinted.part());
        assertThat(live.reload(request).status()).isEqualTo(BlockingReload.Status.WAIT);
        live.addPart("s10.1.mp4", 1.0, false);
        assertThat(live.reload(request).status()).isEqualTo(BlockingReload.Status.READY);
        live.preloadHint("s11.0.mp4");
        live.addSegment("s10.mp4", 2.0);
        assertThat(live.openSegmentMsn()).isEqualTo(11);
        assertThat(live.nextPartIndex()).isZero();
        assertThat(live.preloadHintTarget()).isEqualTo(new LivePlaylistBuilder.HintedPart("s11.0.mp4", 11, 0));
        assertThat(checked(live.playlist()).preloadHints()).extracting(PreloadHint::uri).containsExactly("s11.0.mp4");
        assertThat(live.finished()).isFalse();
        live.finish();
        assertThat(live.finished()).isTrue();
        assertThat(live.preloadHintTarget()).isNull();
    }
}
