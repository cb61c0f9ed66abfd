package io.streamwire.mpegts;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.Interest;
import io.streamwire.mpegts.psi.SectionAssembler;
import java.nio.ByteBuffer;

/**
 * Jazzer target for the whole demuxer (framing, PSI, PES, SCTE-35) with CRC checking off so the
 * fuzzer reaches the table parsers; the first byte picks the feed size and the interest. The
 * demuxer never throws for bad input, so any exception at all (a {@code StreamwireException}
 * included) is a finding. Seeds and findings under {@code TsDemuxerFuzzTestInputs/demux/}.
 */
class TsDemuxerFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void demux(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int control = data[0] & 0xFF;
        Interest interest = Interest.values()[control % 3];
        long[] total = {0};
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream stream) {
                return interest;
            }

            @Override
            public void onPesFragment(TsStream stream, ByteBuffer fragment) {
                total[0] += fragment.remaining();
            }

            @Override
            public void onPes(TsStream stream, ByteBuffer payload) {
                total[0] += payload.remaining();
                int position = payload.position();
                StreamType.probe(payload); // the opt-in probe on real reassembled payloads
                if (payload.position() != position) {
                    throw new AssertionError("StreamType.probe moved the payload's position");
                }
            }
        }, TsLimits.defaults().withMaxPesSize(1 << 16).withMaxPids(32), SectionAssembler.CrcMode.OFF);
        int chunk = 1 + (control >>> 2) * 13;
        for (int at = 1; at < data.length; at += chunk) {
            demuxer.feed(ByteBuffer.wrap(data, at, Math.min(chunk, data.length - at)));
        }
        demuxer.endOfInput();
        demuxer.endOfInput(); // does nothing
        if (total[0] > data.length) {
            throw new AssertionError("more payload than input");
        }
        if (demuxer.position() != data.length - 1) {
            throw new AssertionError("position " + demuxer.position() + " after " + (data.length - 1) + " bytes");
        }
    }
}
