package io.streamwire.h264;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.CaptionData;
import io.streamwire.core.StreamwireException;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;

/**
 * Jazzer target for SEI parsing: message iteration, then every typed decoder on every message
 * (pic_timing and buffering_period with the HRD fixture's SPS). Only a {@link StreamwireException}
 * of module {@code "h264"} may escape.
 */
class SeiFuzzTest {
    private static final ParameterSets SETS = new ParameterSets();

    static {
        for (ByteBuffer nal : AnnexB.split(ByteBuffer.wrap(Fixtures.bytes("h264/aud-hrd.h264")))) {
            SETS.accept(nal, 0);
        }
    }

    @FuzzTest(maxDuration = "120s")
    void parse(byte[] data) {
        byte[] nal = new byte[data.length + 1];
        nal[0] = 0x06;
        System.arraycopy(data, 0, nal, 1, data.length);
        java.util.List<SeiMessage> messages;
        try {
            messages = SeiMessage.parseAll(ByteBuffer.wrap(nal), H264Limits.defaults().withMaxSeiPayloadSize(4096), 0);
        } catch (StreamwireException expected) {
            ModuleErrors.requireH264(expected);
            return;
        }
        for (SeiMessage m : messages) {
            try {
                switch (m.payloadType()) {
                    case SeiMessage.BUFFERING_PERIOD -> BufferingPeriod.parse(m, SETS);
                    case SeiMessage.PIC_TIMING -> PicTiming.parse(m, SETS.sps(0));
                    case SeiMessage.USER_DATA_REGISTERED_ITU_T_T35 -> {
                        CaptionData cc = m.captionData();
                        if (cc != null && !SeiMessage.captions(cc).captionData().equals(cc)) {
                            throw new AssertionError("captions do not round-trip");
                        }
                    }
                    case SeiMessage.USER_DATA_UNREGISTERED -> UserDataUnregistered.parse(m).text();
                    case SeiMessage.RECOVERY_POINT -> {
                        RecoveryPoint rp = RecoveryPoint.parse(m);
                        if (!RecoveryPoint.parse(rp.toMessage()).equals(rp)) {
                            throw new AssertionError("recovery point does not round-trip");
                        }
                    }
                    default -> { }
                }
            } catch (StreamwireException expected) {
                ModuleErrors.requireH264(expected);
            }
        }
    }
}
