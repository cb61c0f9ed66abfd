package io.streamwire.h264;

import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import io.streamwire.core.StreamDecoder;
import io.streamwire.testkit.DecoderContract;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link AnnexBDecoder} against the push-decoder contract ({@link DecoderContract}) on real x264
 * streams: every split in every buffer kind gives the same events, the lifecycle rules hold, a NAL
 * unit past {@link H264Limits#maxNalSize()} leaves the decoder failed, and mutated streams raise
 * nothing but the module's exceptions. Slices are taken in fragments, AUDs ignored and everything
 * else whole, so all three interests are exercised.
 */
class AnnexBDecoderContractTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Above the largest NAL unit of the fixtures used here (6,672 bytes in aud-hrd). */
    private static final int MAX_NAL_SIZE = 8192;

    /** Records every event as a string; fragments are joined, so only the NAL units' bytes count. */
    static final class Subject implements DecoderContract.Subject, AnnexBDecoder.Listener {
        final List<Object> events = new ArrayList<>();
        final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        final AnnexBDecoder decoder = new AnnexBDecoder(this, H264Limits.defaults().withMaxNalSize(MAX_NAL_SIZE));

        @Override
        public StreamDecoder decoder() {
            return decoder;
        }

        @Override
        public List<Object> events() {
            return events;
        }

        @Override
        public Interest onNalStart(int nalHeaderByte, long offset) {
            fragments.reset(); // pieces of a unit cut short by reset() are dropped
            int type = nalHeaderByte & 0x1F;
            Interest interest = type == 1 || type == 5 ? Interest.FRAGMENTS : type == 9 ? Interest.IGNORE : Interest.WHOLE;
            events.add("start " + nalHeaderByte + " @" + offset + " " + interest);
            return interest;
        }

        @Override
        public void onNal(ByteBuffer nal, long offset) {
            events.add("nal @" + offset + " " + hex(nal));
        }

        @Override
        public void onNalFragment(ByteBuffer fragment, boolean last) {
            byte[] b = new byte[fragment.remaining()];
            fragment.get(b);
            fragments.writeBytes(b);
            if (last) {
                events.add("fragments " + HEX.formatHex(fragments.toByteArray()));
                fragments.reset();
            }
        }

        @Override
        public void onAnomaly(Anomaly<H264AnomalyKind> anomaly) {
            events.add(anomaly);
        }

        private static String hex(ByteBuffer b) {
            byte[] a = new byte[b.remaining()];
            b.duplicate().get(a);
            return HEX.formatHex(a);
        }
    }

    /** The valid stream followed by a NAL unit one byte over the limit. */
    private static byte[] withOversizedNal(byte[] valid) {
        byte[] invalid = Arrays.copyOf(valid, valid.length + 4 + MAX_NAL_SIZE + 1);
        invalid[valid.length + 3] = 1; // 00 00 00 01
        Arrays.fill(invalid, valid.length + 4, invalid.length, (byte) 0x55);
        return invalid;
    }

    @ParameterizedTest
    @ValueSource(strings = {"crop-318x238", "slices4", "aud-hrd"})
    void fixtureStreams(String name) {
        byte[] valid = Fixtures.bytes("h264/" + name + ".h264");
        new DecoderContract("h264", Subject::new, valid, withOversizedNal(valid)).mutations(200).verify();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // bytes before the first start code, a zero run kept inside a NAL unit, trailing zeros, an empty NAL unit
        "ffee 00000001 6742c01e 000001 68ce3c80 000001 650000000077 000000 000001 000001 0910 000001 41e0",
        // no final start code, a 3-byte start code right after a NAL unit ending in a zero run
        "00000001 67 00000001 65 88 00 00 00 00 000001 06 05 01 80"})
    void syntheticStreams(String hex) {
        byte[] valid = HEX.parseHex(hex.replace(" ", ""));
        new DecoderContract("h264", Subject::new, valid, withOversizedNal(valid)).verify();
    }
}
