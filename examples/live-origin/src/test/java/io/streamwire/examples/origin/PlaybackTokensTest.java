package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.MediaSegment;
import io.streamwire.hls.MultivariantPlaylist;
import io.streamwire.hls.ParseResult;
import io.streamwire.hls.Part;
import io.streamwire.hls.PlaylistParser;
import io.streamwire.hls.PreloadHint;
import io.streamwire.hls.RenditionReport;
import io.streamwire.hls.Variant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Signed playback tokens, and the client's query carried into playlists (checked by parsing them back). */
class PlaybackTokensTest {
    static final byte[] SECRET = "play-secret".getBytes(StandardCharsets.UTF_8);
    static final long NOW = 1_800_000_000L;

    /** An LL-HLS media playlist with every URI-bearing tag the origin writes (RFC 8216bis §4.4). */
    static final String LL_HLS = """
            #EXTM3U
            #EXT-X-VERSION:9
            #EXT-X-TARGETDURATION:2
            #EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.002
            #EXT-X-PART-INF:PART-TARGET=0.334
            #EXT-X-MEDIA-SEQUENCE:41
            #EXT-X-MAP:URI="init.mp4"
            #EXT-X-PROGRAM-DATE-TIME:2026-12-07T03:00:00.000Z
            #EXTINF:2.000,
            seg41.m4s
            #EXT-X-PART:DURATION=0.334,URI="part42.0.m4s",INDEPENDENT=YES
            #EXT-X-PART:DURATION=0.334,URI="part42.1.m4s?x=1"
            #EXTINF:0.668,
            seg42.m4s?cache=no
            #EXT-X-PART:DURATION=0.334,URI="part43.0.m4s",INDEPENDENT=YES
            #EXT-X-PRELOAD-HINT:TYPE=PART,URI="part43.1.m4s"
            #EXT-X-RENDITION-REPORT:URI="../audio/index.m3u8",LAST-MSN=43,LAST-PART=0
            """;

    private static PlaybackTokens tokens() {
        return PlaybackTokens.of(SECRET);
    }

    @Test
    void verifyAcceptsItsOwnTokensUntilExpAndRefusesTampering() throws Exception {
        String q = tokens().query("cam1", NOW + 10);
        assertThat(q).isEqualTo("exp=" + (NOW + 10) + "&sig=" + PublishAuthTest.hmacHex(SECRET, "play:cam1:" + (NOW + 10)));
        assertThat(tokens().verify("cam1", q, NOW)).isTrue();
        assertThat(tokens().verify("cam1", q, NOW + 10)).isTrue();
        assertThat(tokens().verify("cam1", q, NOW + 11)).isFalse();
        assertThat(tokens().check("cam1", q, NOW + 11).reason()).contains("expired");
        assertThat(tokens().verify("cam2", q, NOW)).isFalse();
        assertThat(tokens().verify("cam1", q.replace("exp=" + (NOW + 10), "exp=" + (NOW + 99)), NOW)).isFalse();
        assertThat(tokens().verify("cam1", "_HLS_msn=4&" + q + "&_HLS_part=1", NOW)).isTrue();
        assertThat(tokens().verify("cam1", q + "&sig=00", NOW)).isFalse();
        assertThat(tokens().verify("cam1", null, NOW)).isFalse();
        assertThat(tokens().verify("cam1", "", NOW)).isFalse();
        assertThat(PlaybackTokens.of("other".getBytes(StandardCharsets.UTF_8)).verify("cam1", q, NOW)).isFalse();
        String publishToken = PublishAuth.signedName(SECRET, "cam1", NOW + 10);
        assertThat(tokens().verify("cam1", publishToken.substring(publishToken.indexOf('?') + 1), NOW))
                .as("a publish token is no playback token").isFalse();
    }

    @Test
    void everyUriOfAnLlHlsPlaylistGetsTheQuery() {
        String q = tokens().query("cam1", NOW + 60);
        String out = PlaybackTokens.withQuery(LL_HLS, q + "&_HLS_msn=43&_HLS_part=1");
        ParseResult parsed = PlaylistParser.strict().parse(out);
        assertThat(parsed.diagnostics()).isEmpty();
        MediaPlaylist p = (MediaPlaylist) parsed.playlist();
        List<String> uris = new ArrayList<>();
        for (MediaSegment s : p.segments()) {
            uris.add(s.uri());
            s.parts().forEach(part -> uris.add(part.uri()));
            if (s.map() != null) {
                uris.add(s.map().uri());
            }
        }
        p.trailingParts().stream().map(Part::uri).forEach(uris::add);
        p.preloadHints().stream().map(PreloadHint::uri).forEach(uris::add);
        p.renditionReports().stream().map(RenditionReport::uri).forEach(uris::add);
        assertThat(uris).containsExactly(
                "seg41.m4s?" + q, "init.mp4?" + q,
                "seg42.m4s?cache=no&" + q, "part42.0.m4s?" + q, "part42.1.m4s?x=1&" + q, "init.mp4?" + q,
                "part43.0.m4s?" + q, "part43.1.m4s?" + q, "../audio/index.m3u8?" + q);
        assertThat(out).doesNotContain("_HLS_");
        MediaPlaylist original = (MediaPlaylist) PlaylistParser.strict().parse(LL_HLS).playlist();
        assertThat(p.segments()).hasSameSizeAs(original.segments());
        assertThat(p.mediaSequence()).isEqualTo(41);
        assertThat(p.partInf()).isEqualTo(original.partInf());
        assertThat(out.lines().count()).isEqualTo(LL_HLS.lines().count());
    }

