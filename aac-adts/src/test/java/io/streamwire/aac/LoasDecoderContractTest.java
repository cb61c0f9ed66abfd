package io.streamwire.aac;

import io.streamwire.core.Anomaly;
import io.streamwire.core.StreamDecoder;
import io.streamwire.testkit.DecoderContract;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link StreamDecoder} contract of the test kit, run on ffmpeg's LOAS/LATM fixture. */
class LoasDecoderContractTest {

    static DecoderContract.Subject subject() {
        List<Object> events = new ArrayList<>();
        LoasDecoder decoder = new LoasDecoder(new LoasDecoder.Listener() {
            @Override
            public void onConfig(LatmStreamMuxConfig config, long streamOffset) {
                events.add("config@" + streamOffset + " " + config);
            }

            @Override
            public void onRawFrame(ByteBuffer rawFrame, long streamOffset) {
                byte[] bytes = new byte[rawFrame.remaining()];
                rawFrame.get(bytes);
                events.add("raw@" + streamOffset + " " + bytes.length + " " + Arrays.hashCode(bytes));
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

    @Test
    void ffmpegLatmStream() {
        byte[] latm = Fixtures.bytes(LoasDecoderTest.FIXTURE);
        // the first LOAS frame (322 bytes) whole, the second cut: TruncatedInputException at endOfInput
        byte[] cut = Arrays.copyOf(latm, 322 + 100);
        new DecoderContract("aac", LoasDecoderContractTest::subject, latm, cut).verify();
    }
}
