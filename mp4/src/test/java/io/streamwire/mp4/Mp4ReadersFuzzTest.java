package io.streamwire.mp4;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Jazzer targets for the sample readers: {@link #fragmented} feeds the input to
 * {@link FragmentedMp4Reader} as an init segment plus media segment (the whole input is both, as in
 * a single-file fMP4), {@link #progressive} to {@link Mp4FileReader}. Only this module's exceptions
 * may escape; every sample handed out lies inside the input with a payload of its size, and seeking
 * returns a sync sample. Seeds under {@code Mp4ReadersFuzzTestInputs/}.
 */
class Mp4ReadersFuzzTest {
    private static final Mp4Limits LIMITS = Mp4Limits.defaults().withMaxEntriesPerTable(1 << 16).withMaxSamplesPerFragment(1 << 12);

    @FuzzTest(maxDuration = "60s")
    void fragmented(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        List<Mp4Sample> samples;
        try {
            samples = new FragmentedMp4Reader(in, LIMITS).readSegment(in, 0);
        } catch (StreamwireException e) {
            Mp4Fixtures.requireMp4(e);
            return;
        }
        check(samples, data.length);
    }

    @FuzzTest(maxDuration = "60s")
    void progressive(byte[] data) {
        Mp4FileReader reader;
        try {
            reader = Mp4FileReader.read(ByteBuffer.wrap(data), LIMITS);
        } catch (StreamwireException e) {
            Mp4Fixtures.requireMp4(e);
            return;
        }
        check(reader.samples(), data.length);
        for (int t = 0; t < reader.tracks().size(); t++) {
            int i = reader.syncSampleAtOrBefore(t, 1000);
            if (i >= 0 && !reader.sample(t, i).sync()) {
                throw new AssertionError("seek landed on a non-sync sample");
            }
        }
    }

    private static void check(List<Mp4Sample> samples, int length) {
        for (Mp4Sample s : samples) {
            if (s.offset() < 0 || s.offset() + s.size() > length || s.payload().remaining() != s.size()) {
                throw new AssertionError("sample outside the input: " + s);
            }
        }
    }
}
