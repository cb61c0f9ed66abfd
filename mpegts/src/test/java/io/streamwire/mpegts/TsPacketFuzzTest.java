package io.streamwire.mpegts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Jazzer target for the packet view ({@link TsPacket#wrap}, every accessor, {@link AdaptationField})
 * and the header record; seeds and findings under {@code TsPacketFuzzTestInputs/wrap/}.
 */
class TsPacketFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void wrap(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        TsPacket view = new TsPacket();
        for (int at = 0; at + 188 <= data.length; at += 188) {
            data[at] = 0x47;
            try {
                view.wrap(in, at, at);
            } catch (TsException expected) {
                continue;
            }
            long sum = view.pid() + view.continuityCounter() + view.pcr27MHz() + view.opcr27MHz() + view.spliceCountdown();
            if (view.payloadLength() < 0 || view.payloadLength() > 184 || view.payloadIndex() > at + 188) {
                throw new AssertionError("payload outside the packet");
            }
            AdaptationField af = view.adaptationField();
            if (af != null && af.pcr() != view.pcr27MHz()) {
                throw new AssertionError("PCR differs between view and record");
            }
            if (af != null && af.adaptationFieldLength() == view.adaptationFieldLength()) {
                ByteBuffer out = ByteBuffer.allocate(af.encodedSize());
                af.writeTo(out);
                if (!AdaptationField.parse(out, 0, 0).equals(af)) {
                    throw new AssertionError("adaptation field does not round-trip: " + af);
                }
            }
            TsPacketHeader header = TsPacketHeader.parse(in.position(at));
            if (header.pid() != view.pid() || sum == Long.MIN_VALUE) {
                throw new AssertionError("header record differs from the view");
            }
        }
    }
}
