package io.streamwire.h265;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer target for {@link HevcAccessUnitSplitter}: arbitrary bytes as Annex B (the first byte
 * picks a chunk size and a NAL-units-per-access-unit limit). The one-shot {@link HevcAccessUnit#split}
 * and the push form fed through {@link HevcAnnexBDecoder} in chunks must give the same access units
 * or fail alike with a module {@code "h265"} exception; the access units must cover every NAL unit
 * once, in order. Seeds under {@code HevcAccessUnitSplitterFuzzTestInputs/split/}.
 */
class HevcAccessUnitSplitterFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void split(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int chunk = 1 + (data[0] & 0x1F);
        H265Limits limits = H265Limits.defaults().withMaxNalUnitsPerAccessUnit((data[0] & 0x20) != 0 ? 4 : 4096);
        byte[] stream = Arrays.copyOfRange(data, 1, data.length);
        List<HevcAccessUnit> oneShot;
        String oneShotError = null;
        try {
            oneShot = HevcAccessUnit.split(ByteBuffer.wrap(stream), new HevcAccessUnitSplitter(limits));
        } catch (StreamwireException e) {
            requireH265(e);
            oneShot = null;
            oneShotError = e.getMessage();
        }
        List<HevcAccessUnit> pushed = new ArrayList<>();
        HevcAccessUnitSplitter splitter = new HevcAccessUnitSplitter(limits);
        HevcAnnexBDecoder decoder = new HevcAnnexBDecoder((nal, offset) -> {
            if (splitter.push(nal, offset)) {
                pushed.add(splitter.completed());
            }
        }, H265Limits.defaults());
        try {
            for (int i = 0; i < stream.length; i += chunk) {
                decoder.feed(ByteBuffer.wrap(stream, i, Math.min(chunk, stream.length - i)));
            }
            decoder.endOfInput();
            if (splitter.endAccessUnit()) {
                pushed.add(splitter.completed());
            }
        } catch (StreamwireException e) {
            requireH265(e);
            if (!e.getMessage().equals(oneShotError)) {
                throw new AssertionError("push form failed, one-shot " + oneShotError, e);
            }
            return;
        }
        if (oneShot == null) {
            throw new AssertionError("one-shot failed (" + oneShotError + "), push form did not");
        }
        if (!pushed.equals(oneShot)) {
            throw new AssertionError("push form " + pushed + " one-shot " + oneShot);
        }
        int nals = HevcAnnexB.split(ByteBuffer.wrap(stream)).size();
        if (oneShot.stream().mapToInt(HevcAccessUnit::nalUnitCount).sum() != nals) {
            throw new AssertionError("access units do not cover the " + nals + " NAL units");
        }
        long end = -1;
        for (HevcAccessUnit au : oneShot) {
            if (au.offset() <= end || au.offset() + au.length() > stream.length) {
                throw new AssertionError("access units out of order or past the stream: " + au);
            }
            end = au.offset() + au.length() - 1;
        }
    }

    private static void requireH265(StreamwireException e) {
        if (!"h265".equals(e.module())) {
            throw new AssertionError("a StreamwireException of module " + e.module() + " escaped", e);
        }
    }
}
