package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two things ffmpeg's ADTS muxer writes that other tools do not (fixtures and commands in
 * {@code src/test/resources/fixtures/adts/README.md}), against ffprobe's committed view:
 * <ul>
 *   <li>{@code -write_apetag 1}: an APEv2 tag after the last frame, which must not cost that frame;</li>
 *   <li>a quad layout: channel_configuration 0 with the program_config_element in the first frame
 *       only, whose config must carry over to the frames after it.</li>
 * </ul>
 */
class AdtsEncoderQuirksFixtureTest {

    static final String APE = "sine-8000-mono-apetag.aac";
    static final String QUAD = "sine-48000-quad.aac";

    @Test
    void lastFrameBeforeFfmpegsApeTagIsDeliveredAsFfprobeDoes() {
        byte[] file = Fixtures.bytes("adts/" + APE);
        // frames, timestamps and positions as ffprobe gives them; no byte discarded
        AdtsFixtureTest.assertMatchesFfprobe(file, Fixtures.lines("adts/" + APE + ".packets.csv"),
                Fixtures.lines("adts/" + APE + ".streams.txt"), AdtsFixtureTest.timescale(APE));
        for (int chunk : new int[] {1, 13, 1000, file.length}) {
            AdtsDecoderTest.Recorder recorder = new AdtsDecoderTest.Recorder();
            List<byte[]> tags = new ArrayList<>();
            AdtsDecoder decoder = new AdtsDecoder(new AdtsDecoder.Listener() {
                @Override
                public void onFrame(AdtsFrameView frame) {
                    recorder.onFrame(frame);
                }

                @Override
                public void onApeTag(ByteBuffer tag, long streamOffset) {
                    byte[] copy = new byte[tag.remaining()];
                    tag.duplicate().get(copy);
                    tags.add(copy);
                    recorder.onApeTag(tag, streamOffset);
                }

                @Override
                public void onAnomaly(io.streamwire.core.Anomaly<AacAnomalyKind> anomaly) {
                    recorder.onAnomaly(anomaly);
                }
            });
            for (byte[] piece : Chunks.fixed(file, chunk)) {
                decoder.feed(ByteBuffer.wrap(piece));
            }
            decoder.endOfInput();
            assertThat(recorder.events).as("chunk %d", chunk).noneMatch(e -> e.startsWith("BYTES"));
            // frames and tag together are the whole file: nothing lost, nothing added
            byte[] frames = recorder.frameBytes.toByteArray();
            assertThat(tags).singleElement().satisfies(tag -> {
                assertThat(new String(tag, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("APETAGEX");
                assertThat(frames.length + tag.length).isEqualTo(file.length);
                assertThat(Arrays.copyOfRange(file, frames.length, file.length)).isEqualTo(tag);
            });
        }
    }

    @Test
    void pceOfTheFirstFrameIsTheConfigOfEveryFrame() {
        byte[] file = Fixtures.bytes("adts/" + QUAD);
        Map<String, String> stream = AdtsFixtureTest.ffprobeStream(Fixtures.lines("adts/" + QUAD + ".streams.txt"));
        List<long[]> packets = AdtsFixtureTest.ffprobePackets(Fixtures.lines("adts/" + QUAD + ".packets.csv"));
        List<AudioSpecificConfig> configs = new ArrayList<>();
        int[] framesWithPce = {0};
        AudioSpecificConfig[] current = {null};
        AdtsDecoder decoder = new AdtsDecoder(frame -> {
            AdtsFrame parsed = frame.toFrame();
            assertThat(parsed.header().channelConfiguration()).isZero();
            ByteBuffer block = parsed.rawDataBlocks().get(0);
            AudioSpecificConfig own = AacConversions.audioSpecificConfig(parsed);
            ByteBuffer raw = AacConversions.withoutLeadingPce(parsed);
            if (own != null) {
                framesWithPce[0]++;
                assertThat(raw.remaining()).isLessThan(block.remaining());
            } else {
                assertThat(raw).isEqualTo(block); // the block unchanged
            }
            current[0] = AacConversions.audioSpecificConfig(parsed, current[0]);
            configs.add(current[0]);
        });
        decoder.feed(ByteBuffer.wrap(file));
        decoder.endOfInput();
        assertThat(configs).hasSameSizeAs(packets).hasSizeGreaterThan(2);
        assertThat(framesWithPce[0]).as("frames carrying the PCE (ffmpeg's ADTS muxer writes it once)").isEqualTo(1);
        assertThat(configs).allMatch(c -> c.equals(configs.get(0)));
        AudioSpecificConfig config = configs.get(0);
        assertThat(config.channelConfiguration()).isZero();
        assertThat(String.valueOf(config.channelCount())).isEqualTo(stream.get("channels"));
        assertThat(String.valueOf(config.sampleRateHz())).isEqualTo(stream.get("sample_rate"));
        assertThat(AudioSpecificConfig.parse(ByteBuffer.wrap(config.toByteArray()))).isEqualTo(config);
    }
}
