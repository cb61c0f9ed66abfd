package io.streamwire.aac;

import io.streamwire.core.Anomaly;
import io.streamwire.core.StreamDecoder;
import io.streamwire.testkit.DecoderContract;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link StreamDecoder} contract of the test kit, run on ffmpeg's ADTS fixtures. */
class AdtsDecoderContractTest {

    /** A decoder whose listener records every event as a string (frames with a hash of their bytes). */
    static DecoderContract.Subject subject() {
        List<Object> events = new ArrayList<>();
        AdtsDecoder decoder = new AdtsDecoder(new AdtsDecoder.Listener() {
            @Override
            public void onFrame(AdtsFrameView frame) {
                byte[] bytes = frame.toByteArray();
                events.add("frame@" + frame.streamOffset() + " " + HexFormat.of().formatHex(bytes, 0, 7)
                        + " " + bytes.length + " " + Arrays.hashCode(bytes));
            }

            @Override
            public void onId3Tag(ByteBuffer tag, long streamOffset) {
                byte[] bytes = new byte[tag.remaining()];
                tag.get(tag.position(), bytes);
                events.add("id3@" + streamOffset + " " + HexFormat.of().formatHex(bytes));
            }

            @Override
            public void onAnomaly(Anomaly<AacAnomalyKind> anomaly) {
                events.add(anomaly);
            }
        });
        return new DecoderContract.Subject() {
            @Override
            public StreamDecoder decoder() {
                return decoder;
            }

            @Override
            public List<Object> events() {
                return events;
            }
        };
    }

    /** A synchronised stream cut inside its last frame: endOfInput raises TruncatedInputException. */
    static byte[] cutInsideTheLastFrame(byte[] stream) {
        return Arrays.copyOf(stream, stream.length - 5);
    }

    @Test
    void ffmpegMonoStream() {
        byte[] file = Fixtures.bytes("adts/sine-8000-mono.aac");
        new DecoderContract("aac", AdtsDecoderContractTest::subject, file, cutInsideTheLastFrame(file)).verify();
    }

    /** HLS packed audio: an ID3 timestamp tag in front, garbage between frames (reported, then resynchronised). */
    @Test
    void packedAudioWithId3TagAndGarbage() {
        byte[] file = Fixtures.bytes("adts/sine-8000-mono.aac");
        int second = AdtsHeader.parse(ByteBuffer.wrap(file)).aacFrameLength(); // where the second frame starts
        byte[] input = AdtsDecoderTest.concat(AdtsDecoderTest.id3(63), Arrays.copyOf(file, second),
                new byte[] {0x01, (byte) 0xFF, (byte) 0xF1, 0x02, 'I', 'D'}, Arrays.copyOfRange(file, second, file.length));
        new DecoderContract("aac", AdtsDecoderContractTest::subject, input, cutInsideTheLastFrame(input)).verify();
    }
}
