package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.Anomaly;
import io.streamwire.core.LimitExceededException;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistDecoderTest {

    /** What a decoder reported: the playlist and the anomalies before it. */
    record Decoded(Playlist playlist, List<Anomaly<HlsAnomalyKind>> anomalies) {
        /** What a decoder must report for the playlist and diagnostics of a whole-input parse. */
        static Decoded of(ParseResult r) {
            return new Decoded(r.playlist(), r.diagnostics().stream().map(Diagnostic::toAnomaly).toList());
        }
    }

    /** Records every event in order. */
    static final class Recorder implements PlaylistDecoder.Listener {
        final List<Object> events = new ArrayList<>();

        @Override
        public void onAnomaly(Anomaly<HlsAnomalyKind> anomaly) {
            events.add(anomaly);
        }

        @Override
        public void onPlaylist(Playlist playlist) {
            events.add(playlist);
        }

        /** The events as a {@link Decoded}; fails unless there is exactly one playlist, last. */
        @SuppressWarnings("unchecked")
        Decoded decoded() {
            assertThat(events).isNotEmpty();
            assertThat(events.get(events.size() - 1)).isInstanceOf(Playlist.class);
            List<Anomaly<HlsAnomalyKind>> anomalies = new ArrayList<>();
            for (Object e : events.subList(0, events.size() - 1)) {
                assertThat(e).isInstanceOf(Anomaly.class);
                anomalies.add((Anomaly<HlsAnomalyKind>) e);
            }
            return new Decoded((Playlist) events.get(events.size() - 1), anomalies);
        }
    }

    static Decoded decode(PlaylistParser parser, Chunks.Split split, Chunks.Kind kind) {
        Recorder recorder = new Recorder();
        PlaylistDecoder d = parser.newDecoder(recorder);
        long fed = 0;
        for (byte[] piece : split.pieces()) {
            ByteBuffer b = kind.wrap(piece);
            d.feed(b);
            assertThat(b.hasRemaining()).isFalse();
            fed += piece.length;
            assertThat(d.position()).isEqualTo(fed);
        }
        d.endOfInput();
        return recorder.decoded();
    }

    /** The decoder's report for {@code bytes} fed seven bytes at a time. */
    static Decoded decodeInSevens(PlaylistParser parser, byte[] bytes) {
        return decode(parser, new Chunks.Split("sevens", Chunks.fixed(bytes, 7)), Chunks.Kind.HEAP);
    }

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void outputDoesNotDependOnHowInputIsSplit() {
        String text = "\uFEFF" + PlaylistParserTest.MEDIA.replace("\n", "\r\n").replace("first", "Grüße 日本").stripTrailing();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Decoded whole = Decoded.of(PlaylistParser.strict().parse(bytes));
        for (Chunks.Split split : Chunks.splits(bytes, 8)) {
            for (Chunks.Kind kind : Chunks.Kind.values()) {
                assertThat(decode(PlaylistParser.strict(), split, kind)).as(split + " " + kind).isEqualTo(whole);
            }
        }
    }

    @Test
    void lenientAnomaliesCarryTheSamePositionsHoweverSplit() {
        byte[] bytes = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:9,\na.ts\n#EXT-X-FOO\n#EXTINF:x,\nb.ts".getBytes(StandardCharsets.UTF_8);
        ParseResult parsed = PlaylistParser.lenient().parse(bytes);
        assertThat(parsed.diagnostics()).isNotEmpty();
        Decoded whole = Decoded.of(parsed);
        assertThat(whole.anomalies()).extracting(Anomaly::kind).contains(HlsAnomalyKind.MALFORMED_TAG, HlsAnomalyKind.TIMING);
        for (Chunks.Split split : Chunks.splits(bytes, 9)) {
            assertThat(decode(PlaylistParser.lenient(), split, Chunks.Kind.HEAP)).as(split.name()).isEqualTo(whole);
        }
    }

    @Test
    void anomalyCarriesKindOffsetAndTheDiagnosticText() {
        Recorder r = new Recorder();
        PlaylistDecoder d = new PlaylistDecoder(r);
        d.feed(utf8("#EXTM3U\n#EXT-X-TARGETDURATION:x\n"));
        // a line's anomaly arrives when the line is complete, before endOfInput
        assertThat(r.events).containsExactly(new Anomaly<>(HlsAnomalyKind.MALFORMED_TAG, 8 + 22,
                "EXT-X-TARGETDURATION value 'x' is not a decimal-integer at line 2, column 23; RFC 8216bis §4.4.3.1"));
        d.endOfInput();
        assertThat(r.decoded().anomalies()).extracting(Anomaly::kind)
                .containsExactly(HlsAnomalyKind.MALFORMED_TAG, HlsAnomalyKind.STRUCTURE);
    }

    @Test
    void byteOrderMarkCountsInOffsets() {
        byte[] bytes = "\uFEFF#EXTM3U:x\n#EXT-X-TARGETDURATION:4\n".getBytes(StandardCharsets.UTF_8);
        ParseResult parsed = PlaylistParser.lenient().parse(bytes);
        assertThat(parsed.diagnostics()).first().satisfies(diagnostic -> {
            assertThat(diagnostic.line()).isEqualTo(1);
            assertThat(diagnostic.column()).isEqualTo(9);
            assertThat(diagnostic.offset()).isEqualTo(3 + 8);
        });
        assertThat(decodeInSevens(PlaylistParser.lenient(), bytes)).isEqualTo(Decoded.of(parsed));
    }

    @Test
    void malformedUtf8IsAnAnomalyInLenientMode() {
        byte[] bad = "#EXTM3U\n#EXT-X-TARGETDURATION:5\n#EXTINF:5,\nx\u00ff.ts\n".getBytes(StandardCharsets.ISO_8859_1);
        ParseResult parsed = PlaylistParser.lenient().parse(bad);
        assertThat(parsed.diagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.kind()).isEqualTo(HlsAnomalyKind.MALFORMED_UTF8);
            assertThat(diagnostic.line()).isEqualTo(4);
        });
        assertThat(((MediaPlaylist) parsed.playlist()).segments().get(0).uri()).isEqualTo("x\uFFFD.ts");
        assertThat(decodeInSevens(PlaylistParser.lenient(), bad)).isEqualTo(Decoded.of(parsed));
        assertThatThrownBy(() -> decodeInSevens(PlaylistParser.strict(), bad)).isInstanceOfSatisfying(PlaylistException.class,
                e -> assertThat(e.line()).isEqualTo(4));
    }

    @Test
    void partialLineIsBoundedByMaxLineLength() {
        Recorder r = new Recorder();
        PlaylistDecoder d = new PlaylistDecoder(r, PlaylistLimits.defaults().withMaxLineLength(100));
        d.feed(utf8("#EXTM3U\n"));
        d.feed(ByteBuffer.wrap(new byte[60]));
        LimitExceededException thrown = (LimitExceededException) org.assertj.core.api.Assertions.catchThrowable(
                () -> d.feed(ByteBuffer.wrap(new byte[60])));
        assertThat(thrown.limitName()).isEqualTo("PlaylistLimits.maxLineLength()");
        assertThat(thrown.field()).isEqualTo("line 2 length");
        assertThat(thrown.offset()).isEqualTo(8);
        assertThat(thrown.module()).isEqualTo("hls");
        assertThat(thrown.getMessage()).contains("see PlaylistLimits.maxLineLength()");
        assertThatThrownBy(d::endOfInput).isInstanceOf(IllegalStateException.class).hasCause(thrown)
                .hasMessageContaining(thrown.getMessage());
        assertThat(d.position()).isEqualTo(68);
        d.reset();
        assertThat(d.position()).isZero();
        d.feed(utf8("#EXTM3U\n#EXT-X-TARGETDURATION:1\n"));
        d.endOfInput();
        assertThat(r.events.get(r.events.size() - 1)).isInstanceOf(MediaPlaylist.class);
    }

    @Test
    void aLineOfExactlyTheMaximumLengthIsAcceptedWithCrlfAndByteOrderMark() {
        PlaylistLimits limits = PlaylistLimits.defaults().withMaxLineLength(24);
        String line = "#EXT-X-TARGETDURATION:10"; // 24 characters
        for (String text : List.of("\uFEFF" + line + "\r\n#EXTM3U\r\n", "#EXTM3U\r\n" + line + "\r\n", "#EXTM3U\n" + line)) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            ParseResult parsed = PlaylistParser.lenient().withLimits(limits).parse(bytes);
            assertThat(parsed.playlist().lines()).as(text).contains(IntegerTag.targetDuration(10));
            for (int size = 1; size <= bytes.length; size++) {
                Recorder r = new Recorder();
                PlaylistDecoder d = new PlaylistDecoder(r, limits);
                for (int i = 0; i < bytes.length; i += size) {
                    d.feed(ByteBuffer.wrap(bytes, i, Math.min(size, bytes.length - i)));
                }
                d.endOfInput();
                assertThat(r.decoded()).as(text + " in pieces of " + size).isEqualTo(Decoded.of(parsed));
            }
        }
        // one byte more is refused by both, naming the line
        for (String text : List.of("#EXTM3U\r\n" + line + "0\r\n", "#EXTM3U\n" + line + "0")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> PlaylistParser.lenient().withLimits(limits).parse(bytes))
                    .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.field()).isEqualTo("line 2 length"));
            assertThatThrownBy(() -> decodeInSevens(PlaylistParser.lenient().withLimits(limits), bytes))
                    .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.field()).isEqualTo("line 2 length"));
        }
    }

    @Test
    void totalBytesAreBoundedBeforeAnythingIsConsumed() {
        PlaylistDecoder d = new PlaylistDecoder(new Recorder(), PlaylistLimits.defaults().withMaxPlaylistBytes(10));
        d.feed(ByteBuffer.wrap(new byte[6]));
        ByteBuffer more = ByteBuffer.wrap(new byte[6]);
        assertThatThrownBy(() -> d.feed(more)).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limitName()).isEqualTo("PlaylistLimits.maxPlaylistBytes()");
            assertThat(e.actual()).isEqualTo(12);
            assertThat(e.offset()).isEqualTo(10);
        });
        assertThat(more.position()).isZero();
        assertThat(d.position()).isEqualTo(6);
    }

    @Test
    void secondEndOfInputDoesNothingAndFeedAfterItThrows() {
        Recorder r = new Recorder();
        PlaylistDecoder d = new PlaylistDecoder(r);
        d.feed(utf8("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\na.ts"));
        d.endOfInput();
        assertThat(r.events).hasSize(1);
        d.endOfInput();
        assertThat(r.events).hasSize(1);
        assertThatThrownBy(() -> d.feed(utf8("b.ts\n"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("endOfInput");
        assertThatThrownBy(() -> d.feed(ByteBuffer.allocate(0))).isInstanceOf(IllegalStateException.class);
        assertThat(d.position()).isEqualTo(47);
        d.reset();
        d.feed(utf8("#EXTM3U\n#EXT-X-TARGETDURATION:4\n"));
        d.endOfInput();
        assertThat(r.events).hasSize(2);
        assertThat(((MediaPlaylist) r.events.get(1)).segments()).isEmpty();
    }

    @Test
    void strictDecoderFailsAtTheFirstViolationAndStaysFailed() {
        Recorder r = new Recorder();
        PlaylistDecoder d = PlaylistParser.strict().newDecoder(r);
        d.feed(utf8("#EXTM3U\n#EXT-X-TARGETDURATION:4\n"));
        PlaylistException first = (PlaylistException) org.assertj.core.api.Assertions.catchThrowable(
                () -> d.feed(utf8("#EXTINF:x,\na.ts\n")));
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.field()).isEqualTo("EXTINF");
        assertThat(first.module()).isEqualTo("hls");
        assertThatThrownBy(() -> d.feed(utf8("b.ts\n"))).isInstanceOf(IllegalStateException.class).hasCause(first);
        assertThatThrownBy(d::endOfInput).isInstanceOf(IllegalStateException.class).hasCause(first);
        assertThat(r.events).isEmpty();
    }

    @Test
    void strictPlaylistWideRuleFailsAtEndOfInput() {
        PlaylistDecoder d = PlaylistParser.strict().newDecoder(new Recorder());
        d.feed(utf8("#EXTM3U\n#EXTINF:4,\na.ts\n"));
        assertThatThrownBy(d::endOfInput).isInstanceOfSatisfying(PlaylistException.class,
                e -> assertThat(e.field()).isEqualTo("EXT-X-TARGETDURATION"));
        assertThatThrownBy(d::endOfInput).isInstanceOf(IllegalStateException.class).hasMessageContaining("EXT-X-TARGETDURATION");
    }

    @Test
    void listenerExceptionPropagatesAndFailsTheDecoder() {
        IllegalStateException boom = new IllegalStateException("listener bug");
        PlaylistDecoder d = new PlaylistDecoder(new PlaylistDecoder.Listener() {
            @Override
            public void onPlaylist(Playlist playlist) {
                throw boom;
            }
        });
        d.feed(utf8("#EXTM3U\n#EXT-X-TARGETDURATION:4\n"));
        assertThatThrownBy(d::endOfInput).isSameAs(boom);
        assertThatThrownBy(d::endOfInput).isInstanceOf(IllegalStateException.class).hasCause(boom);
        assertThatThrownBy(() -> d.feed(ByteBuffer.allocate(0))).isInstanceOf(IllegalStateException.class).hasCause(boom);
    }

    @Test
    void parserConfigurationReachesTheDecoder() {
        String text = "#EXTM3U\n#EXT-X-VERSION:8\n#EXT-X-DEFINE:IMPORT=\"host\"\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\n{$host}/a.ts\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        PlaylistParser parser = PlaylistParser.strict().withParentVariables(java.util.Map.of("host", "https://cdn"));
        Decoded decoded = decodeInSevens(parser, bytes);
        assertThat(((MediaPlaylist) decoded.playlist()).segments().get(0).uri()).isEqualTo("https://cdn/a.ts");
        assertThat(decoded).isEqualTo(Decoded.of(parser.parse(bytes)));
    }

    @Test
    void listenerIsRequired() {
        assertThatThrownBy(() -> new PlaylistDecoder(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PlaylistDecoder(new Recorder(), (PlaylistLimits) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> PlaylistParser.lenient().newDecoder(null)).isInstanceOf(NullPointerException.class);
    }
}
