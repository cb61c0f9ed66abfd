package io.streamwire.h264;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Sps#parse} reads an SPS with a fast pass that skips the per-read end check and falls back
 * to the exact pass on any failure (see {@link SpsReader}). These check that the outcome (the SPS,
 * or the exception's type, field, offset and message, and the buffer's position) is always the one
 * of the exact pass alone, on fixture SPSs cut, bit-flipped and overwritten, from heap buffers with
 * and without bytes after the NAL unit and from direct buffers. Seeds under
 * {@code SpsTwoPassTestInputs/parse/} are the fixtures' SPSs.
 */
class SpsTwoPassTest {

    /** The outcome of one parse as text, so that two parses compare with equals. */
    private static String outcome(ByteBuffer nal, boolean exactOnly) {
        int p = nal.position();
        try {
            Sps sps;
            if (exactOnly) {
                if (!nal.hasRemaining() || (nal.get(p) & 0x1F) != NalUnitHeader.TYPE_SPS) {
                    return "not an SPS NAL unit";
                }
                sps = Sps.read(SpsReader.over(nal, p + 1, nal.limit(), 1001).exactPass());
                nal.position(nal.limit());
            } else {
                sps = Sps.parse(nal, 1000);
            }
            return sps + " position " + nal.position();
        } catch (H264Exception e) {
            return e.getClass().getSimpleName() + " " + e.field() + " " + e.offset() + " " + e.getMessage() + " position " + nal.position();
        }
    }

    private static void assertSameAsExactPass(byte[] nal) {
        if (nal.length == 0 || (nal[0] & 0x1F) != NalUnitHeader.TYPE_SPS) {
            return;
        }
        byte[] padded = Arrays.copyOf(nal, nal.length + 24);
        Arrays.fill(padded, nal.length, padded.length, (byte) 0xFF);
        ByteBuffer direct = ByteBuffer.allocateDirect(nal.length).put(nal).flip();
        for (ByteBuffer b : List.of(ByteBuffer.wrap(nal), ByteBuffer.wrap(padded, 0, nal.length).slice(), direct)) {
            assertThat(outcome(b.duplicate(), false)).as(java.util.HexFormat.of().formatHex(nal)).isEqualTo(outcome(b.duplicate(), true));
        }
    }

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        byte[] nal = new byte[data.length + 1];
        nal[0] = 0x67;
        System.arraycopy(data, 0, nal, 1, data.length);
        assertSameAsExactPass(nal);
    }

    @Test
    void mutatedFixtureSpssGiveTheExactPassOutcome() {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : SpsTest.FIXTURES) {
            ByteBuffer nal = SpsTest.nalsOfType(Fixtures.bytes("h264/" + name + ".h264"), 7).get(0);
            byte[] b = new byte[nal.remaining()];
            nal.duplicate().get(b);
            seeds.add(b);
        }
        Random r = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] m = seeds.get(r.nextInt(seeds.size())).clone();
            switch (r.nextInt(3)) {
                case 0:
                    m = Arrays.copyOf(m, 1 + r.nextInt(m.length));
                    break;
                case 1:
                    for (int k = 0; k <= r.nextInt(3); k++) {
                        int bit = 8 + r.nextInt((m.length - 1) * 8);
                        m[bit >> 3] ^= (byte) (0x80 >> (bit & 7));
                    }
                    break;
                default:
                    m[1 + r.nextInt(m.length - 1)] = (byte) r.nextInt(256);
                    break;
            }
            assertSameAsExactPass(m);
        }
    }
}
