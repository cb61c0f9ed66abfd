package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.aac.AacConversions;
import io.streamwire.aac.AacTiming;
import io.streamwire.aac.AdtsDecoder;
import io.streamwire.aac.AdtsHeader;
import io.streamwire.aac.AudioSpecificConfig;
import io.streamwire.aac.LoasDecoder;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.ReadmeSnippets;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's usage examples for this module, compiled and run against the public API only. */
class AacReadmeExampleTest {

    @Test
    void walksAnAdtsFile(@TempDir Path dir) throws Exception {
        Path file = Fixtures.copyTo("adts/sine-44100-stereo.aac", dir);
        // README:begin
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        int frames = 0;
        while (in.hasRemaining()) {
            int frameStart = in.position();
            AdtsHeader header = AdtsHeader.parse(in); // AacException(offset, field) on bad input
            frames++;
            in.position(frameStart + header.aacFrameLength()); // next frame
        }
        // README:end
        long ffprobePackets = Fixtures.lines("adts/sine-44100-stereo.aac.packets.csv").stream()
                .filter(l -> !l.startsWith("#")).count();
        assertThat(frames).isEqualTo((int) ffprobePackets);
    }

    /** ADTS from MPEG-TS or HLS, in arbitrary chunks, to an FLV/RTMP-style sequence header and raw frames. */
    @Test
    void adtsToConfigAndRawFrames() {
        byte[] file = Fixtures.bytes("adts/sine-44100-stereo.aac");
        List<ByteBuffer> chunks = List.of(ByteBuffer.wrap(file, 0, 1000), ByteBuffer.wrap(file, 1000, file.length - 1000));
        List<byte[]> sequenceHeaders = new ArrayList<>();
        List<Long> timestamps = new ArrayList<>();
        // README:begin
        long[] frameIndex = {0};
        AdtsDecoder decoder = new AdtsDecoder(frame -> {
            if (frameIndex[0] == 0) {
                AudioSpecificConfig config = AacConversions.audioSpecificConfig(frame.header());
                sequenceHeaders.add(config.toByteArray()); // FLV AACPacketType 0: 0x12 0x10
            }
            ByteBuffer raw = frame.payload(); // zero-copy slice, valid during this call
            long flvMillis = new AacTiming(1024, frame.sampleRateHz()).timestamp(frameIndex[0]++, 1000);
            timestamps.add(flvMillis); // send raw with flvMillis here
        });
        for (ByteBuffer chunk : chunks) { // as the bytes arrive
            decoder.feed(chunk);
        }
        decoder.endOfInput();
        // README:end
        assertThat(sequenceHeaders).hasSize(1);
        assertThat(sequenceHeaders.get(0)).containsExactly(0x12, 0x10);
        assertThat(timestamps).hasSize(88).startsWith(0L, 23L, 46L, 69L, 92L, 116L);
    }

    /** (AudioSpecificConfig, raw frame) from RTMP to ADTS for MPEG-TS: only the 7-byte header is written. */
    @Test
    void configAndRawFrameToAdts() {
        byte[] rawFrame = {0x21, 0x10, 0x04, 0x60, (byte) 0x8c, 0x1c};
        ByteArrayOutputStream pes = new ByteArrayOutputStream();
        // README:begin
        AudioSpecificConfig config = AudioSpecificConfig.parse(ByteBuffer.wrap(new byte[] {0x12, 0x10}));
        ByteBuffer header = ByteBuffer.allocate(7);
        AacConversions.writeAdtsHeader(config, rawFrame.length, header);
        pes.write(header.array(), 0, 7); // then the raw frame, untouched
        pes.write(rawFrame, 0, rawFrame.length);
        // README:end
        byte[] adts = pes.toByteArray();
        AdtsHeader parsed = AdtsHeader.parse(ByteBuffer.wrap(adts));
        assertThat(parsed.aacFrameLength()).isEqualTo(adts.length);
        assertThat(parsed.sampleRateHz()).isEqualTo(44100);
        assertThat(config.codecString()).isEqualTo("mp4a.40.2");
    }

    /** LOAS/LATM (DVB) to AudioSpecificConfig and raw frames. */
    @Test
    void loasToRawFrames() {
        ByteBuffer loas = ByteBuffer.wrap(Fixtures.bytes("latm/sine-48000-stereo.latm"));
        List<String> codecs = new ArrayList<>();
        int[] frames = {0};
        // README:begin
        LoasDecoder latm = new LoasDecoder(new LoasDecoder.Listener() {
            @Override
            public void onConfig(io.streamwire.aac.LatmStreamMuxConfig config, long offset) {
                codecs.add(config.audioSpecificConfig().codecString()); // "mp4a.40.2"
            }

            @Override
            public void onRawFrame(ByteBuffer rawFrame, long offset) {
                frames[0]++; // a copy of the frame's bytes, yours to keep
            }
        });
        latm.feed(loas);
        latm.endOfInput();
        // README:end
        assertThat(codecs).containsExactly("mp4a.40.2");
        assertThat(frames[0]).isEqualTo(48);
    }

    @Test
    void readmeShowsTheseExamples() {
        ReadmeSnippets.assertInReadme(AacReadmeExampleTest.class);
    }
}
