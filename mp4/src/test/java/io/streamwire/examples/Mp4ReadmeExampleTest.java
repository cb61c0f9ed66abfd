package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Interest;
import io.streamwire.mp4.AudioSampleEntry;
import io.streamwire.mp4.Box;
import io.streamwire.mp4.BoxHeader;
import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.Boxes;
import io.streamwire.mp4.CmafSegmenter;
import io.streamwire.mp4.CmafTrack;
import io.streamwire.mp4.CodecConfigurationBox;
import io.streamwire.mp4.EsdsBox;
import io.streamwire.mp4.FragmentWriter;
import io.streamwire.mp4.InitSegment;
import io.streamwire.mp4.Mp4BoxDecoder;
import io.streamwire.mp4.Mp4Limits;
import io.streamwire.mp4.SampleDescriptionBox;
import io.streamwire.mp4.SegmentTargets;
import io.streamwire.mp4.VisualSampleEntry;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.ReadmeSnippets;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's usage examples for this module, compiled and run against the public API only. */
class Mp4ReadmeExampleTest {
    @Test
    void writeCmafInitAndFragments() {
        byte[] avcC = record();
        byte[] asc = {0x12, 0x08};
        byte[] keyframe = new byte[1200];
        byte[] aacFrame = new byte[200];
        // README:begin
        VisualSampleEntry avc1 = VisualSampleEntry.of(BoxType.AVC1, 160, 120, CodecConfigurationBox.avcC(avcC));
        AudioSampleEntry mp4a = AudioSampleEntry.of(BoxType.MP4A, 1, 44100, EsdsBox.forAudio(2, asc, 0, 0, 0));
        List<CmafTrack> tracks = List.of(CmafTrack.video(1, 90_000, avc1), CmafTrack.audio(2, 44_100, mp4a));
        String codecs = tracks.get(0).codecString() + "," + tracks.get(1).codecString(); // "avc1.4D400C,mp4a.40.2"
        byte[] init = InitSegment.toByteArray(tracks);

        FragmentWriter writer = new FragmentWriter(tracks, Mp4Limits.defaults());
        ByteBuffer out = ByteBuffer.allocate(1 << 20);             // reused: no allocation per sample
        // payloads in sample format (length-prefixed NAL units, raw AAC); times in each track's timescale
        writer.addSample(0, ByteBuffer.wrap(keyframe), 0, 0, 3600, true);
        writer.addSample(1, ByteBuffer.wrap(aacFrame), 0, 0, 1024, true);
        boolean independent = writer.independent();                // LL-HLS part INDEPENDENT=YES
        int length = writer.write(out.clear(), 1, true);           // styp + moof + mdat, sequence number 1
        // README:end
        assertThat(codecs).isEqualTo("avc1.4D400C,mp4a.40.2");
        assertThat(independent).isTrue();
        assertThat(Boxes.parse(ByteBuffer.wrap(init))).extracting(b -> b.type().toString()).containsExactly("ftyp", "moov");
        assertThat(Boxes.parse(out.flip())).extracting(b -> b.type().toString()).containsExactly("styp", "moof", "mdat");
        assertThat(length).isEqualTo(out.limit());
    }

