package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Interest;
import io.streamwire.mpegts.psi.Descriptor;
import io.streamwire.mpegts.psi.Pmt;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamTypeTest {

    static Descriptor metadata(String bodyHex) {
        return Descriptor.of(Descriptor.TAG_METADATA, HexFormat.of().parseHex(bodyHex));
    }

    static Descriptor registration(String formatIdentifier) {
        return Descriptor.of(Descriptor.TAG_REGISTRATION, formatIdentifier.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void metadataInPesIsId3OnlyWhenItsFormatIdentifierSaysSo() {
        // metadata_application_format 0x0100, metadata_format 0xFF, metadata_format_identifier "KLVA", service 0, flags
        assertThat(StreamType.of(0x15, List.of(metadata("0100ff4b4c5641000f")))).isEqualTo(StreamType.KLV);
        // Apple's HLS timed metadata: application 0xFFFF "ID3 ", format 0xFF "ID3 "
        assertThat(StreamType.of(0x15, List.of(metadata("ffff49443320ff49443320000f")))).isEqualTo(StreamType.ID3);
        assertThat(StreamType.of(0x15, List.of(registration("ID3 ")))).isEqualTo(StreamType.ID3);
        assertThat(StreamType.of(0x15, List.of(registration("KLVA")))).isEqualTo(StreamType.KLV);
        // no descriptor, another identifier, or a metadata_format without identifier (0x3F: defined by the application)
        assertThat(StreamType.of(0x15, List.of())).isEqualTo(StreamType.OTHER);
        assertThat(StreamType.of(0x15, List.of(metadata("0100ff58595a20000f")))).isEqualTo(StreamType.OTHER);
        assertThat(StreamType.of(0x15, List.of(metadata("ffff494433203f000f")))).isEqualTo(StreamType.OTHER);
        // private data registered as KLV (asynchronous carriage), and the other private registrations as before
        assertThat(StreamType.of(0x06, List.of(registration("KLVA")))).isEqualTo(StreamType.KLV);
        assertThat(StreamType.of(0x06, List.of(registration("ID3 ")))).isEqualTo(StreamType.ID3);
        assertThat(StreamType.of(0x06, List.of(registration("AC-3")))).isEqualTo(StreamType.AC3);
        assertThat(StreamType.KLV.isPes()).isTrue();
    }

    @Test
    void theMuxersId3StreamIsId3() {
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac().withId3(true));
        Pmt.Stream id3 = muxer.pmt().streams().stream().filter(s -> s.streamType() == 0x15).findFirst().orElseThrow();
        assertThat(StreamType.of(id3.streamType(), id3.esInfo())).isEqualTo(StreamType.ID3);
    }

    // ---------------------------------------------------------------- probe

    /** An ADTS frame of {@code length} bytes: MPEG-4 AAC LC, no CRC, {@code sfi}, 2 channels. */
    static byte[] adts(int length, int sfi) {
        byte[] f = new byte[length];
        f[0] = (byte) 0xFF;
        f[1] = (byte) 0xF1; // syncword, ID 0, layer 00, protection_absent 1
        f[2] = (byte) (0x40 | sfi << 2); // profile 1 (LC), sampling_frequency_index, channel_configuration high bit 0
        f[3] = (byte) (0x80 | length >>> 11); // channel_configuration 2, aac_frame_length high bits
        f[4] = (byte) (length >>> 3);
        f[5] = (byte) ((length & 7) << 5 | 0x1F);
        f[6] = (byte) 0xFC;
        return f;
    }

    /** A LOAS AudioMuxElement frame with {@code audioMuxLengthBytes}. */
    static byte[] loas(int audioMuxLengthBytes) {
        byte[] f = new byte[3 + audioMuxLengthBytes];
        f[0] = 0x56;
        f[1] = (byte) (0xE0 | audioMuxLengthBytes >>> 8);
        f[2] = (byte) audioMuxLengthBytes;
        return f;
    }

    /** An AC-3 syncframe of {@code bytes} for fscod / frmsizecod, bsid 8. */
    static byte[] ac3(int fscod, int frmsizecod, int bytes) {
        byte[] f = new byte[bytes];
        f[0] = 0x0B;
        f[1] = 0x77;
        f[4] = (byte) (fscod << 6 | frmsizecod);
        f[5] = (byte) (8 << 3);
        return f;
    }

    /** An E-AC-3 syncframe: independent substream 0, frmsiz, 48 kHz, 6 blocks, 2/0, bsid 16. */
    static byte[] eac3(int frmsiz) {
        byte[] f = new byte[2 * (frmsiz + 1)];
        f[0] = 0x0B;
        f[1] = 0x77;
        f[2] = (byte) (frmsiz >>> 8);
        f[3] = (byte) frmsiz;
        f[4] = (byte) (0 << 6 | 3 << 4 | 2 << 1);
        f[5] = (byte) (16 << 3);
        return f;
    }

    static ByteBuffer join(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.flip();
    }

    @Test
    void probeNeedsTwoFramesWhoseSyncWordsAndLengthsAgree() {
        assertThat(StreamType.probe(join(adts(371, 3), adts(372, 3)))).isEqualTo(StreamType.AAC_ADTS);
        // a PES need not start with a frame: the tail of the previous one comes first
        assertThat(StreamType.probe(join(new byte[] {0x12, (byte) 0xFF, 0x34}, adts(200, 4), adts(9, 4)))).isEqualTo(StreamType.AAC_ADTS);
        assertThat(StreamType.probe(join(adts(371, 3)))).as("one frame").isEqualTo(StreamType.OTHER);
        assertThat(StreamType.probe(join(adts(371, 3), adts(372, 4)))).as("sampling rate changes").isEqualTo(StreamType.OTHER);
        assertThat(StreamType.probe(join(adts(371, 3), new byte[1], adts(372, 3)))).as("length off by one").isEqualTo(StreamType.OTHER);

        assertThat(StreamType.probe(join(loas(300), loas(280)))).isEqualTo(StreamType.AAC_LATM);
        assertThat(StreamType.probe(join(loas(300)))).isEqualTo(StreamType.OTHER);

        // 48 kHz, 64 kbit/s: 128 words; 44.1 kHz, 64 kbit/s, odd frmsizecod: 140 words; 32 kHz, 640 kbit/s: 1920 words
        assertThat(StreamType.probe(join(ac3(0, 8, 256), ac3(0, 8, 256)))).isEqualTo(StreamType.AC3);
        assertThat(StreamType.probe(join(ac3(1, 9, 280), ac3(1, 9, 280)))).isEqualTo(StreamType.AC3);
        assertThat(StreamType.probe(join(ac3(2, 37, 3840), ac3(2, 37, 3840)))).isEqualTo(StreamType.AC3);
        assertThat(StreamType.probe(join(ac3(1, 8, 280), ac3(1, 8, 280)))).as("44.1 kHz even: 139 words").isEqualTo(StreamType.OTHER);
        assertThat(StreamType.probe(join(ac3(3, 8, 256), ac3(3, 8, 256)))).as("fscod 3 is reserved").isEqualTo(StreamType.OTHER);

        assertThat(StreamType.probe(join(eac3(383), eac3(383)))).isEqualTo(StreamType.EAC3);
        assertThat(StreamType.probe(join(ac3(0, 8, 256), eac3(100)))).as("AC-3 core + E-AC-3 substream").isEqualTo(StreamType.EAC3);
        assertThat(StreamType.probe(join(eac3(383)))).isEqualTo(StreamType.OTHER);

        // MPEG-1 Layer III frames share the 0xFFF sync but not layer '00'
        byte[] mp3 = new byte[417];
        mp3[0] = (byte) 0xFF;
        mp3[1] = (byte) 0xFB;
        mp3[2] = (byte) 0x90;
        assertThat(StreamType.probe(join(mp3, mp3, mp3))).isEqualTo(StreamType.OTHER);
        assertThat(StreamType.probe(ByteBuffer.allocate(100_000))).isEqualTo(StreamType.OTHER);
        assertThat(StreamType.probe(ByteBuffer.allocate(0))).isEqualTo(StreamType.OTHER);
    }

    @Test
    void probeReadsBetweenPositionAndLimitWithoutMovingThem() {
        ByteBuffer frames = join(adts(371, 3), adts(372, 3));
        byte[] framed = new byte[frames.remaining() + 20];
        frames.get(0, framed, 10, frames.remaining());
        ByteBuffer direct = ByteBuffer.allocateDirect(framed.length).put(framed).position(10).limit(10 + 371 + 372);
        assertThat(StreamType.probe(direct)).isEqualTo(StreamType.AAC_ADTS);
        assertThat(direct.position()).isEqualTo(10);
        assertThat(direct.limit()).isEqualTo(10 + 371 + 372);
        // the second header lies past the limit: not seen
        assertThat(StreamType.probe(direct.limit(10 + 371 + 3))).isEqualTo(StreamType.OTHER);
        ByteBuffer sliced = ByteBuffer.wrap(framed, 10, 371 + 372).slice();
        assertThat(StreamType.probe(sliced)).isEqualTo(StreamType.AAC_ADTS);
    }

    /** ffmpeg's M2TS mode writes AAC as stream_type 0x06 without descriptors: OTHER, and the probe says ADTS. */
    @Test
    void probesThePrivateAacStreamOfTheM2tsFixture() {
        Map<Integer, StreamType> probed = new HashMap<>();
        Map<Integer, StreamType> declared = new HashMap<>();
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream stream) {
                declared.put(stream.pid(), stream.type());
                return probed.containsKey(stream.pid()) ? Interest.IGNORE : Interest.WHOLE;
            }

            @Override
            public void onPes(TsStream stream, ByteBuffer payload) {
                probed.put(stream.pid(), StreamType.probe(payload));
            }
        });
        demuxer.feed(ByteBuffer.wrap(Fixtures.bytes("mpegts/h264-aac.m2ts")));
        demuxer.endOfInput();
        assertThat(demuxer.stream(0x1100).streamTypeCode()).isEqualTo(0x06);
        assertThat(declared).containsEntry(0x1100, StreamType.OTHER).containsEntry(0x1011, StreamType.H264);
        assertThat(probed).containsEntry(0x1100, StreamType.AAC_ADTS).containsEntry(0x1011, StreamType.OTHER);
    }
}
