package io.streamwire.examples.origin;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.hls.ParseResult;
import io.streamwire.hls.PlaylistParser;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.List;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer targets for what the origin reads from the network: publishers' FLV tag bodies through both
 * packagers and the MP4 recorder (only a {@code StreamwireException} may escape, and the playlist stays
 * parseable), FLV sequence headers from publishers
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

    private static final List<List<CmafFixtures.Tag>> FIXTURES = List.of(CmafFixtures.tags(CmafFixtures.AVC),
            CmafFixtures.tags(CmafFixtures.HEVC), CmafFixtures.tags(CmafFixtures.AV1));

    /** A fixture's first tags (sequence headers and frames), then tags made of the fuzzer's bytes, into both packagers. */
    @FuzzTest(maxDuration = "60s")
    void publishedTags(FuzzedDataProvider in) {
        List<CmafFixtures.Tag> fixture = FIXTURES.get(in.consumeInt(0, FIXTURES.size() - 1));
        int replay = in.consumeInt(0, Math.min(40, fixture.size()));
        OriginConfig config = CmafFixtures.config(1, 0.2);
        Packager[] packagers = {new CmafPackager("f", config, 0, 0), new HlsPackager("f", config, 0, 0)};
        long ts = 0;
        for (int i = 0; i < replay; i++) {
            CmafFixtures.Tag t = fixture.get(i);
            feed(packagers, t.type(), t.ms(), t.body());
            ts = t.ms();
        }
        while (in.remainingBytes() > 0) {
            int type = in.consumeBoolean() ? 9 : 8;
            ts = Math.max(0, ts + in.consumeInt(-50, 200));
            if (in.consumeInt(0, 15) == 0) {
                packagers[in.consumeInt(0, 1)].pause();
                packagers[0].resume(CmafFixtures.T0);
            }
            feed(packagers, type, ts, in.consumeBytes(in.consumeInt(0, 4096)));
        }
        for (Packager p : packagers) {
            p.finish();
            ParseResult parsed = PlaylistParser.strict().parse(p.playlist().write());
            if (!parsed.diagnostics().isEmpty()) {
                throw new AssertionError("playlist broken: " + parsed.diagnostics());
            }
        }
    }

    private static final java.nio.file.Path RECORDS = tempDir();

    private static java.nio.file.Path tempDir() {
        try {
            java.nio.file.Path d = java.nio.file.Files.createTempDirectory("origin-fuzz");
            d.toFile().deleteOnExit();
            return d;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same tags into the MP4 recorder: it must never throw, and what it finishes is a file ffprobe could open. */
    @FuzzTest(maxDuration = "60s")
    void recordedTags(FuzzedDataProvider in) throws java.io.IOException {
        List<CmafFixtures.Tag> fixture = FIXTURES.get(in.consumeInt(0, FIXTURES.size() - 1));
        int replay = in.consumeInt(0, Math.min(40, fixture.size()));
        Mp4FileRecorder r = Mp4FileRecorder.open(RECORDS, "f", CmafFixtures.T0);
        long ts = 0;
        for (int i = 0; i < replay; i++) {
            CmafFixtures.Tag t = fixture.get(i);
            r.write(t.type(), t.ms(), ByteBuffer.wrap(t.body()));
            ts = t.ms();
        }
        while (in.remainingBytes() > 0) {
            ts = Math.max(0, ts + in.consumeInt(-50, 200));
            r.write(in.consumeBoolean() ? 9 : 8, ts, ByteBuffer.wrap(in.consumeBytes(in.consumeInt(0, 4096))));
        }
        r.finish();
        for (java.nio.file.Path f : r.files()) {
            byte[] head = java.nio.file.Files.readAllBytes(f);
            if (head.length < 8 || head[4] != 'f' || head[5] != 't' || head[6] != 'y' || head[7] != 'p') {
                throw new AssertionError("a finished recording that does not start with ftyp: " + f);
            }
            java.nio.file.Files.delete(f);
        }
    }

    private static void feed(Packager[] packagers, int type, long ts, byte[] body) {
        for (Packager p : packagers) {
            try {
                if (type == 9) {
                    p.onVideo(ts, ByteBuffer.wrap(body));
                } else {
                    p.onAudio(ts, ByteBuffer.wrap(body));
                }
            } catch (StreamwireException e) {
                // malformed codec data: the origin counts it and loses the frame (Channel.media)
            }
            if (p.openSegmentBytes() < 0 || p.bytesHeld() < 0) {
                throw new AssertionError("negative byte counts");
            }
        }
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
