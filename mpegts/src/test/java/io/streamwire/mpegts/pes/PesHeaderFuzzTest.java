package io.streamwire.mpegts.pes;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Jazzer target for the one PES header parser: {@link PesHeader#parse} raises only the module's
 * {@link StreamwireException}; the allocation-free {@link PesHeader#requireWellFormed} and
 * {@code get*} methods the demuxer uses give the same verdict, message and fields; parse(write(h)) == h;
 * {@link PesHeader#writePtsDts} writes what {@code PesHeader.of(...).writeTo} writes; every error's offset
 * lies inside the input or at its end. Seeds under
 * {@code PesHeaderFuzzTestInputs/parse/}.
 */
class PesHeaderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        PesHeader header;
        try {
            header = PesHeader.parse(in);
        } catch (StreamwireException refused) {
            requireModule(refused);
            if (refused.offset() < 0 || refused.offset() > data.length) {
                throw new AssertionError("offset " + refused.offset() + " outside the " + data.length + " bytes given", refused);
            }
            try {
                PesHeader.requireWellFormed(ByteBuffer.wrap(data), 0, data.length, 0);
            } catch (StreamwireException alsoRefused) {
                if (alsoRefused.getClass() != refused.getClass() || !alsoRefused.getMessage().equals(refused.getMessage())) {
                    throw new AssertionError("requireWellFormed says " + alsoRefused + ", parse says " + refused);
                }
                return;
            }
            throw new AssertionError("requireWellFormed accepts what parse refuses: " + refused);
        }
        ByteBuffer again = ByteBuffer.wrap(data);
        int length = PesHeader.requireWellFormed(again, 0, data.length, 0);
        if (length != in.position() || length != header.encodedSize()) {
            throw new AssertionError("consumed " + in.position() + ", requireWellFormed " + length + ", encodes to "
                    + header.encodedSize());
        }
        if (PesHeader.getStreamId(again, 0) != header.streamId() || PesHeader.getPesPacketLength(again, 0) != header.pesPacketLength()
                || PesHeader.getPts(again, 0) != header.pts() || PesHeader.getDts(again, 0) != header.dts()) {
            throw new AssertionError("the get methods differ from " + header);
        }
        ByteBuffer out = ByteBuffer.allocate(header.encodedSize());
        header.writeTo(out);
        if (!PesHeader.parse(out.flip()).equals(header)) {
            throw new AssertionError("round trip changed " + header);
        }
        if (PesHeader.hasOptionalHeader(header.streamId()) && header.pts() >= 0) {
            PesHeader simple = PesHeader.of(header.streamId(), header.pesPacketLength(), header.pts(), header.dts());
            ByteBuffer a = ByteBuffer.allocate(simple.encodedSize());
            simple.writeTo(a);
            ByteBuffer b = ByteBuffer.allocate(simple.encodedSize() + 3);
            int written = PesHeader.writePtsDts(b, 3, header.streamId(), header.pesPacketLength(), header.pts(), header.dts());
            if (written != simple.encodedSize() || !Arrays.equals(a.array(), Arrays.copyOfRange(b.array(), 3, 3 + written))) {
                throw new AssertionError("writePtsDts differs from writeTo for " + simple);
            }
        }
    }

    private static void requireModule(StreamwireException e) {
        if (!"mpegts".equals(e.module())) {
            throw new AssertionError("an exception of module " + e.module(), e);
        }
    }
}
