package io.streamwire.examples.origin;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.hls.ParseResult;
import io.streamwire.hls.PlaylistParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer targets for what the origin reads from the network: FLV sequence headers from publishers
 * ({@link StreamInfo} must never throw and must keep its fields in range), query strings from players
 * ({@link SignedQuery#verify} must never throw nor accept a forgery) and the query carried into
 * playlists ({@link PlaybackTokens#withQuery} must keep the origin's playlist parseable).
 */
class OriginInputsFuzzTest {
    private static final byte[] KEY = "fuzz-key".getBytes(StandardCharsets.UTF_8);

    @FuzzTest(maxDuration = "60s")
    void streamInfo(byte[] data) {
        for (StreamInfo info : new StreamInfo[] {StreamInfo.video(ByteBuffer.wrap(data)), StreamInfo.audio(ByteBuffer.wrap(data))}) {
            if (info.width() < 0 || info.height() < 0 || info.sampleRate() < 0 || info.channels() < 0
                    || !(info.frameRate() >= 0) || info.codec() == null || info.codecString() == null) {
                throw new AssertionError("out of range: " + info);
            }
        }
        Av1SequenceHeader.fromAv1C(ByteBuffer.wrap(data));
    }

    @FuzzTest(maxDuration = "60s")
    void signedQuery(FuzzedDataProvider in) {
        String name = in.consumeString(70);
        long now = in.consumeLong();
        String query = in.consumeRemainingAsString();
        SignedQuery.Check check = SignedQuery.verify(KEY, "play:" + name + ":", query, now);
        if (check.ok()) {
            throw new AssertionError("forged token accepted: " + query);
        }
        PlaybackTokens.of(KEY).verify(name, query, now);
    }

    @FuzzTest(maxDuration = "60s")
    void withQuery(FuzzedDataProvider in) {
        String query = in.consumeString(200);
        String out = PlaybackTokens.withQuery(PlaybackTokensTest.LL_HLS, query);
        ParseResult parsed = PlaylistParser.strict().parse(out);
        if (!parsed.diagnostics().isEmpty()) {
            throw new AssertionError("query " + query + " broke the playlist: " + parsed.diagnostics());
        }
        PlaybackTokens.withQuery(in.consumeRemainingAsString(), query);
    }
}
