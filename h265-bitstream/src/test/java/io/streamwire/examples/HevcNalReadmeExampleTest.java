package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Interest;
import io.streamwire.h265.H265Limits;
import io.streamwire.h265.HevcAccessUnit;
import io.streamwire.h265.HevcAccessUnitSplitter;
import io.streamwire.h265.HevcAnnexBDecoder;
import io.streamwire.h265.HevcCodecString;
import io.streamwire.h265.HevcDecoderConfigurationRecord;
import io.streamwire.h265.Hvcc;
import io.streamwire.h265.NalUnitType;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.ReadmeSnippets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's usage examples for the NAL unit layer, compiled and run against the public API only. */
class HevcNalReadmeExampleTest {

    @Test
    void accessUnitsOfAnAnnexBBuffer() {
        ByteBuffer annexB = ByteBuffer.wrap(Fixtures.bytes("h265/open-gop.h265"));
        List<Boolean> keys = new ArrayList<>();
        // README:begin
        for (HevcAccessUnit au : HevcAccessUnit.split(annexB)) { // frame boundaries without relying on AUDs
            ByteBuffer frame = annexB.slice((int) au.offset(), au.length());
            boolean keyframe = au.keyframe();       // IRAP picture: IDR, CRA or BLA
            boolean skip = !au.decodable();         // e.g. RASL pictures of the CRA a stream was joined at
            String type = NalUnitType.name(au.pictureType()); // "IDR_N_LP", "CRA_NUT", "RASL_N", "TRAIL_R"
        }
        // README:end
        HevcAccessUnit.split(annexB).forEach(au -> keys.add(au.keyframe()));
        assertThat(keys).hasSize(20).containsSubsequence(true, false, true, false, true);
    }

    @Test
    void pushDecoderIntoTheSplitter() {
        byte[] stream = Fixtures.bytes("h265/bframes-pyramid.h265");
        List<ByteBuffer> chunks = new ArrayList<>();
        for (int i = 0; i < stream.length; i += 1000) {
            chunks.add(ByteBuffer.wrap(stream, i, Math.min(1000, stream.length - i)));
        }
        List<Boolean> keyframes = new ArrayList<>();
        // README:begin
        HevcAccessUnitSplitter splitter = new HevcAccessUnitSplitter(H265Limits.defaults());
        HevcAnnexBDecoder decoder = new HevcAnnexBDecoder((nal, offset) -> {
            if (splitter.push(nal, offset)) {           // this NAL unit begins the next access unit
                keyframes.add(splitter.completed().keyframe());
            }
        }, H265Limits.defaults());
        for (ByteBuffer chunk : chunks) {               // any chunking, one byte at a time included
            decoder.feed(chunk);
        }
        decoder.endOfInput();
        if (splitter.finish()) {                        // the last access unit
            keyframes.add(splitter.completed().keyframe());
        }
        // README:end
        assertThat(keyframes).hasSize(17).startsWith(true, false);
        assertThat(keyframes.stream().filter(k -> k).count()).isEqualTo(2);

        List<Integer> types = new ArrayList<>();
        // README:begin
        HevcAnnexBDecoder slicesInPieces = new HevcAnnexBDecoder(new HevcAnnexBDecoder.Listener() {
            @Override
            public Interest onNalStart(int nalHeaderByte, long offset) {
                int type = NalUnitType.fromHeaderByte(nalHeaderByte);
                return NalUnitType.isVcl(type) ? Interest.FRAGMENTS : Interest.WHOLE; // nothing buffered for slices
            }

            @Override
            public void onNal(ByteBuffer nal, long offset) {
                types.add(NalUnitType.fromHeaderByte(nal.get(nal.position()))); // valid during this call only
            }
        }, H265Limits.defaults());
        // README:end
        slicesInPieces.feed(ByteBuffer.wrap(stream));
        slicesInPieces.endOfInput();
        assertThat(types).startsWith(NalUnitType.VPS_NUT, NalUnitType.SPS_NUT, NalUnitType.PPS_NUT);
    }

    @Test
    void mp4ToTransportStreamAndCodecString() {
        byte[] mp4 = Fixtures.bytes("h265/main.mp4");
        int at = indexOf(mp4, "hvcC");
        ByteBuffer hvcC = ByteBuffer.wrap(mp4, at + 4, ByteBuffer.wrap(mp4, at - 4, 4).getInt() - 8).slice();
        byte[] idr = new byte[] {0, 0, 0, 4, 0x28, 0x01, (byte) 0xAF, 0x10};
        ByteBuffer sample = ByteBuffer.wrap(idr);
        // README:begin
        HevcDecoderConfigurationRecord config = HevcDecoderConfigurationRecord.parse(hvcC); // the hvcC box body
        String codecs = config.codecString("hvc1");     // "hvc1.1.6.L60.90": Main, level 2
        // MP4 / Enhanced FLV sample to MPEG-TS: VPS, SPS and PPS go in front of each IRAP picture lacking them
        byte[] pesPayload = Hvcc.toAnnexB(sample, config.nalUnitLengthSize(), config);
        // MPEG-TS to an hvc1 MP4 sample: in-band parameter sets dropped (false keeps them, for hev1)
        byte[] hvc1Sample = Hvcc.fromAnnexB(ByteBuffer.wrap(pesPayload), 4, true);
        // README:end
        assertThat(codecs).isEqualTo(HevcCodecString.of("hvc1", 0, false, 1, 0x60000000, 0x900000000000L, 60));
        assertThat(hvc1Sample).isEqualTo(idr);
        assertThat(pesPayload.length).isGreaterThan(idr.length + 60);
    }

    private static int indexOf(byte[] a, String four) {
        for (int i = 0; i + 4 <= a.length; i++) {
            if (a[i] == four.charAt(0) && a[i + 1] == four.charAt(1) && a[i + 2] == four.charAt(2) && a[i + 3] == four.charAt(3)) {
                return i;
            }
        }
        throw new IllegalArgumentException(four);
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(HevcNalReadmeExampleTest.class);
    }
}
