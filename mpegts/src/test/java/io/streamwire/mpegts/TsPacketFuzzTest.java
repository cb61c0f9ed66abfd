package io.streamwire.mpegts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;

/**
 * Jazzer target for the packet view ({@link TsPacket#wrap}, every accessor, {@link AdaptationField})
 * and the header record: only the module's {@link StreamwireException} may escape, and the view and
 * the records agree. Seeds and findings under {@code TsPacketFuzzTestInputs/wrap/}.
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
            } catch (StreamwireException expected) {
                requireModule(expected);
                try {
                    AdaptationField.parse(in, at + 4, at + 4);
                } catch (StreamwireException alsoExpected) {
                    requireModule(alsoExpected);
                    continue;
                }
                if ((data[at + 3] & 0x30) != 0x30 || (data[at + 4] & 0xFF) != 183) {
                    throw new AssertionError("the view refused an adaptation field the record accepts: " + expected);
                }
                continue; // 183 bytes fit an adaptation field alone, not one followed by a payload
            }
            long sum = view.pid() + view.continuityCounter() + view.pcr27MHz() + view.opcr27MHz() + view.spliceCountdown();
            if (view.payloadLength() < 0 || view.payloadLength() > 184 || view.payloadIndex() > at + 188) {
                throw new AssertionError("payload outside the packet");
            }
            AdaptationField af;
            try {
                af = view.adaptationField();
            } catch (StreamwireException e) {
                throw new AssertionError("the record refused an adaptation field the view accepted", e);
            }
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

    private static void requireModule(StreamwireException e) {
        if (!"mpegts".equals(e.module())) {
            throw new AssertionError("an exception of module " + e.module(), e);
        }
    }
}
