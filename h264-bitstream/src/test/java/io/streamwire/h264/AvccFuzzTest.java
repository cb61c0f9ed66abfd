package io.streamwire.h264;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer target for {@link Avcc#toAnnexB(ByteBuffer, int, AvcDecoderConfigurationRecord, ByteBuffer)}
 * and the array form: the first byte picks the length size and whether a configuration is given,
 * the rest is the sample. Only a {@link StreamwireException} of module {@code "h264"} may escape,
 * from both forms alike; what converts must hold the sample's NAL units (the ones
 * {@link Avcc#split} finds, less trailing zero bytes) plus, when inserted, the configuration's, be
 * exactly {@link Avcc#annexBSize} long and the same bytes in both forms, and a buffer one byte short
 * must be refused untouched. Seeds under {@code AvccFuzzTestInputs/toAnnexB/}.
 */
class AvccFuzzTest {
    private static final AvcDecoderConfigurationRecord CONFIG = new AvcDecoderConfigurationRecord(1, 0x64, 0, 0x1f, 3,
            List.of(ByteBuffer.wrap(new byte[] {0x67, 0x64, 0x00, 0x1f})), List.of(ByteBuffer.wrap(new byte[] {0x68, (byte) 0xee, 0x3c, (byte) 0xb0})), null);

    @FuzzTest(maxDuration = "120s")
    void toAnnexB(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int lengthSize = new int[] {1, 2, 4, 4}[data[0] & 3];
        AvcDecoderConfigurationRecord config = (data[0] & 4) != 0 ? CONFIG : null;
        ByteBuffer sample = ByteBuffer.wrap(data, 1, data.length - 1).slice();
        int size;
        List<ByteBuffer> nals;
        try {
            size = Avcc.annexBSize(sample, lengthSize, config);
            nals = Avcc.split(sample, lengthSize);
        } catch (StreamwireException expected) {
            ModuleErrors.requireH264(expected);
            try {
                Avcc.toAnnexB(sample, lengthSize, config, ByteBuffer.allocate(data.length * 2 + 64));
                throw new AssertionError("annexBSize or split refused a sample that toAnnexB converted");
            } catch (StreamwireException alsoExpected) {
                ModuleErrors.requireH264(alsoExpected);
            }
            try {
                Avcc.toAnnexB(sample, lengthSize, config);
                throw new AssertionError("annexBSize or split refused a sample that the array toAnnexB converted");
            } catch (StreamwireException alsoExpected) {
                ModuleErrors.requireH264(alsoExpected);
                return;
            }
        }
        byte[] array = Avcc.toAnnexB(sample, lengthSize, config);
        if (size > 0) {
            ByteBuffer small = ByteBuffer.allocate(size - 1);
            try {
                Avcc.toAnnexB(sample, lengthSize, config, small);
                throw new AssertionError("wrote " + size + " bytes into " + (size - 1));
            } catch (BufferOverflowException expected) {
                if (small.position() != 0 || !Arrays.equals(small.array(), new byte[size - 1])) {
                    throw new AssertionError("a refused buffer was written to");
                }
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        if (Avcc.toAnnexB(sample, lengthSize, config, out) != size || out.hasRemaining() || sample.position() != 0) {
            throw new AssertionError("size, output position or sample position wrong");
        }
        if (!ByteBuffer.wrap(array).equals(out.duplicate().flip())) {
            throw new AssertionError("the array form wrote other bytes than the buffer form");
        }
        // exactly the sample's NAL units behind start codes (less trailing zero bytes, which Annex B
        // cannot carry; a NAL unit of zeros only is refused above), with SPS and PPS at the start of the
        // access unit (after a leading AUD) when inserted
        if (nals.stream().anyMatch(n -> n.hasRemaining() && !withoutTrailingZeros(n).hasRemaining())) {
            throw new AssertionError("a NAL unit of zero bytes only was converted, not refused");
        }
        nals = nals.stream().map(AvccFuzzTest::withoutTrailingZeros).filter(ByteBuffer::hasRemaining).toList();
        boolean inserted = size != Avcc.encodedSize(nals, 4);
        int at = !nals.isEmpty() && (nals.get(0).get(0) & 0x1F) == 9 ? 1 : 0;
        ByteBuffer expected = ByteBuffer.allocate(size);
        for (int i = 0; i < nals.size(); i++) {
            if (inserted && i == at) {
                expected.putInt(1).put(CONFIG.sequenceParameterSets().get(0).duplicate());
                expected.putInt(1).put(CONFIG.pictureParameterSets().get(0).duplicate());
            }
            expected.putInt(1).put(nals.get(i).duplicate());
        }
        if (inserted && (config == null || nals.stream().noneMatch(n -> (n.get(0) & 0x1F) == 5))) {
            throw new AssertionError("parameter sets inserted into a sample without IDR slice or without configuration");
        }
        if (expected.hasRemaining() || !expected.flip().equals(out.flip())) {
            throw new AssertionError("output differs from the sample's NAL units behind start codes");
        }
    }

    private static ByteBuffer withoutTrailingZeros(ByteBuffer nal) {
        int n = nal.remaining();
        while (n > 0 && nal.get(nal.position() + n - 1) == 0) {
            n--;
        }
        return nal.slice(nal.position(), n);
    }
}
