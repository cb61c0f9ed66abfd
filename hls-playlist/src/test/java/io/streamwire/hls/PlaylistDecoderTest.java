package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlaylistDecoderTest {

    static ParseResult feed(PlaylistParser parser, Chunks.Split split, Chunks.Kind kind) {
        PlaylistDecoder d = parser.newDecoder();
        for (byte[] piece : split.pieces()) {
            ByteBuffer b = kind.wrap(piece);
            d.feed(b);
            assertThat(b.hasRemaining()).isFalse();
        }
        return d.endOfInput();
    }

    @Test
    void outputDoesNotDependOnHowInputIsSplit() {
        String text = "\uFEFF" + PlaylistParserTest.MEDIA.replace("\n", "\r\n").replace("first", "Grüße 日本").stripTrailing();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ParseResult whole = PlaylistParser.strict().parse(bytes);
        for (Chunks.Split split : Chunks.splits(bytes, 8)) {
            for (Chunks.Kind kind : Chunks.Kind.values()) {
                assertThat(feed(PlaylistParser.strict(), split, kind)).as(split + " " + kind).isEqualTo(whole);
            }
        }
    }

    @Test
    void lenientDiagnosticsCarryTheSamePositionsHoweverSplit() {
        byte[] bytes = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:9,\na.ts\n#EXT-X-FOO\n#EXTINF:x,\nb.ts".getBytes(StandardCharsets.UTF_8);
        ParseResult whole = PlaylistParser.lenient().parse(bytes);
        assertThat(whole.diagnostics()).isNotEmpty();
        for (Chunks.Split split : Chunks.splits(bytes, 9)) {
            assertThat(feed(PlaylistParser.lenient(), split, Chunks.Kind.HEAP)).as(split.name()).isEqualTo(whole);
        }
    }

    @Test
    void partialLineIsBoundedByMaxLineLength() {
        PlaylistDecoder d = PlaylistParser.lenient().withLimits(PlaylistLimits.defaults().withMaxLineLength(100)).newDecoder();
        d.feed(ByteBuffer.wrap("#EXTM3U\n".getBytes(StandardCharsets.UTF_8)));
        d.feed(ByteBuffer.wrap(new byte[60]));
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(new byte[60]))).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limitName()).isEqualTo("maxLineLength");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.offset()).isEqualTo(8);
        });
        assertThatThrownBy(d::endOfInput).isInstanceOf(IllegalStateException.class);
        d.reset();
        d.feed(ByteBuffer.wrap("#EXTM3U\n#EXT-X-TARGETDURATION:1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(d.endOfInput().playlist()).isInstanceOf(MediaPlaylist.class);
    }

    @Test
    void totalBytesAreBounded() {
        PlaylistDecoder d = PlaylistParser.lenient().withLimits(PlaylistLimits.defaults().withMaxPlaylistBytes(10)).newDecoder();
        d.feed(ByteBuffer.wrap(new byte[6]));
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(new byte[6]))).isInstanceOfSatisfying(LimitExceededException.class,
                e -> assertThat(e.limitName()).isEqualTo("maxPlaylistBytes"));
    }
}
