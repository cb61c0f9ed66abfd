package io.streamwire.h265;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer targets for {@link Hvcc} in both directions. {@code toAnnexB}: arbitrary bytes as a sample
 * (the first byte picks the length size and whether a configuration inserts parameter sets); the
 * array and buffer forms must agree byte for byte or fail alike with a module {@code "h265"}
 * exception, and the Annex B written must split back into the sample's NAL units (plus the inserted
 * ones). {@code fromAnnexB}: arbitrary bytes as Annex B; the length-prefixed result must split back
 * into the Annex B NAL units (without parameter sets when dropped). Seeds under
 * {@code HvccFuzzTestInputs/<method>/}.
 */
class HvccFuzzTest {
    private static final HevcDecoderConfigurationRecord CONFIG = new HevcDecoderConfigurationRecord(1, 0, false, 1,
            0x60000000, 0x900000000000L, 60, 0, 0, 1, 0, 0, 0, 0, 1, true, 3, List.of(
                    new HevcDecoderConfigurationRecord.NalUnitArray(true, 32, List.of(ByteBuffer.wrap(new byte[] {0x40, 0x01, 0x0c}))),
                    new HevcDecoderConfigurationRecord.NalUnitArray(true, 33, List.of(ByteBuffer.wrap(new byte[] {0x42, 0x01, 0x01}))),
                    new HevcDecoderConfigurationRecord.NalUnitArray(true, 34, List.of(ByteBuffer.wrap(new byte[] {0x44, 0x01, (byte) 0xc1})))));

    @FuzzTest(maxDuration = "60s")
    void toAnnexB(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int lengthSize = new int[] {1, 2, 4, 4}[data[0] & 3];
        HevcDecoderConfigurationRecord config = (data[0] & 4) != 0 ? CONFIG : null;
        ByteBuffer sample = ByteBuffer.wrap(data, 1, data.length - 1).slice();
        byte[] array;
        try {
            array = Hvcc.toAnnexB(sample, lengthSize, config);
        } catch (StreamwireException e) {
            requireH265(e);
            ByteBuffer out = ByteBuffer.allocate(data.length * 2 + 64);
            try {
                Hvcc.toAnnexB(sample, lengthSize, config, out);
            } catch (StreamwireException same) {
                if (out.position() != 0 || !same.getMessage().equals(e.getMessage())) {
                    throw new AssertionError("the buffer form failed differently", same);
                }
                return;
            }
            throw new AssertionError("the buffer form accepted what the array form refused", e);
        }
        ByteBuffer out = ByteBuffer.allocate(array.length + 8).position(8);
        int n = Hvcc.toAnnexB(sample, lengthSize, config, out);
        if (n != array.length || !ByteBuffer.wrap(array).equals(out.flip().position(8))) {
            throw new AssertionError("array and buffer forms differ");
        }
        List<ByteBuffer> nals = Hvcc.split(sample, lengthSize);
        List<ByteBuffer> back = HevcAnnexB.split(ByteBuffer.wrap(array));
        if (back.size() != nals.size() && (config == null || back.size() != nals.size() + 3)) {
            throw new AssertionError(back.size() + " NAL units from " + nals.size());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void fromAnnexB(byte[] data) {
        if (data.length == 0) {
            return;
        }
        boolean drop = (data[0] & 1) != 0;
        int lengthSize = (data[0] & 2) != 0 ? 4 : 2;
        ByteBuffer annexB = ByteBuffer.wrap(Arrays.copyOfRange(data, 1, data.length));
        List<ByteBuffer> nals = HevcAnnexB.split(annexB);
        if (lengthSize == 2 && nals.stream().anyMatch(b -> b.remaining() > 0xFFFF)) {
            return;
        }
        byte[] prefixed = Hvcc.fromAnnexB(annexB, lengthSize, drop);
        List<ByteBuffer> expected = drop ? nals.stream()
                .filter(b -> !NalUnitType.isParameterSet(NalUnitType.fromHeaderByte(b.get(b.position()) & 0xFF))).toList() : nals;
        if (!Hvcc.split(ByteBuffer.wrap(prefixed), lengthSize).equals(expected)) {
            throw new AssertionError("length-prefixed NAL units differ from the Annex B ones");
        }
        if (!Arrays.equals(Hvcc.toAnnexB(ByteBuffer.wrap(prefixed), lengthSize, null), HevcAnnexB.toByteArray(expected))) {
            throw new AssertionError("back to Annex B differs");
        }
    }

    private static void requireH265(StreamwireException e) {
        if (!"h265".equals(e.module())) {
            throw new AssertionError("a StreamwireException of module " + e.module() + " escaped", e);
        }
    }
}