    @Test
    void segmentALiveStream() {
        List<CmafTrack> tracks = List.of(CmafTrack.video(1, 90_000, VisualSampleEntry.of(BoxType.AVC1, 160, 120,
                CodecConfigurationBox.avcC(record()))));
        ByteBuffer sample = ByteBuffer.wrap(new byte[100]);
        ByteBuffer out = ByteBuffer.allocate(1 << 16);
        long dts = 0;
        long pts = 7200;
        boolean keyframe = true;
        // README:begin
        CmafSegmenter segmenter = new CmafSegmenter(tracks,
                SegmentTargets.of(Duration.ofSeconds(2), Duration.ofMillis(333)), Mp4Limits.defaults());
        segmenter.addSample(0, sample, dts, (int) (pts - dts), CmafSegmenter.NEXT_SAMPLE, keyframe);
        while (segmenter.hasPart()) {                              // also after segmenter.flush() at the end
            boolean newSegment = segmenter.partStartsSegment();    // EXTINF / new segment URI
            boolean independent = segmenter.partIndependent();     // EXT-X-PART INDEPENDENT=YES
            double seconds = segmenter.partSeconds();              // EXT-X-PART DURATION
            int length = segmenter.writePart(out);                 // [styp] moof mdat into the caller's buffer
        }
        // README:end
        // 4 s at 25 fps (3600 ticks of 90 kHz), a keyframe each second: segments at 0 and 2 s (the keyframe at 1 s falls inside a part), parts of 8 frames (320 ms)
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            if (i < 100) {
                segmenter.addSample(0, sample, i * 3600L, 7200, CmafSegmenter.NEXT_SAMPLE, i % 25 == 0);
            } else {
                segmenter.flush();
            }
            while (segmenter.hasPart()) {
                parts.add((segmenter.partStartsSegment() ? "S" : "") + (segmenter.partIndependent() ? "I" : "")
                        + segmenter.partDuration() / 3600);
                segmenter.writePart(out.clear());
            }
        }
        assertThat(parts).containsExactly("SI8", "8", "8", "8", "8", "8", "2", "SI8", "8", "8", "8", "8", "8", "2");
    }

    @Test
    void readBoxes() {
        byte[] segment = Fixtures.bytes("mp4/hls/seg0.m4s");
        List<ByteBuffer> chunks = new ArrayList<>();
        for (int i = 0; i < segment.length; i += 1000) {
            chunks.add(ByteBuffer.wrap(segment, i, Math.min(1000, segment.length - i)));
        }
        List<String> seen = new ArrayList<>();
        // README:begin
        Mp4BoxDecoder decoder = new Mp4BoxDecoder(new Mp4BoxDecoder.Listener() {
            @Override
            public Interest onBoxStart(BoxHeader header) {              // containers are descended by default
                return header.type().equals(BoxType.MDAT) ? Interest.IGNORE : Interest.WHOLE;
            }

            @Override
            public void onBox(BoxHeader header, ByteBuffer payload) {   // valid during this call only
                seen.add(header.type() + " @" + header.offset());
            }
        }, Mp4Limits.defaults());
        for (ByteBuffer chunk : chunks) {                               // any chunking
            decoder.feed(chunk);
        }
        decoder.endOfInput();
        // README:end
        assertThat(seen).contains("mfhd @" + (24 + 52 + 52 + 8)).hasSizeGreaterThan(5);

        byte[] file = Fixtures.bytes("mp4/hevc.mp4");
        // README:begin
        List<Box> boxes = Boxes.parse(ByteBuffer.wrap(file));          // typed records, unknown boxes kept raw
        SampleDescriptionBox stsd = (SampleDescriptionBox) Boxes.find(boxes, "moov", "trak", "mdia", "minf", "stbl", "stsd");
        String codec = ((VisualSampleEntry) stsd.entries().get(0)).codecString(); // "hvc1.1.6.L30.90"
        byte[] same = Boxes.toByteArray(boxes);                         // sizes computed; equal to file
        // README:end
        assertThat(codec).startsWith("hvc1.1.6.L30");
        assertThat(same).isEqualTo(file);
    }

    /** The avcC record of the fixture stream (160x120, Main profile, level 1.2). */
    private static byte[] record() {
        List<Box> init = Boxes.parse(ByteBuffer.wrap(Fixtures.bytes("mp4/hls/init.mp4")));
        VisualSampleEntry entry = (VisualSampleEntry) ((SampleDescriptionBox) Boxes.find(init, "moov", "trak", "mdia", "minf",
                "stbl", "stsd")).entries().get(0);
        ByteBuffer r = ((CodecConfigurationBox) entry.child(BoxType.AVCC)).record();
        byte[] b = new byte[r.remaining()];
        r.duplicate().get(b);
        return b;
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(Mp4ReadmeExampleTest.class);
    }
}
