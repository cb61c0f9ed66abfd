package io.streamwire.h265;

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
 * {@link HevcAnnexBDecoder} against the push-decoder contract ({@link DecoderContract}) on x265
 * streams: every split in every buffer kind gives the same events, the lifecycle rules hold, a NAL
 * unit past {@link H265Limits#maxNalSize()} leaves the decoder failed, and mutated streams raise
 * nothing but the module's exceptions. Slice segments are taken in fragments, AUDs ignored and
 * everything else whole, so all three interests are exercised.
 */
class HevcAnnexBDecoderContractTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Above the largest NAL unit of the fixtures used here. */
    private static final int MAX_NAL_SIZE = 16384;

    /** Records every event as a string; fragments are joined, so only the NAL units' bytes count. */
    static final class Subject implements DecoderContract.Subject, HevcAnnexBDecoder.Listener {
        final List<Object> events = new ArrayList<>();
        final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        final HevcAnnexBDecoder decoder = new HevcAnnexBDecoder(this, H265Limits.defaults().withMaxNalSize(MAX_NAL_SIZE));

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
            fragments.reset();
            int type = NalUnitType.fromHeaderByte(nalHeaderByte);
            Interest interest = NalUnitType.isVcl(type) ? Interest.FRAGMENTS
                    : type == NalUnitType.AUD_NUT ? Interest.IGNORE : Interest.WHOLE;
            events.add("start " + nalHeaderByte + " @" + offset + " " + interest);
            return interest;
        }

        @Override
        public void onNal(ByteBuffer nal, long offset) {
            byte[] a = new byte[nal.remaining()];
            nal.duplicate().get(a);
            events.add("nal @" + offset + " " + HEX.formatHex(a));
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
        public void onAnomaly(Anomaly<H265AnomalyKind> anomaly) {
            events.add(anomaly);
        }
    }

    private static byte[] withOversizedNal(byte[] valid) {
        byte[] invalid = Arrays.copyOf(valid, valid.length + 4 + MAX_NAL_SIZE + 1);
        invalid[valid.length + 3] = 1;
        Arrays.fill(invalid, valid.length + 4, invalid.length, (byte) 0x55);
        return invalid;
    }

    @ParameterizedTest
    @ValueSource(strings = {"scaling-default", "rext444-12"})
    void fixtureStreams(String name) {
        byte[] valid = Fixtures.bytes("h265/" + name + ".h265");
        new DecoderContract("h265", Subject::new, valid, withOversizedNal(valid)).mutations(100).verify();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // bytes before the first start code, a zero run kept inside a NAL unit, trailing zeros, an empty NAL unit
        "ffee 00000001 40010c 000001 420101 000001 2601af0000000077 000000 000001 000001 4601 000001 0201e0",
        // no final start code, a 3-byte start code right after a NAL unit ending in a zero run
        "00000001 4001 00000001 2601 88 00 00 00 00 000001 4e01 05 01 80"})
    void syntheticStreams(String hex) {
        byte[] valid = HEX.parseHex(hex.replace(" ", ""));
        new DecoderContract("h265", Subject::new, valid, withOversizedNal(valid)).verify();
    }
}
