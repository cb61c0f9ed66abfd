package io.streamwire.h264;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer target for {@link AnnexBDecoder}: the first byte picks a chunk size, the rest is fed in
 * chunks of that size; the NAL units must equal {@link AnnexB#split}'s and only
 * {@link H264Exception} may escape. Seeds under {@code AnnexBDecoderFuzzTestInputs/decode/}.
 */
class AnnexBDecoderFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void decode(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int chunk = 1 + (data[0] & 0x0F);
        byte[] stream = java.util.Arrays.copyOfRange(data, 1, data.length);
        List<ByteBuffer> expected = AnnexB.split(ByteBuffer.wrap(stream));
        List<ByteBuffer> got = new ArrayList<>();
        AnnexBDecoder decoder = new AnnexBDecoder(H264Limits.defaults().withMaxNalSize(1 << 16), new AnnexBDecoder.Listener() {
            @Override
            public AnnexBDecoder.Interest onNalStart(int header, long offset) {
                return (header & 1) == 0 ? AnnexBDecoder.Interest.BUFFER : AnnexBDecoder.Interest.STREAM;
            }

            java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();

            @Override
            public void onNal(ByteBuffer nal, long offset) {
                byte[] copy = new byte[nal.remaining()];
                nal.get(copy);
                got.add(ByteBuffer.wrap(copy));
            }

            @Override
            public void onNalFragment(ByteBuffer fragment, boolean last) {
                byte[] copy = new byte[fragment.remaining()];
                fragment.get(copy);
                current.writeBytes(copy);
                if (last) {
                    got.add(ByteBuffer.wrap(current.toByteArray()));
                    current.reset();
                }
            }
        });
        for (int i = 0; i < stream.length; i += chunk) {
            decoder.feed(ByteBuffer.wrap(stream, i, Math.min(chunk, stream.length - i)));
        }
        decoder.endOfInput();
        if (!got.equals(expected)) {
            throw new AssertionError("decoder " + got.size() + " NAL units, splitter " + expected.size());
        }
    }
}
