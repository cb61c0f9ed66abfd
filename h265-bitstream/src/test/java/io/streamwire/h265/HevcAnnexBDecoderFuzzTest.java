package io.streamwire.h265;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.Interest;
import io.streamwire.core.StreamwireException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer target for {@link HevcAnnexBDecoder} against {@link HevcAnnexB#split}: the first byte picks
 * a chunk size and a NAL size limit, the rest is fed in chunks of that size; each NAL unit's first
 * byte picks its interest. The NAL units delivered must equal the one-shot split's (less the ignored
 * ones), {@code position()} must count every byte, and only a module {@code "h265"} exception (the
 * size limit, when a NAL unit passes it) may escape. Seeds under {@code HevcAnnexBDecoderFuzzTestInputs/decode/}.
 */
class HevcAnnexBDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int chunk = 1 + (data[0] & 0x0F);
        int maxNalSize = (data[0] & 0x10) != 0 ? 64 : 1 << 16;
        byte[] stream = Arrays.copyOfRange(data, 1, data.length);
        List<ByteBuffer> all = HevcAnnexB.split(ByteBuffer.wrap(stream));
        List<ByteBuffer> expected = new ArrayList<>();
        for (ByteBuffer nal : all) {
            if (interest(nal.get(nal.position()) & 0xFF) != Interest.IGNORE) {
                expected.add(nal);
            }
        }
        List<ByteBuffer> got = new ArrayList<>();
        HevcAnnexBDecoder decoder = new HevcAnnexBDecoder(new HevcAnnexBDecoder.Listener() {
            final ByteArrayOutputStream current = new ByteArrayOutputStream();

            @Override
            public Interest onNalStart(int header, long offset) {
                return interest(header);
            }

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
        }, H265Limits.defaults().withMaxNalSize(maxNalSize));
        boolean oversized = all.stream().anyMatch(n -> n.remaining() > maxNalSize);
        try {
            for (int i = 0; i < stream.length; i += chunk) {
                decoder.feed(ByteBuffer.wrap(stream, i, Math.min(chunk, stream.length - i)));
            }
            decoder.endOfInput();
        } catch (StreamwireException e) {
            if (!"h265".equals(e.module()) || !oversized) {
                throw new AssertionError("refused a stream whose NAL units are within the limit", e);
            }
            try {
                decoder.endOfInput();
            } catch (IllegalStateException failed) {
                return;
            }
            throw new AssertionError("endOfInput() after a failure did not throw");
        }
        if (oversized) {
            throw new AssertionError("accepted a NAL unit over H265Limits.maxNalSize() " + maxNalSize);
        }
        if (!got.equals(expected)) {
            throw new AssertionError("decoder " + got.size() + " NAL units, split " + expected.size());
        }
        if (decoder.position() != stream.length) {
            throw new AssertionError("position() " + decoder.position() + " after " + stream.length + " bytes");
        }
    }

    private static Interest interest(int header) {
        return Interest.values()[header % 3];
    }
}
