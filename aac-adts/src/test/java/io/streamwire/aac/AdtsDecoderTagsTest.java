package io.streamwire.aac;

import static io.streamwire.aac.AdtsDecoderTest.concat;
import static io.streamwire.aac.AdtsDecoderTest.decode;
import static io.streamwire.aac.AdtsDecoderTest.frame;
import static io.streamwire.aac.AdtsDecoderTest.id3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tags that end {@code .aac} files (APEv2 as {@code ffmpeg -write_apetag 1} writes it, ID3v1)
 * confirm the frame before them as a next header would, and reach the listener.
 */
class AdtsDecoderTagsTest {

    /** An APEv2 tag with header and footer (as ffmpeg's apetag writer lays it out) holding one text item. */
    static byte[] apeTag(String key, String value) {
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        int size = 8 + k.length + 1 + v.length + 32; // items and footer
        ByteBuffer out = ByteBuffer.allocate(32 + size).order(ByteOrder.LITTLE_ENDIAN);
        out.put("APETAGEX".getBytes(StandardCharsets.US_ASCII)) // preamble
                .putInt(2000)                                   // version
                .putInt(size)                                   // tag size: items + footer
                .putInt(1)                                      // item count
                .putInt(0xA0000000)                             // flags: contains header, is header
                .putLong(0);                                    // reserved
        out.putInt(v.length).putInt(0).put(k).put((byte) 0).put(v); // item: value size, flags, key, 0, value
        out.put("APETAGEX".getBytes(StandardCharsets.US_ASCII)).putInt(2000).putInt(size).putInt(1)
                .putInt(0x80000000)                             // flags: contains header (this is the footer)
                .putLong(0);
        return out.array();
    }

    /** An ID3v1 tag: "TAG", title, artist, album (30 each), year (4), comment (30), genre (1). */
    static byte[] id3v1(String title) {
        byte[] tag = new byte[128];
        tag[0] = 'T';
        tag[1] = 'A';
        tag[2] = 'G';
        byte[] t = title.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, tag, 3, Math.min(30, t.length));
        tag[127] = (byte) 255; // genre: none
        return tag;
    }

    static void assertEverySplit(byte[] stream, List<String> expected) {
        for (Chunks.Split split : Chunks.splits(stream, 4)) {
            for (Chunks.Kind kind : Chunks.Kind.values()) {
                assertThat(decode(split.pieces(), kind, AacLimits.defaults())).as(split + " " + kind).isEqualTo(expected);
            }
        }
    }

    @Test
    void lastFrameBeforeAnApeTagIsDelivered() {
        byte[] ape = apeTag("Title", "sine");
        assertEverySplit(concat(frame(4, 2, 20, 0x11), frame(4, 2, 3, 0x22), ape), List.of(
                "frame@0 len=27 payload=20 sr=44100 ch=2",
                "frame@27 len=10 payload=3 sr=44100 ch=2",
                "ape@37 size=" + ape.length + " first=A"));
    }

    @Test
    void lastFrameBeforeAnId3v1TagIsDelivered() {
        assertEverySplit(concat(frame(4, 2, 20, 0x11), frame(4, 2, 3, 0x22), id3v1("sine")), List.of(
                "frame@0 len=27 payload=20 sr=44100 ch=2",
                "frame@27 len=10 payload=3 sr=44100 ch=2",
                "id3v1@37 size=128 first=T"));
    }

    @Test
    void apeTagThenId3v1TagAsTaggersWriteThem() {
        byte[] ape = apeTag("Artist", "nobody");
        assertEverySplit(concat(id3(5), frame(3, 1, 8, 0x54), ape, id3v1("x")), List.of(
                "id3@0 size=15 first=I",
                "frame@15 len=15 payload=8 sr=48000 ch=1",
                "ape@30 size=" + ape.length + " first=A",
                "id3v1@" + (30 + ape.length) + " size=128 first=T"));
    }

    @Test
    void tagTextThatIsNotATagIsDiscardedAsBefore() {
        // "TAG" not followed by exactly 125 bytes and the end, "APETAGEX" with the footer's flags
        // (no header: its items would come first) and a version 1000 header are not tags.
        byte[] notId3v1 = Arrays.copyOf(id3v1("x"), 129);
        byte[] footerFirst = apeTag("A", "b");
        footerFirst[23] = (byte) 0x80;
        byte[] version1 = apeTag("A", "b");
        version1[8] = (byte) 0xE8;
        version1[9] = 0x03;
        for (byte[] trailer : List.of(notId3v1, Arrays.copyOf(id3v1("x"), 127), footerFirst, version1)) {
            List<String> events = decode(List.of(concat(frame(4, 2, 5, 0), frame(4, 2, 5, 0), trailer)),
                    Chunks.Kind.HEAP, AacLimits.defaults());
            assertThat(events).containsExactly("frame@0 len=12 payload=5 sr=44100 ch=2",
                    "BYTES_DISCARDED@12 " + (12 + trailer.length) + " bytes");
        }
    }

    @Test
    void apeTagSizeLimitIsCheckedBeforeBuffering() {
        byte[] header = Arrays.copyOf(apeTag("A", "b"), 32);
        header[12] = (byte) 0xF0; // tag size 0xFFFFFFF0: about 4 GiB declared, none of it sent
        header[13] = (byte) 0xFF;
        header[14] = (byte) 0xFF;
        header[15] = (byte) 0xFF;
        AdtsDecoder decoder = new AdtsDecoder(f -> {});
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(concat(frame(4, 2, 5, 0), header))))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> {
                    assertThat(e.module()).isEqualTo("aac");
                    assertThat(e.field()).isEqualTo("apev2 tag size");
                    assertThat(e.limitName()).isEqualTo("AacLimits.maxId3TagSize()");
                    assertThat(e.actual()).isEqualTo(0xFFFFFFF0L + 32);
                    assertThat(e.offset()).isEqualTo(12);
                });
    }

    @Test
    void truncatedApeTagFailsAtEndOfInput() {
        AdtsDecoder decoder = new AdtsDecoder(f -> {});
        byte[] ape = apeTag("Title", "sine");
        decoder.feed(ByteBuffer.wrap(concat(frame(4, 2, 5, 0), Arrays.copyOf(ape, ape.length - 1))));
        assertThatThrownBy(decoder::endOfInput).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
            assertThat(e.field()).isEqualTo("apev2 tag");
            assertThat(e.offset()).isEqualTo(12);
        });
    }

    @Test
    void largeFeedsEndingInsideAFrameCarryOnlyThatFrame() {
        // 3 MB of frames cut inside the last one, then the rest: the bytes carried between the feeds
        // are the cut frame's, however far into the first buffer it starts.
        byte[] one = frame(4, 2, 993, 0x5A); // 1000 bytes
        byte[] stream = new byte[3_000_000];
        for (int at = 0; at < stream.length; at += one.length) {
            System.arraycopy(one, 0, stream, at, one.length);
        }
        AdtsDecoderTest.Recorder recorder = new AdtsDecoderTest.Recorder();
        AdtsDecoder decoder = new AdtsDecoder(recorder);
        int cut = stream.length - 1_500_500;
        decoder.feed(ByteBuffer.wrap(stream, 0, cut));
        decoder.feed(ByteBuffer.wrap(stream, cut, stream.length - cut));
        decoder.endOfInput();
        assertThat(recorder.events).hasSize(3000).allMatch(e -> e.startsWith("frame@"));
    }
}
