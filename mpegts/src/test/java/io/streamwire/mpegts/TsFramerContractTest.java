package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.core.StreamDecoder;
import io.streamwire.testkit.DecoderContract;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link StreamDecoder} contract of the test kit, run on {@link TsFramer} with ffmpeg's 188-byte
 * and 192-byte (M2TS) fixtures. As for {@link TsDemuxerContractTest}, the framer never throws for bad
 * input, so the failure rules run with a strict listener that throws from {@code onAnomaly}, and the
 * recording listener runs the other rules on a damaged stream.
 */
class TsFramerContractTest {

    static DecoderContract.Subject subject(boolean strict) {
        List<Object> events = new ArrayList<>();
        TsFramer framer = new TsFramer(new TsFramer.Listener() {
            @Override
            public void onPacket(TsPacket p) {
                byte[] bytes = p.toByteArray();
                events.add("packet " + p.pid() + " cc " + p.continuityCounter() + " at " + p.offset() + " ats " + p.arrivalTimestamp()
                        + " " + HexFormat.of().formatHex(bytes, 0, 8) + " #" + Integer.toHexString(Arrays.hashCode(bytes)));
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                events.add(anomaly);
                if (strict) {
                    throw new TsException("anomaly " + anomaly.kind(), anomaly.detail(), anomaly.offset(), null);
                }
            }
        });
        return new DecoderContract.Subject() {
            @Override
            public StreamDecoder decoder() {
                return framer;
            }

            @Override
            public List<Object> events() {
                return events;
            }
        };
    }

    @Test
    void h264AacTs() {
        byte[] input = TsDemuxerContractTest.packets("mpegts/h264-aac.ts", 188, 77);
        new DecoderContract("mpegts", () -> subject(true), input, TsDemuxerContractTest.cutInsideTheLastPacket(input, 188)).verify();
    }

    @Test
    void h264AacM2ts() {
        byte[] input = TsDemuxerContractTest.packets("mpegts/h264-aac.m2ts", 192, 77);
        new DecoderContract("mpegts", () -> subject(true), input, TsDemuxerContractTest.cutInsideTheLastPacket(input, 192)).verify();
    }

    /** Garbage between packets of an M2TS stream and a packet cut short at the end: same events for every split. */
    @Test
    void damagedM2tsGivesTheSameEventsForEverySplit() {
        byte[] good = TsDemuxerContractTest.packets("mpegts/h264-aac.m2ts", 192, 40);
        ByteArrayOutputStream damaged = new ByteArrayOutputStream();
        damaged.write(good, 0, 7 * 192 + 30);
        damaged.write(new byte[] {0x47, 0x47, 0x00, 0x47}, 0, 4);
        damaged.write(good, 8 * 192, good.length - 8 * 192 - 150);
        byte[] input = damaged.toByteArray();
        DecoderContract contract = new DecoderContract("mpegts", () -> subject(false), input, input);
        List<Object> events = contract.splitsGiveTheSameEvents();
        assertThat(events).filteredOn(e -> e instanceof Anomaly).extracting(e -> (Object) ((Anomaly<?>) e).kind())
                .contains(TsAnomalyKind.LOST_SYNC, TsAnomalyKind.TRUNCATED_PACKET);
        contract.lifecycle(events);
        contract.onlyModuleExceptions();
    }
}
