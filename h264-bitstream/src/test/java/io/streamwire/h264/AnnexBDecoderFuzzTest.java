package io.streamwire.h264;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.Interest;
import io.streamwire.core.StreamwireException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer target for {@link AnnexBDecoder}: the first byte picks a chunk size and a NAL size limit,
 * the rest is fed in chunks of that size; each NAL unit's header byte picks its interest (whole,
 * fragments or ignored). The NAL units delivered must equal {@link AnnexB#split}'s (less the ignored
 * ones), {@code position()} must count every byte, a second {@code endOfInput()} must do nothing,
 * and only a {@link StreamwireException} of module {@code "h264"} (the size limit) may escape, after
 * which the decoder must refuse further input. Seeds under {@code AnnexBDecoderFuzzTestInputs/decode/}.
 */
class AnnexBDecoderFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void decode(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int chunk = 1 + (data[0] & 0x0F);
        int maxNalSize = (data[0] & 0x10) != 0 ? 64 : 1 << 16;
        byte[] stream = java.util.Arrays.copyOfRange(data, 1, data.length);
        List<ByteBuffer> all = AnnexB.split(ByteBuffer.wrap(stream));
        List<ByteBuffer> expected = new ArrayList<>();
        for (ByteBuffer nal : all) {
            if (interest(nal.get(nal.position()) & 0xFF) != Interest.IGNORE) {
                expected.add(nal);
            }
        }
        List<ByteBuffer> got = new ArrayList<>();
        AnnexBDecoder decoder = new AnnexBDecoder(new AnnexBDecoder.Listener() {
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
        }, H264Limits.defaults().withMaxNalSize(maxNalSize));
        try {
            for (int i = 0; i < stream.length; i += chunk) {
                decoder.feed(ByteBuffer.wrap(stream, i, Math.min(chunk, stream.length - i)));
            }
            decoder.endOfInput();
        } catch (StreamwireException e) {
            ModuleErrors.requireH264(e);
            if (all.stream().noneMatch(n -> n.remaining() > maxNalSize)) {
                throw new AssertionError("refused a stream whose NAL units are within the limit", e);
            }
            try {
                decoder.endOfInput();
            } catch (IllegalStateException failed) {
                return;
            }
            throw new AssertionError("endOfInput() after a failure did not throw");
        }
        if (all.stream().anyMatch(n -> n.remaining() > maxNalSize)) {
            throw new AssertionError("accepted a NAL unit over H264Limits.maxNalSize() " + maxNalSize);
        }
        if (!got.equals(expected)) {
            throw new AssertionError("decoder " + got.size() + " NAL units, splitter " + expected.size());
        }
        if (decoder.position() != stream.length) {
            throw new AssertionError("position() " + decoder.position() + " after " + stream.length + " bytes");
        }
        decoder.endOfInput();
        if (got.size() != expected.size()) {
            throw new AssertionError("a second endOfInput() delivered more");
        }
    }

    private static Interest interest(int header) {
        return Interest.values()[header % 3];
    }
}
