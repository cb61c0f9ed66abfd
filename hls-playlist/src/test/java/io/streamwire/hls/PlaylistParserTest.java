package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaylistParserTest {

    static final String MEDIA = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-TARGETDURATION:10
            #EXT-X-MEDIA-SEQUENCE:100
            #EXT-X-DISCONTINUITY-SEQUENCE:3
            #EXT-X-X-CUSTOM:keep me
            # a comment
            #EXT-X-KEY:METHOD=AES-128,URI="k1",IV=0x00000000000000000000000000000001
            #EXT-X-MAP:URI="init.mp4",BYTERANGE="720@0"
            #EXT-X-PROGRAM-DATE-TIME:2024-01-01T00:00:00.000Z
            #EXTINF:9.5,first
            #EXT-X-BYTERANGE:1000@720
            media.mp4
            #EXTINF:10,
            #EXT-X-BYTERANGE:2000
            media.mp4
            #EXT-X-DISCONTINUITY
            #EXT-X-KEY:METHOD=NONE
            #EXT-X-GAP
            #EXTINF:4.25,
            c.mp4
            #EXT-X-ENDLIST
            """;

    @Test
    void mediaPlaylistWithEffectiveState() {
        MediaPlaylist p = (MediaPlaylist) Playlist.parse(MEDIA);
        assertThat(p.targetDuration()).isEqualTo(10);
        assertThat(p.mediaSequence()).isEqualTo(100);
        assertThat(p.version()).isEqualTo(7);
        assertThat(p.endList()).isTrue();
        assertThat(p.segments()).hasSize(3);
        MediaSegment a = p.segments().get(0);
        MediaSegment b = p.segments().get(1);
        MediaSegment c = p.segments().get(2);
        assertThat(a.uri()).isEqualTo("media.mp4");
        assertThat(a.title()).isEqualTo("first");
        assertThat(a.durationMicros()).isEqualTo(9_500_000);
        assertThat(a.mediaSequenceNumber()).isEqualTo(100);
        assertThat(a.key().uri()).isEqualTo("k1");
        assertThat(a.map().uri()).isEqualTo("init.mp4");
        assertThat(a.map().byteRange()).isEqualTo(new ByteRange(720, 0));
        assertThat(a.byteRangeOffset()).isEqualTo(720);
        assertThat(a.byteRangeLength()).isEqualTo(1000);
        assertThat(a.programDateTime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(a.programDateTimeExplicit()).isTrue();
        assertThat(b.byteRangeOffset()).as("implicit offset follows the previous range").isEqualTo(1720);
        assertThat(b.programDateTime()).as("extrapolated").isEqualTo(Instant.parse("2024-01-01T00:00:09.500Z"));
        assertThat(b.programDateTimeExplicit()).isFalse();
        assertThat(b.key().uri()).isEqualTo("k1");
        assertThat(b.discontinuitySequence()).isEqualTo(3);
        assertThat(c.discontinuity()).isTrue();
        assertThat(c.discontinuitySequence()).isEqualTo(4);
        assertThat(c.keys()).isEmpty();
        assertThat(c.gap()).isTrue();
        assertThat(c.mediaSequenceNumber()).isEqualTo(102);
        assertThat(c.programDateTime()).isEqualTo(Instant.parse("2024-01-01T00:00:19.500Z"));
        assertThat(p.lines()).contains(new UnknownTag("EXT-X-X-CUSTOM", "keep me"), new Comment(" a comment"));
    }

    @Test
    void canonicalInputWritesBackByteIdentical() {
        assertThat(Playlist.parse(MEDIA).write()).isEqualTo(MEDIA);
    }

    @Test
    void nonCanonicalInputWritesBackSemanticallyIdentical() {
        String messy = "\uFEFF#EXTM3U\r\n\r\n#EXT-X-TARGETDURATION:10\r\n   \r\n#EXTINF:9,\r\nseg.ts";
        Playlist p = PlaylistParser.lenient().parse(messy).playlist();
        assertThat(p.write()).isEqualTo("#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:9,\nseg.ts\n");
        assertThat(Playlist.parse(p.write())).isEqualTo(p);
    }

    @Test
    void bytesWithBomCrlfAndNoFinalNewlineEqualText() {
        byte[] bytes = ("\uFEFF" + MEDIA.replace("\n", "\r\n").stripTrailing()).getBytes(StandardCharsets.UTF_8);
        assertThat(PlaylistParser.strict().parse(bytes).playlist()).isEqualTo(Playlist.parse(MEDIA));
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        assertThat(PlaylistParser.strict().parse(direct).playlist()).isEqualTo(Playlist.parse(MEDIA));
        assertThat(direct.hasRemaining()).isFalse();
    }

    @Test
    void utf8TitlesAndUris() {
        String text = "#EXTM3U\n#EXT-X-TARGETDURATION:5\n#EXTINF:5,Grüße 日本\nsegment-é.ts\n";
        MediaPlaylist p = (MediaPlaylist) PlaylistParser.strict().parse(text.getBytes(StandardCharsets.UTF_8)).playlist();
        assertThat(p.segments().get(0).title()).isEqualTo("Grüße 日本");
        assertThat(p.segments().get(0).uri()).isEqualTo("segment-é.ts");
        assertThat(new String(PlaylistWriter.toBytes(p), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void malformedUtf8IsAnErrorInStrictMode() {
        byte[] bad = "#EXTM3U\n#EXT-X-TARGETDURATION:5\n#EXTINF:5,\nx\u00ff.ts\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> PlaylistParser.strict().parse(bad)).isInstanceOfSatisfying(PlaylistException.class,
                e -> assertThat(e.line()).isEqualTo(4));
        assertThat(PlaylistParser.lenient().parse(bad).playlist()).isInstanceOf(MediaPlaylist.class);
    }

    static final String MULTIVARIANT = """
            #EXTM3U
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-CONTENT-STEERING:SERVER-URI="/steer",PATHWAY-ID="CDN-A"
            #EXT-X-SESSION-DATA:DATA-ID="com.example.title",VALUE="x",LANGUAGE="en"
            #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="English",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,URI="en.m3u8"
            #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aac",NAME="Deutsch",LANGUAGE="de",URI="de.m3u8"
            #EXT-X-STREAM-INF:BANDWIDTH=1280000,AVERAGE-BANDWIDTH=1000000,CODECS="avc1.4d401f,mp4a.40.2",RESOLUTION=640x360,FRAME-RATE=29.97,AUDIO="aac"
            low.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=2560000,RESOLUTION=1280x720,AUDIO="aac"
            mid.m3u8
            #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=86000,URI="low/iframe.m3u8"
            """;

    @Test
    void multivariantPlaylistIsRecognisedByItsTags() {
        MultivariantPlaylist p = (MultivariantPlaylist) Playlist.parse(MULTIVARIANT);
        assertThat(p.variants()).extracting(Variant::uri).containsExactly("low.m3u8", "mid.m3u8");
        assertThat(p.variants().get(0).streamInf().bandwidth()).isEqualTo(1_280_000);
        assertThat(p.variants().get(0).streamInf().resolution()).isEqualTo(new Resolution(640, 360));
        assertThat(p.variants().get(0).streamInf().frameRate()).isEqualTo(29.97);
        assertThat(p.variants().get(0).streamInf().codecs()).isEqualTo("avc1.4d401f,mp4a.40.2");
        assertThat(p.renditions()).extracting(Media::nameAttribute).containsExactly("English", "Deutsch");
        assertThat(p.renditions().get(0).isDefault()).isTrue();
        assertThat(p.iFrameStreams()).extracting(StreamInf::uri).containsExactly("low/iframe.m3u8");
        assertThat(p.contentSteering().serverUri()).isEqualTo("/steer");
        assertThat(p.sessionData().get(0).dataId()).isEqualTo("com.example.title");
        assertThat(p.independentSegments()).isTrue();
        assertThat(p.write()).isEqualTo(MULTIVARIANT);
    }

    /** Strict errors: input, line, column, field. */
    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        "#EXT-X-TARGETDURATION:10\\n#EXTINF:5,\\na.ts|1|1|EXTM3U",
        "#EXTM3U\\n#EXTINF:5,\\na.ts|1|1|EXT-X-TARGETDURATION",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:4\\n#EXTINF:5,\\na.ts|3|9|EXTINF",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:x|2|23|EXT-X-TARGETDURATION",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:4\\na.ts|3|1|EXTINF",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:4\\n#EXT-X-TARGETDURATION:4|3|1|EXT-X-TARGETDURATION",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:4\\n#EXT-X-KEY:METHOD=AES-128\\n#EXTINF:4,\\na.ts|3|1|URI",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:4\\n#EXT-X-KEY:METHOD=AES-128,URI=k|3|27|URI",
        "#EXTM3U\\n#EXT-X-STREAM-INF:BANDWIDTH=1\\n#EXT-X-STREAM-INF:BANDWIDTH=2\\nb.m3u8|2|1|EXT-X-STREAM-INF",
        "#EXTM3U\\n#EXT-X-STREAM-INF:AUDIO=\"a\"\\nb.m3u8|2|1|BANDWIDTH",
        "#EXTM3U\\n#EXT-X-STREAM-INF:BANDWIDTH=1,AUDIO=\"a\"\\nb.m3u8|2|1|AUDIO",
        "#EXTM3U\\n#EXT-X-VERSION:2\\n#EXT-X-TARGETDURATION:4\\n#EXTINF:3.5,\\na.ts|2|1|EXT-X-VERSION",
        "#EXTM3U\\n#EXT-X-VERSION:6\\n#EXT-X-TARGETDURATION:4\\n#EXT-X-PART-INF:PART-TARGET=1\\n#EXT-X-SERVER-CONTROL:PART-HOLD-BACK=2\\n#EXTINF:4,\\na.ts|5|1|PART-HOLD-BACK",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:4\\n#EXTINF:4,\\na.ts\\n#EXT-X-MEDIA-SEQUENCE:4|5|1|EXT-X-MEDIA-SEQUENCE",
        "#EXTM3U\\n#EXT-X-TARGETDURATION:4\\n#EXT-X-PART:DURATION=1,URI=\"p\"|3|1|EXT-X-PART",
        "#EXTM3U\\n#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a\",NAME=\"x\",DEFAULT=yes|2|47|DEFAULT",
        "#EXTM3U\\n#EXT-X-VERSION:8\\n#EXT-X-DEFINE:IMPORT=\"x\"\\n#EXT-X-STREAM-INF:BANDWIDTH=1\\nv.m3u8|3|1|EXT-X-DEFINE",
    })
    void strictModeReportsLineColumnAndTag(String escaped, int line, int column, String field) {
        String text = escaped.replace("\\n", "\n");
        assertThatThrownBy(() -> Playlist.parse(text)).isInstanceOfSatisfying(PlaylistException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.specRef()).startsWith("RFC 8216bis");
        });
        ParseResult lenient = PlaylistParser.lenient().parse(text);
        assertThat(lenient.diagnostics()).anySatisfy(d -> {
            assertThat(d.field()).isEqualTo(field);
            assertThat(d.line()).isEqualTo(line);
        });
    }

    @Test
    void lenientKeepsUnreadableTagsAsUnknown() {
        ParseResult r = PlaylistParser.lenient().parse("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:-1,radio\nhttp://x/stream\n");
        assertThat(r.playlist().lines()).contains(new UnknownTag("EXTINF", "-1,radio"));
        assertThat(r.playlist().write()).contains("#EXTINF:-1,radio\n");
        assertThat(r.diagnostics()).isNotEmpty();
    }

    @Test
    void variablesAreSubstitutedFromValueImportAndQueryParam() {
        String text = """
                #EXTM3U
                #EXT-X-VERSION:11
                #EXT-X-DEFINE:NAME="host",VALUE="https://cdn.example"
                #EXT-X-DEFINE:IMPORT="token"
                #EXT-X-DEFINE:QUERYPARAM="session"
                #EXT-X-TARGETDURATION:4
                #EXT-X-MAP:URI="{$host}/init.mp4?t={$token}"
                #EXTINF:4,
                {$host}/a.mp4?s={$session}
                """;
        MediaPlaylist p = (MediaPlaylist) PlaylistParser.strict().withParentVariables(Map.of("token", "T1"))
                .withPlaylistUrl("https://cdn.example/live.m3u8?session=abc%20d&x=1").parse(text).playlist();
        assertThat(p.segments().get(0).uri()).isEqualTo("https://cdn.example/a.mp4?s=abc d");
        assertThat(p.segments().get(0).map().uri()).isEqualTo("https://cdn.example/init.mp4?t=T1");
        assertThat(p.defines()).hasSize(3);
    }

    @Test
    void undefinedVariableIsAnErrorInStrictMode() {
        String text = "#EXTM3U\n#EXT-X-VERSION:8\n#EXT-X-DEFINE:NAME=\"a\",VALUE=\"1\"\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\n{$b}.ts\n";
        assertThatThrownBy(() -> Playlist.parse(text)).isInstanceOfSatisfying(PlaylistException.class, e -> {
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.field()).isEqualTo("URI");
        });
        MediaPlaylist lenient = (MediaPlaylist) PlaylistParser.lenient().parse(text).playlist();
        assertThat(lenient.segments().get(0).uri()).isEqualTo("{$b}.ts");
    }

    @Test
    void variableExpansionIsBounded() {
        StringBuilder b = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:8\n#EXT-X-DEFINE:NAME=\"a\",VALUE=\"" + "x".repeat(1000) + "\"\n");
        b.append("#EXT-X-TARGETDURATION:4\n");
        for (int i = 0; i < 20; i++) {
            b.append("#EXTINF:4,\n").append("{$a}".repeat(100)).append('\n');
        }
        PlaylistParser parser = PlaylistParser.strict().withLimits(PlaylistLimits.defaults().withMaxVariableExpansion(1_000_000));
        assertThatThrownBy(() -> parser.parse(b)).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limitName()).isEqualTo("PlaylistLimits.maxVariableExpansion()");
            assertThat(e.module()).isEqualTo("hls");
            assertThat(e.field()).isEqualTo("line 26 variable expansion");
            assertThat(e.limit()).isEqualTo(1_000_000);
            assertThat(e.offset()).as("start of line 26").isEqualTo(lineStart(b.toString(), 26));
        });
    }

    static int lineStart(String text, int line) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at;
    }

    @Test
    void limitsFailFastWithTheLimitName() {
        PlaylistLimits small = PlaylistLimits.defaults().withMaxLineLength(64).withMaxEntries(5).withMaxPlaylistBytes(1000);
        assertThatThrownBy(() -> PlaylistParser.lenient().withLimits(small).parse(("#EXTM3U\n" + "x".repeat(65)).getBytes()))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("PlaylistLimits.maxLineLength()");
                    assertThat(e.field()).isEqualTo("line 2 length");
                    assertThat(e.offset()).isEqualTo(8);
                    assertThat(e.module()).isEqualTo("hls");
                    assertThat(e.getMessage()).contains("see PlaylistLimits.maxLineLength()");
                });
        assertThatThrownBy(() -> PlaylistParser.lenient().withLimits(small).parse("#EXTM3U\na\nb\nc\nd\ne\nf\n"))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("PlaylistLimits.maxEntries()");
                    assertThat(e.field()).isEqualTo("line 6 entry count");
                    assertThat(e.offset()).isEqualTo(16);
                    assertThat(e.actual()).isEqualTo(6);
                });
        assertThatThrownBy(() -> PlaylistParser.lenient().withLimits(small).parse(new byte[1001]))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.limitName()).isEqualTo("PlaylistLimits.maxPlaylistBytes()");
                    assertThat(e.actual()).isEqualTo(1001);
                });
    }

    @Test
    void llHlsTags() {
        String text = """
                #EXTM3U
                #EXT-X-VERSION:9
                #EXT-X-TARGETDURATION:4
                #EXT-X-PART-INF:PART-TARGET=1.002
                #EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,CAN-SKIP-UNTIL=24,PART-HOLD-BACK=3.012
                #EXT-X-MEDIA-SEQUENCE:10
                #EXT-X-SKIP:SKIPPED-SEGMENTS=5
                #EXTINF:4,
                s15.mp4
                #EXT-X-PART:DURATION=1.002,URI="s16.0.mp4",INDEPENDENT=YES
                #EXT-X-PART:DURATION=1.002,URI="s16.1.mp4",BYTERANGE="1000@0"
                #EXT-X-PRELOAD-HINT:TYPE=PART,URI="s16.2.mp4"
                #EXT-X-RENDITION-REPORT:URI="../alt/index.m3u8",LAST-MSN=15,LAST-PART=1
                """;
        MediaPlaylist p = (MediaPlaylist) Playlist.parse(text);
        assertThat(p.segments().get(0).mediaSequenceNumber()).isEqualTo(15);
        assertThat(p.trailingParts()).hasSize(2);
        assertThat(p.trailingParts().get(0).independent()).isTrue();
        assertThat(p.trailingParts().get(1).byteRange()).isEqualTo(new ByteRange(1000, 0));
        assertThat(p.preloadHints().get(0).uri()).isEqualTo("s16.2.mp4");
        assertThat(p.renditionReports().get(0).lastPart()).isEqualTo(1);
        assertThat(p.serverControl().canBlockReload()).isTrue();
        assertThat(p.partInf().partTarget()).isEqualTo(1.002);
        assertThat(p.write()).isEqualTo(text);
    }

    @Test
    void dateRangeScte35AndNonStandardCues() {
        String text = """
                #EXTM3U
                #EXT-X-TARGETDURATION:10
                #EXT-X-PROGRAM-DATE-TIME:2014-03-05T11:14:00Z
                #EXT-X-DATERANGE:ID="splice-6FFFFFF0",START-DATE="2014-03-05T11:15:00Z",PLANNED-DURATION=59.993,SCTE35-OUT=0xFC002F0000,X-COM-EXAMPLE="a",CLASS="com.apple.hls.interstitial",X-ASSET-URI="ad.m3u8",X-RESUME-OFFSET=0
                #EXT-X-CUE-OUT:DURATION=30
                #EXT-OATCLS-SCTE35:/DAlAAAAAAAAAP/wFAUAAAABf+/+AAAAAH4AKTLgAAEAAAAAaEzvMA==
                #EXTINF:10,
                a.ts
                #EXT-X-CUE-OUT-CONT:ElapsedTime=10,Duration=30
                #EXTINF:10,
                b.ts
                #EXT-X-CUE-IN
                #EXTINF:10,
                c.ts
                """;
        MediaPlaylist p = (MediaPlaylist) Playlist.parse(text);
        DateRange d = p.dateRanges().get(0);
        assertThat(d.id()).isEqualTo("splice-6FFFFFF0");
        assertThat(d.plannedDuration()).isEqualTo(59.993);
        assertThat(d.scte35Out()).startsWith((byte) 0xFC, (byte) 0x00, (byte) 0x2F);
        assertThat(d.clientAttributes()).extracting(Attribute::name).containsExactly("X-COM-EXAMPLE", "X-ASSET-URI", "X-RESUME-OFFSET");
        assertThat(d.isInterstitial()).isTrue();
        assertThat(d.assetUri()).isEqualTo("ad.m3u8");
        assertThat(d.startInstant()).isEqualTo(Instant.parse("2014-03-05T11:15:00Z"));
        assertThat(p.lines()).contains(new RawTag(TagName.EXT_X_CUE_OUT, "DURATION=30"), new RawTag(TagName.EXT_X_CUE_IN, null));
        RawTag cont = (RawTag) p.segments().get(1).lines().get(0);
        assertThat(cont.durationSeconds()).isEqualTo(30.0);
        assertThat(p.write()).isEqualTo(text);
    }

    @Test
    void emptyAndHeaderOnlyPlaylists() {
        assertThat(PlaylistParser.lenient().parse("").playlist()).isInstanceOf(MediaPlaylist.class);
        assertThat(PlaylistParser.lenient().parse("").diagnostics()).extracting(Diagnostic::field).contains("EXTM3U");
        assertThatThrownBy(() -> Playlist.parse("")).isInstanceOf(PlaylistException.class);
    }

    @Test
    void minimumVersionIsComputed() {
        Playlist p = PlaylistParser.lenient().parse("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXT-X-MAP:URI=\"i.mp4\"\n#EXTINF:3.5,\na.mp4\n")
                .playlist();
        assertThat(PlaylistWriter.minimumVersion(p)).isEqualTo(6);
        Playlist fixed = PlaylistWriter.withMinimumVersion(p);
        assertThat(fixed.write()).startsWith("#EXTM3U\n#EXT-X-VERSION:6\n");
        assertThat(PlaylistValidator.validate(fixed)).isEmpty();
    }
}