    @Test
    void multivariantUrisAndCrLfLinesAreHandled() {
        String text = String.join("\r\n",
                "#EXTM3U",
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"x,URI=\",URI=\"audio/index.m3u8\"",
                "#EXT-X-STREAM-INF:BANDWIDTH=800000,CODECS=\"avc1.4d400d,mp4a.40.2\",AUDIO=\"a\"",
                "video/index.m3u8",
                "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=90000,URI=\"video/iframes.m3u8\"",
                "#EXT-X-SESSION-DATA:DATA-ID=\"com.example\",URI=\"data.json\"",
                "#EXT-X-STREAM-INF:BANDWIDTH=100000",
                "https://cdn.example/other.m3u8",
                "");
        String out = PlaybackTokens.withQuery(text, "t=1");
        assertThat(out).contains("\r\n").doesNotContain("\r\r");
        MultivariantPlaylist p = (MultivariantPlaylist) PlaylistParser.strict().parse(out).playlist();
        assertThat(p.variants()).extracting(Variant::uri).containsExactly("video/index.m3u8?t=1", "https://cdn.example/other.m3u8");
        assertThat(p.renditions().get(0).uri()).isEqualTo("audio/index.m3u8?t=1");
        assertThat(p.renditions().get(0).nameAttribute()).isEqualTo("x,URI=");
        assertThat(p.iFrameStreams().get(0).uri()).isEqualTo("video/iframes.m3u8?t=1");
        assertThat(p.sessionData().get(0).uri()).as("session data may live elsewhere").isEqualTo("data.json");
    }

    @Test
    void nothingToAppendLeavesTheTextAlone() {
        assertThat(PlaybackTokens.withQuery(LL_HLS, null)).isSameAs(LL_HLS);
        assertThat(PlaybackTokens.withQuery(LL_HLS, "")).isSameAs(LL_HLS);
        assertThat(PlaybackTokens.withQuery(LL_HLS, "_HLS_msn=3&_HLS_skip=YES")).isSameAs(LL_HLS);
    }

    @Test
    void unsafeCharactersAreEncodedSoTheAttributeStaysQuoted() {
        String out = PlaybackTokens.withQuery(LL_HLS, "a=\"b c\"&d=\u00e9#f");
        ParseResult parsed = PlaylistParser.strict().parse(out);
        assertThat(parsed.diagnostics()).isEmpty();
        MediaPlaylist p = (MediaPlaylist) parsed.playlist();
        assertThat(p.preloadHints().get(0).uri()).isEqualTo("part43.1.m4s?a=%22b%20c%22&d=%C3%A9%23f");
    }

    @Test
    void relativeUrisAreRecognised() {
        assertThat(PlaybackTokens.isRelative("seg1.ts")).isTrue();
        assertThat(PlaybackTokens.isRelative("../a/b:c.ts")).isTrue();
        assertThat(PlaybackTokens.isRelative("a?t=1:2")).isTrue();
        assertThat(PlaybackTokens.isRelative("/live/cam1/seg1.ts")).isTrue();
        assertThat(PlaybackTokens.isRelative("http://h/x.ts")).isFalse();
        assertThat(PlaybackTokens.isRelative("skd://key")).isFalse();
        assertThat(PlaybackTokens.isRelative("//h/x.ts")).isFalse();
    }

    @Property(tries = 300)
    void anyTokenLikeQueryReachesEverySegmentAndThePlaylistStillParses(
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 12) String name,
            @ForAll @StringLength(max = 40) String junk) {
        String q = tokens().query("cam1", NOW) + "&n=" + name + "&j=" + junk.replace("&", "").replace("\n", "").replace("\r", "");
        String out = PlaybackTokens.withQuery(LL_HLS, q);
        ParseResult parsed = PlaylistParser.strict().parse(out);
        assertThat(parsed.diagnostics()).isEmpty();
        MediaPlaylist p = (MediaPlaylist) parsed.playlist();
        assertThat(p.segments()).allSatisfy(s -> {
            assertThat(s.uri()).contains(tokens().query("cam1", NOW) + "&n=" + name);
            assertThat(s.parts()).allSatisfy(part -> assertThat(part.uri()).contains("&sig="));
        });
        assertThat(p.preloadHints().get(0).uri()).startsWith("part43.1.m4s?exp=");
    }
}
