package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Interest;
import io.streamwire.h264.AccessUnit;
import io.streamwire.h264.AccessUnitSplitter;
import io.streamwire.h264.AnnexB;
import io.streamwire.h264.AnnexBDecoder;
import io.streamwire.h264.AvcDecoderConfigurationRecord;
import io.streamwire.h264.Avcc;
import io.streamwire.h264.H264Limits;
import io.streamwire.h264.NalUnitHeader;
import io.streamwire.h264.ParameterSets;
import io.streamwire.h264.Sps;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.ReadmeSnippets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's usage examples for this module, compiled and run against the public API only. */
class H264ReadmeExampleTest {

    @Test
    void readsStreamInfoAndAccessUnits() {
        ByteBuffer annexB = ByteBuffer.wrap(Fixtures.bytes("h264/high.h264"));
        // README:begin
        Sps sps = Sps.parse(AnnexB.split(annexB).get(0)); // x264 puts the SPS first
        String codecs = sps.codecString();                // "avc1.64000D"
        String size = sps.widthPixels() + "x" + sps.heightPixels() + " @ " + sps.framesPerSecond(); // "320x240 @ 25.0"
        for (AccessUnit au : AccessUnit.split(annexB)) {  // frame boundaries without relying on AUDs
            ByteBuffer frame = annexB.slice((int) au.offset(), au.length());
            boolean keyframe = au.keyframe();             // IDR or recovery point
        }
        // README:end
        assertThat(codecs).isEqualTo("avc1.64000D");
        assertThat(size).isEqualTo("320x240 @ 25.0");
        assertThat(AccessUnit.split(annexB)).hasSize(12);
    }

    @Test
    void keyframesPerPesAndPerRtmpSample() {
        byte[] stream = Fixtures.bytes("h264/high.h264");
        List<AccessUnit> whole = AccessUnit.split(ByteBuffer.wrap(stream));
        List<ByteBuffer> pesPayloads = new ArrayList<>();
        List<ByteBuffer> samples = new ArrayList<>();
        for (AccessUnit au : whole) {
            byte[] pes = new byte[4 + au.length()];
            pes[3] = 1; // start code
            System.arraycopy(stream, (int) au.offset(), pes, 4, au.length());
            pesPayloads.add(ByteBuffer.wrap(pes));
            samples.add(ByteBuffer.wrap(Avcc.fromAnnexB(ByteBuffer.wrap(pes), 4, true)));
        }
        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(stream));
        AvcDecoderConfigurationRecord config = new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x0D, 3,
                List.of(nals.get(0)), List.of(nals.get(1)), null);
        List<Boolean> expected = whole.stream().map(AccessUnit::keyframe).toList();
        List<Boolean> pesKeyframes = new ArrayList<>();
        List<Boolean> sampleKeyframes = new ArrayList<>();
        // README:begin
        // MPEG-TS: one access unit per PES payload; the SPS and PPS came in an earlier PES
        ParameterSets sets = new ParameterSets();                 // one per video PID, kept across PES packets
        for (ByteBuffer pes : pesPayloads) {
            boolean keyframe = false;
            for (AccessUnit au : AccessUnit.split(pes, sets)) {   // adds the SPS and PPS it meets to sets
                keyframe |= au.keyframe();                        // IDR or recovery point
            }
            pesKeyframes.add(keyframe);
        }
        // README:end
        // README:begin
        // RTMP/FLV: the SPS and PPS are only in the sequence header (avcC), one access unit per sample
        AccessUnitSplitter splitter = new AccessUnitSplitter(config, H264Limits.defaults());
        for (ByteBuffer sample : samples) {
            for (ByteBuffer nal : Avcc.split(sample, config.nalUnitLengthSize())) {
                splitter.push(nal, 0);                            // true: a second access unit began
            }
            boolean keyframe = splitter.finish() && splitter.completedIsKeyframe(); // handed out once
            splitter.reset();                                     // next sample; the parameter sets stay
            sampleKeyframes.add(keyframe);
        }
        // README:end
        assertThat(pesKeyframes).isEqualTo(expected).hasSize(12).contains(false);
        assertThat(sampleKeyframes).isEqualTo(expected);
    }

    @Test
    void pushDecoderAndRtmpToTs() {
        byte[] stream = Fixtures.bytes("h264/high.h264");
        List<ByteBuffer> chunks = new ArrayList<>();
        for (int i = 0; i < stream.length; i += 1000) {
            chunks.add(ByteBuffer.wrap(stream, i, Math.min(1000, stream.length - i)));
        }
        List<Integer> types = new ArrayList<>();
        // README:begin
        AnnexBDecoder decoder = new AnnexBDecoder(new AnnexBDecoder.Listener() {
            @Override
            public Interest onNalStart(int nalHeaderByte, long offset) {
                int type = nalHeaderByte & 0x1F;
                // keep parameter sets and SEI whole; let slices stream through in pieces
                return type == 7 || type == 8 || type == 6 ? Interest.WHOLE : Interest.FRAGMENTS;
            }

            @Override
            public void onNal(ByteBuffer nal, long offset) {
                types.add(nal.get(nal.position()) & 0x1F); // valid during this call only
            }

            @Override
            public void onNalFragment(ByteBuffer fragment, boolean last) {
                // forward the slice bytes; nothing is buffered for them
            }
        });
        for (ByteBuffer chunk : chunks) { // any chunking, one byte at a time included
            decoder.feed(chunk);
        }
        decoder.endOfInput();
        // README:end
        assertThat(types).startsWith(NalUnitHeader.TYPE_SPS, NalUnitHeader.TYPE_PPS, NalUnitHeader.TYPE_SEI);

        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(stream));
        AvcDecoderConfigurationRecord avcC = new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x0D, 3,
                List.of(nals.get(0)), List.of(nals.get(1)), null);
        byte[] sample = Avcc.toByteArray(List.of(nals.get(3)), 4);
        // README:begin
        // RTMP/FLV (AVCC sample + sequence header) to MPEG-TS (Annex B, parameter sets in-band)
        AvcDecoderConfigurationRecord config = AvcDecoderConfigurationRecord.parse(ByteBuffer.wrap(avcC.toByteArray()));
        byte[] pesPayload = Avcc.toAnnexB(ByteBuffer.wrap(sample), config.nalUnitLengthSize(), config);
        // MPEG-TS to RTMP/FLV: length-prefixed, AUDs and parameter sets dropped (they go in avcC)
        byte[] avcc = Avcc.fromAnnexB(ByteBuffer.wrap(pesPayload), 4, true);
        // README:end
        assertThat(AnnexB.split(ByteBuffer.wrap(pesPayload))).extracting(n -> n.get(0) & 0x1F).containsExactly(7, 8, 5);
        assertThat(avcc).isEqualTo(sample);

        // README:begin
        // live origin: one reused output buffer, SPS/PPS at the start of a keyframe's access unit
        ByteBuffer frame = ByteBuffer.allocate(1 << 20);
        frame.clear();
        int written = Avcc.toAnnexB(ByteBuffer.wrap(sample), config.nalUnitLengthSize(), config, frame);
        // README:end
        assertThat(written).isEqualTo(Avcc.annexBSize(ByteBuffer.wrap(sample), 4, config)).isEqualTo(frame.position());
        assertThat(AnnexB.split(frame.flip())).extracting(n -> n.get(0) & 0x1F).containsExactly(7, 8, 5);
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(H264ReadmeExampleTest.class);
    }
}
