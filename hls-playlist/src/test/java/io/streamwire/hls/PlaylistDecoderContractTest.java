package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.testkit.DecoderContract;
import io.streamwire.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared push-decoder contract ({@link DecoderContract}) on ffmpeg's playlists under
 * {@code fixtures/hls/}: lenient decoders built with the public constructors (failing only past a
 * limit) and strict decoders from {@link PlaylistParser#newDecoder} (failing at a rule violation).
 */
class PlaylistDecoderContractTest {

    /** A decoder made by {@code make} whose listener records every event. */
    static DecoderContract.Subject subject(Function<PlaylistDecoder.Listener, PlaylistDecoder> make) {
        List<Object> events = new ArrayList<>();
        PlaylistDecoder decoder = make.apply(new PlaylistDecoder.Listener() {
            @Override
            public void onAnomaly(Anomaly<HlsAnomalyKind> anomaly) {
                events.add(anomaly);
            }

            @Override
            public void onPlaylist(Playlist playlist) {
                events.add(playlist);
            }
        });
        return new DecoderContract.Subject() {
            @Override
            public PlaylistDecoder decoder() {
                return decoder;
            }

            @Override
            public List<Object> events() {
                return events;
            }
        };
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ts.m3u8", "fmp4.m3u8", "single.m3u8", "multi.m3u8", "v0.m3u8", "v1.m3u8", "vaudio.m3u8"})
    void lenientDecoderFailsOnlyPastALimit(String fixture) {
        byte[] valid = Fixtures.bytes("hls/" + fixture);
        PlaylistLimits limits = PlaylistLimits.defaults().withMaxLineLength(256);
        byte[] invalid = utf8(new String(valid, StandardCharsets.UTF_8) + "#" + "x".repeat(300) + "\n");
        new DecoderContract("hls", () -> subject(l -> new PlaylistDecoder(l, limits)), valid, invalid).verify();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ts.m3u8", "fmp4.m3u8", "single.m3u8", "multi.m3u8", "v0.m3u8", "v1.m3u8", "vaudio.m3u8"})
    void strictDecoderFailsAtARuleViolation(String fixture) {
        byte[] valid = Fixtures.bytes("hls/" + fixture);
        String text = new String(valid, StandardCharsets.UTF_8);
        assertThat(text).startsWith("#EXTM3U\n");
        byte[] invalid = utf8("#EXTM3U:not-a-marker\n" + text.substring("#EXTM3U\n".length()));
        new DecoderContract("hls", () -> subject(l -> PlaylistParser.strict().newDecoder(l)), valid, invalid).verify();
    }

    @Test
    void lenientDecoderWithAnomalies() {
        // ffmpeg's TS playlist with rule violations a lenient decoder steps over: an unreadable tag,
        // white space around a URI, a lone CR, an EXTINF above the target duration
        String text = new String(Fixtures.bytes("hls/ts.m3u8"), StandardCharsets.UTF_8)
                .replace("#EXT-X-ENDLIST\n", "#EXT-X-DISCONTINUITY-SEQUENCE:x\n#EXTINF:9,\n seg4.ts \n#EXTINF:1,\rseg5.ts\n#EXT-X-ENDLIST\n");
        byte[] valid = utf8(text);
        List<Object> events = new ArrayList<>(subjectEvents(valid));
        List<Object> kinds = events.stream().filter(Anomaly.class::isInstance).map(e -> (Object) ((Anomaly<?>) e).kind()).toList();
        assertThat(kinds).contains(HlsAnomalyKind.MALFORMED_TAG, HlsAnomalyKind.WHITE_SPACE, HlsAnomalyKind.LONE_CARRIAGE_RETURN,
                        HlsAnomalyKind.TIMING);
        byte[] invalid = utf8(text + "#" + "x".repeat(300));
        PlaylistLimits limits = PlaylistLimits.defaults().withMaxLineLength(256);
        new DecoderContract("hls", () -> subject(l -> new PlaylistDecoder(l, limits)), valid, invalid).verify();
    }

    private static List<Object> subjectEvents(byte[] input) {
        DecoderContract.Subject s = subject(PlaylistDecoder::new);
        s.decoder().feed(java.nio.ByteBuffer.wrap(input));
        s.decoder().endOfInput();
        return s.events();
    }
}
