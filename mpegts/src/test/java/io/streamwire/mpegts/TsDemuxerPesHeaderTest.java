package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import io.streamwire.core.StreamwireException;
import io.streamwire.mpegts.pes.PesHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The demuxer reads PES headers with {@link PesHeader}, the one parser: it accepts exactly the
 * headers {@link PesHeader#parse} accepts, whether the header lies in one packet or spans several,
 * and reports the others as {@link TsAnomalyKind#MALFORMED_PES} with the parser's message.
 */
class TsDemuxerPesHeaderTest {

    /** PAT, PMT (H.264 on 0x100), then the PES {@code pes} packetized on 0x100 from packet 2 on, then a good PES. */
    static byte[] stream(byte[] pes) {
        java.util.Arrays.fill(TsDemuxerTest.CC, 0);
        List<byte[]> packets = new ArrayList<>(TsDemuxerTest.psi(TsDemuxerTest.pmt(0, 0x1B, 0x100)));
        int[] cc = {0};
        packets.addAll(TsTestPackets.packetize(0x100, pes, false, cc));
        packets.addAll(TsDemuxerTest.pes(0x100, 0xE0, 90_000, 10, false, cc));
        return TsTestPackets.join(packets, 0, 0);
    }

    static List<String> demux(byte[] ts) {
        List<String> events = new ArrayList<>();
        TsDemuxer d = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream s) {
                events.add("pes id=" + s.streamId() + " length=" + s.pesPacketLength() + " raw=" + s.rawPts() + "/" + s.rawDts()
                        + " pts=" + s.pts() + " dts=" + s.dts());
                return Interest.WHOLE;
            }

            @Override
            public void onPes(TsStream s, ByteBuffer payload) {
                events.add("payload " + payload.remaining());
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> a) {
                events.add(a.kind() + " " + a.detail());
            }
        });
        d.feed(ByteBuffer.wrap(ts));
        d.endOfInput();
        return events;
    }

    static byte[] concat(byte[] a, int payload) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + payload);
        for (int i = a.length; i < out.length; i++) {
            out[i] = (byte) i;
        }
        return out;
    }

    @Test
    void aFlaggedFieldPastTheHeaderIsMalformedAsPesHeaderSays() {
        // PTS and ESCR flagged (0xA0) but PES_header_data_length 5 leaves no room for the ESCR
        byte[] header = HexFormat.of().parseHex("000001e00000" + "80a005" + "2100010001");
        assertThat(demux(stream(concat(header, 300)))).containsExactly(
                "MALFORMED_PES pid 0x0100: ESCR runs past PES_header_data_length at offset " + (2 * 188 + 4 + 14)
                        + "; ISO/IEC 13818-1 §2.4.3.6",
                "pes id=224 length=0 raw=90000/-1 pts=90000 dts=90000", "payload 10");
    }

    @Test
    void aBadStartCodeIsMalformed() {
        byte[] header = HexFormat.of().parseHex("000002e00000" + "808005" + "2100010001");
        assertThat(demux(stream(concat(header, 300)))).first().asString()
                .isEqualTo("MALFORMED_PES pid 0x0100: packet_start_code_prefix 0x000002 is not 0x000001 at offset " + (2 * 188 + 4)
                        + "; ISO/IEC 13818-1 §2.4.3.6");
    }

    @Test
    void aHeaderSpanningPacketsIsGatheredAndCheckedTheSameWay() {
        // 9 + 5 + 200 stuffing bytes: the header spans the first two packets of the PES
        PesHeader big = new PesHeader(0xE0, 0, 0, false, true, false, false, 45_000, -1, -1, 0, -1, -1, -1, -1, null, 200);
        ByteBuffer b = ByteBuffer.allocate(big.encodedSize());
        big.writeTo(b);
        assertThat(demux(stream(concat(b.array(), 500)))).containsExactly(
                "pes id=224 length=0 raw=45000/-1 pts=45000 dts=45000", "payload 500",
                "pes id=224 length=0 raw=90000/-1 pts=90000 dts=90000", "payload 10");
        // the same header with PES_header_data_length past PES_packet_length 100: refused, no offset (it spans packets)
        byte[] bad = b.array().clone();
        bad[5] = 100;
        assertThat(demux(stream(concat(bad, 500)))).first().asString()
                .isEqualTo("MALFORMED_PES pid 0x0100: PES_header_data_length 205 is past PES_packet_length 100; ISO/IEC 13818-1 §2.4.3.6");
    }

    @Test
    void aHeaderCutByTheNextPesIsReported() {
        PesHeader big = new PesHeader(0xE0, 0, 0, false, true, false, false, 45_000, -1, -1, 0, -1, -1, -1, -1, null, 200);
        ByteBuffer b = ByteBuffer.allocate(big.encodedSize());
        big.writeTo(b);
        byte[] first = java.util.Arrays.copyOf(b.array(), 100); // one packet of the header, then the next PES starts
        assertThat(demux(stream(first))).first().asString()
                .isEqualTo("MALFORMED_PES pid 0x0100: PES header cut short after 100 bytes: next payload_unit_start_indicator came first");
    }

    /** Random bytes after a start code: the demuxer and PesHeader.parse give the same verdict and PTS/DTS. */
    @Property(tries = 1000)
    void acceptsExactlyWhatPesHeaderParseAccepts(@ForAll @Size(min = 9, max = 40) byte[] tail, @ForAll @IntRange(max = 300) int pad,
            @ForAll @IntRange(min = 0xBC, max = 0xFF) int streamId) {
        byte[] header = new byte[3 + tail.length];
        header[2] = 1;
        System.arraycopy(tail, 0, header, 3, tail.length);
        header[3] = (byte) streamId;
        header[8] &= (byte) 0x1F; // PES_header_data_length below 32
        header[4] = 0; // PES_packet_length below 256
        byte[] pes = concat(header, pad + 40);
        String verdict;
        try {
            PesHeader h = PesHeader.parse(ByteBuffer.wrap(pes));
            verdict = "pes id=" + h.streamId() + " length=" + h.pesPacketLength() + " raw=" + h.pts() + "/" + h.dts();
        } catch (StreamwireException e) {
            verdict = "MALFORMED_PES pid 0x0100: " + e.getMessage().replaceFirst(" at offset \\d+", "");
        }
        String first = demux(stream(pes)).get(0).replaceFirst(" at offset \\d+", "").replaceFirst(" pts=.*", "");
        assertThat(first).isEqualTo(verdict);
    }
}
