package io.streamwire.h265;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.CaptionData;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Jazzer target for SEI: message iteration (a prefix SEI header is forced), then every typed decoder on
 * every message; only this module's exceptions escape, and what decodes comes back equal through its
 * writer. Seeds under {@code HevcSeiFuzzTestInputs/parse/} are the fixtures' SEI NAL units.
 */
class HevcSeiFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        byte[] nal = ParameterSetFuzzing.withHeader(39, data);
        List<HevcSeiMessage> messages;
        try {
            messages = HevcSeiMessage.parseAll(ByteBuffer.wrap(nal), H265Limits.defaults().withMaxSeiPayloadSize(4096), 0);
        } catch (StreamwireException expected) {
            FixtureNals.requireH265(expected);
            return;
        }
        for (HevcSeiMessage m : messages) {
            try {
                switch (m.payloadType()) {
                    case 4: {
                        CaptionData cc = m.captionData();
                        if (cc != null && !HevcSeiMessage.captions(cc).captionData().equals(cc)) {
                            throw new AssertionError("captions do not round-trip");
                        }
                        break;
                    }
                    case 5: HevcUserDataUnregistered.parse(m); break;
                    case 6: same(HevcRecoveryPoint.parse(m), HevcRecoveryPoint.parse(HevcRecoveryPoint.parse(m).toMessage())); break;
                    case 136: same(TimeCode.parse(m), TimeCode.parse(TimeCode.parse(m).toMessage())); break;
                    case 137: same(MasteringDisplayColourVolume.parse(m),
                            MasteringDisplayColourVolume.parse(MasteringDisplayColourVolume.parse(m).toMessage())); break;
                    case 144: same(ContentLightLevel.parse(m), ContentLightLevel.parse(ContentLightLevel.parse(m).toMessage())); break;
                    default: HevcRecoveryPoint.parse(m); break;
                }
            } catch (StreamwireException expected) {
                FixtureNals.requireH265(expected);
            }
        }
    }

    private static void same(Object a, Object b) {
        if (!a.equals(b)) {
            throw new AssertionError(a + " != " + b);
        }
    }
}
