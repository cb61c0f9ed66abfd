package io.streamwire.h264;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer targets for access unit splitting. The first two bytes give the length of a first part,
 * the rest is a second part. Only a {@link StreamwireException} of module {@code "h264"} may
 * escape. Seeds under {@code AccessUnitFuzzTestInputs/<target>/}.
 *
 * <ul>
 *   <li>{@code split}: both parts are Annex B buffers (PES payloads) of one stream given to
 *       {@link AccessUnit#split(ByteBuffer, ParameterSets)} with one {@link ParameterSets}; the access
 *       units must cover the buffer's NAL units in order, and an {@link AccessUnitSplitter} fed the
 *       second part's NAL units must hand out each of them exactly once (a {@code push} or
 *       {@code finish} returning true) with the same counts and flags, refuse {@code push} after
 *       {@code finish} and answer a second {@code finish} with false.
 *   <li>{@code avcC}: the first part is an avcC, the second an AVCC sample with its length size,
 *       pushed into a splitter seeded from the avcC; the NAL units handed out must add up.
 * </ul>
 */
class AccessUnitFuzzTest {

    private static ByteBuffer part(byte[] data, int from, int to) {
        return ByteBuffer.wrap(data, from, to - from).slice();
    }

    private static int cut(byte[] data) {
        return Math.min(2 + ((data[0] & 0xFF) << 8 | data[1] & 0xFF), data.length);
    }

    @FuzzTest(maxDuration = "60s")
    void split(byte[] data) {
        if (data.length < 2) {
            return;
        }
        int cut = cut(data);
        ParameterSets sets = new ParameterSets();
        for (ByteBuffer pes : List.of(part(data, 2, cut), part(data, cut, data.length))) {
            try {
                checkCoversNalUnits(pes, AccessUnit.split(pes, sets));
            } catch (StreamwireException expected) {
                ModuleErrors.requireH264(expected);
            }
        }
        checkHandedOutOnce(part(data, cut, data.length));
    }

    /** The access units are the buffer's NAL units, in order, grouped; flags match the NAL types. */
    private static void checkCoversNalUnits(ByteBuffer pes, List<AccessUnit> aus) {
        AnnexBScanner nals = new AnnexBScanner().reset(pes);
        for (AccessUnit au : aus) {
            if (au.nalUnitCount() < 1 || au.length() < 1 || au.idr() && !au.keyframe()) {
                throw new AssertionError("impossible access unit " + au);
            }
            boolean idr = false;
            for (int i = 0; i < au.nalUnitCount(); i++) {
                if (!nals.next()) {
                    throw new AssertionError("more NAL units in access units than in the buffer");
                }
                int start = nals.nalStart() - pes.position();
                if (i == 0 && start != au.offset()) {
                    throw new AssertionError(au + " does not start at NAL unit " + start);
                }
                if (i == au.nalUnitCount() - 1 && nals.nalEnd() - pes.position() != au.offset() + au.length()) {
                    throw new AssertionError(au + " does not end where its last NAL unit does");
                }
                idr |= (pes.get(nals.nalStart()) & 0x1F) == NalUnitHeader.TYPE_IDR;
            }
            if (idr != au.idr()) {
                throw new AssertionError(au + ": idr flag differs from its NAL unit types");
            }
        }
        if (nals.next()) {
            throw new AssertionError("a NAL unit in no access unit");
        }
        if (pes.position() != 0) {
            throw new AssertionError("position moved");
        }
    }

    private static void checkHandedOutOnce(ByteBuffer stream) {
        List<AccessUnit> expected;
        try {
            expected = AccessUnit.split(stream);
        } catch (StreamwireException e) {
            ModuleErrors.requireH264(e);
            expected = null;
        }
        AccessUnitSplitter splitter = new AccessUnitSplitter();
        List<int[]> handedOut = new ArrayList<>();
        try {
            for (ByteBuffer nal : AnnexB.split(stream)) {
                if (splitter.push(nal, 0)) {
                    handedOut.add(completed(splitter));
                } else {
                    requireNothingCompleted(splitter);
                }
            }
            if (splitter.finish()) {
                handedOut.add(completed(splitter));
            }
        } catch (StreamwireException e) {
            ModuleErrors.requireH264(e);
            if (expected != null) {
                throw new AssertionError("the splitter refused NAL units that AccessUnit.split accepted", e);
            }
            return;
        }
        if (expected == null) {
            throw new AssertionError("AccessUnit.split refused NAL units that the splitter accepted");
        }
        if (handedOut.size() != expected.size()) {
            throw new AssertionError(handedOut.size() + " access units handed out, " + expected.size() + " split");
        }
        for (int i = 0; i < expected.size(); i++) {
            AccessUnit au = expected.get(i);
            int[] c = handedOut.get(i);
            if (c[0] != au.nalUnitCount() || (c[1] == 1) != au.keyframe() || (c[2] == 1) != au.idr()) {
                throw new AssertionError("access unit " + i + " differs: " + au);
            }
        }
        if (splitter.finish()) {
            throw new AssertionError("a second finish returned true");
        }
        requireNothingCompleted(splitter);
        try {
            splitter.push(ByteBuffer.wrap(new byte[] {0x09, (byte) 0xF0}), 0);
            throw new AssertionError("push after finish was accepted");
        } catch (IllegalStateException expectedMisuse) {
            // the lifecycle
        }
    }

    private static int[] completed(AccessUnitSplitter splitter) {
        return new int[] {splitter.completedNalUnitCount(), splitter.completedIsKeyframe() ? 1 : 0, splitter.completedIsIdr() ? 1 : 0};
    }

    private static void requireNothingCompleted(AccessUnitSplitter splitter) {
        try {
            splitter.completedNalUnitCount();
            throw new AssertionError("a completed access unit readable after a call that returned false");
        } catch (IllegalStateException expected) {
            // handed out once
        }
    }

    @FuzzTest(maxDuration = "60s")
    void avcC(byte[] data) {
        if (data.length < 2) {
            return;
        }
        int cut = cut(data);
        AvcDecoderConfigurationRecord config;
        AccessUnitSplitter splitter;
        List<ByteBuffer> nals;
        try {
            config = AvcDecoderConfigurationRecord.parse(part(data, 2, cut));
            splitter = new AccessUnitSplitter(config, H264Limits.defaults());
            nals = Avcc.split(part(data, cut, data.length), config.nalUnitLengthSize());
        } catch (StreamwireException expected) {
            ModuleErrors.requireH264(expected);
            return;
        }
        int total = 0;
        try {
            for (ByteBuffer nal : nals) {
                if (splitter.push(nal, 0)) {
                    total += splitter.completedNalUnitCount();
                }
            }
            if (splitter.finish()) {
                total += splitter.completedNalUnitCount();
            }
        } catch (StreamwireException expected) {
            ModuleErrors.requireH264(expected);
            return;
        }
        if (total != nals.size()) {
            throw new AssertionError(total + " NAL units handed out, " + nals.size() + " pushed");
        }
    }
}
