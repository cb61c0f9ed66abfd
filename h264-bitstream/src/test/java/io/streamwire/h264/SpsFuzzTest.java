package io.streamwire.h264;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Jazzer target for {@link Sps#parse}: the input (after a forced SPS header byte) may only raise
 * a {@link StreamwireException} of module {@code "h264"}; what parses must come back equal through
 * the writer; and the outcome (the SPS, or the error's type, field, offset and message, and the
 * buffer's position) must be the same from a heap buffer, a slice of a larger array with bytes
 * after the NAL unit, and a direct buffer. Seeds under {@code SpsFuzzTestInputs/parse/} are the
 * fixtures' SPSs.
 */
class SpsFuzzTest {

    @FuzzTest(maxDuration = "120s")
    void parse(byte[] data) {
        byte[] nal = new byte[data.length + 1];
        nal[0] = 0x67;
        System.arraycopy(data, 0, nal, 1, data.length);
        assertSameInEveryBufferKind(nal);
        Sps sps;
        try {
            sps = Sps.parse(ByteBuffer.wrap(nal));
        } catch (StreamwireException expected) {
            ModuleErrors.requireH264(expected);
            return;
        }
        Sps again = Sps.parse(ByteBuffer.wrap(sps.toNal(3)));
        if (!again.equals(sps)) {
            throw new AssertionError("parse(write(sps)) != sps");
        }
        sps.widthPixels();
        sps.heightPixels();
        sps.picSizeInMapUnits();
        sps.frameSizeInMbs();
        sps.pixelFormat();
        sps.codecString();
        sps.framesPerSecond();
    }

    /** The outcome of one parse as text, so that two parses compare with equals. */
    static String outcome(ByteBuffer nal) {
        int p = nal.position();
        try {
            Sps sps = Sps.parse(nal, 1000);
            return sps + " position " + (nal.position() - p);
        } catch (StreamwireException e) {
            ModuleErrors.requireH264(e);
            return e.getClass().getSimpleName() + " " + e.field() + " " + e.offset() + " " + e.getMessage()
                    + " position " + (nal.position() - p);
        }
    }

    /** Parses {@code nal} from a heap buffer, an array slice followed by 0xFF bytes and a direct buffer. */
    static void assertSameInEveryBufferKind(byte[] nal) {
        byte[] padded = new byte[nal.length + 27];
        Arrays.fill(padded, (byte) 0xFF);
        System.arraycopy(nal, 0, padded, 3, nal.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(nal.length).put(nal).flip();
        String heap = outcome(ByteBuffer.wrap(nal));
        for (ByteBuffer b : List.of(ByteBuffer.wrap(padded, 3, nal.length).slice(),
                ByteBuffer.wrap(padded).position(3).limit(3 + nal.length), direct)) {
            String other = outcome(b);
            if (!other.equals(heap)) {
                throw new AssertionError(HexFormat.of().formatHex(nal) + ": " + heap + " but " + other);
            }
        }
    }
}
