package io.streamwire.mp4;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.Interest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer targets for the box reader. {@link #parse}: {@link Boxes#parse} raises only this module's
 * exceptions, and what it accepts is written back to bytes that parse to the same tree.
 * {@link #decode}: the first byte picks a chunk size, the rest is fed to {@link Mp4BoxDecoder} in
 * chunks of that size (mdat in fragments, everything else whole); only module-mp4 exceptions
 * escape, position counts every byte, and the decoder agrees with {@link Boxes#parse}: when the
 * one-shot parse accepts the input, the decoder's whole boxes are its leaves (type and payload size;
 * typed records write reserved fields as zeros). Seeds under
 * {@code BoxesFuzzTestInputs/}.
 */
class BoxesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        List<Box> boxes;
        try {
            boxes = Boxes.parse(ByteBuffer.wrap(data), Mp4Limits.defaults().withMaxEntriesPerTable(1 << 16));
        } catch (StreamwireException e) {
            Mp4Fixtures.requireMp4(e);
            return;
        }
        byte[] again = Boxes.toByteArray(boxes);
        List<Box> reparsed = Boxes.parse(ByteBuffer.wrap(again));
        if (!reparsed.equals(boxes)) {
            throw new AssertionError("parse(write(parse(x))) != parse(x)");
        }
        if (!java.util.Arrays.equals(Boxes.toByteArray(reparsed), again)) {
            throw new AssertionError("write is not stable");
        }
    }

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int chunk = 1 + (data[0] & 0x3F);
        byte[] stream = java.util.Arrays.copyOfRange(data, 1, data.length);
        List<String> leaves = new ArrayList<>();
        long[] fragmentBytes = {0};
        Mp4BoxDecoder decoder = new Mp4BoxDecoder(new Mp4BoxDecoder.Listener() {
            @Override
            public Interest onBoxStart(BoxHeader h) {
                return h.type().equals(BoxType.MDAT) ? Interest.FRAGMENTS : Interest.WHOLE;
            }

            @Override
            public void onBox(BoxHeader h, ByteBuffer payload) {
                leaves.add(h.type() + " " + payload.remaining());
            }

            @Override
            public void onBoxFragment(BoxHeader h, ByteBuffer part, boolean last) {
                fragmentBytes[0] += part.remaining();
                if (last) {
                    leaves.add(h.type() + " " + fragmentBytes[0]);
                    fragmentBytes[0] = 0;
                }
            }
        }, Mp4Limits.defaults().withMaxBoxSize(1 << 20));
        try {
            for (int i = 0; i < stream.length; i += chunk) {
                decoder.feed(ByteBuffer.wrap(stream, i, Math.min(chunk, stream.length - i)));
            }
            decoder.endOfInput();
        } catch (StreamwireException e) {
            Mp4Fixtures.requireMp4(e);
            try {
                decoder.endOfInput();
            } catch (IllegalStateException failed) {
                return;
            }
            throw new AssertionError("endOfInput() after a failure did not throw");
        }
        if (decoder.position() != stream.length) {
            throw new AssertionError("position() " + decoder.position() + " after " + stream.length + " bytes");
        }
        List<Box> boxes;
        try {
            boxes = Boxes.parse(ByteBuffer.wrap(stream));
        } catch (StreamwireException e) {
            return; // the one-shot parse also reads inside leaves the decoder hands out whole
        }
        List<String> expected = new ArrayList<>();
        leaves(boxes, expected);
        if (!expected.equals(leaves)) {
            throw new AssertionError("decoder leaves " + leaves.size() + ", parser leaves " + expected.size());
        }
    }

    private static void leaves(List<Box> boxes, List<String> out) {
        for (Box b : boxes) {
            if (b instanceof ContainerBox c) {
                leaves(c.children(), out);
            } else {
                out.add(b.type() + " " + b.payloadSize());
            }
        }
    }
}
