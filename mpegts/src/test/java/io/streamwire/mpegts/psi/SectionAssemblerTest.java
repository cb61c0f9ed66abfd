package io.streamwire.mpegts.psi;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.mpegts.TsAnomalyKind;
import io.streamwire.mpegts.TsLimits;
import io.streamwire.mpegts.TsPacket;
import io.streamwire.testkit.Allocation;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SectionAssemblerTest {

    static List<String> assemble(List<byte[]> payloads, boolean[] pusi, SectionAssembler.CrcMode mode) {
        List<String> out = new ArrayList<>();
        SectionAssembler a = new SectionAssembler(new SectionAssembler.Listener() {
            @Override
            public void onSection(int pid, ByteBuffer section, long offset) {
                byte[] b = new byte[section.remaining()];
                section.duplicate().get(b);
                out.add(HexFormat.of().formatHex(b));
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                assertThat(anomaly.detail()).startsWith("pid 0x1000: ");
                out.add(anomaly.kind().name());
            }
        }, 0x1000, TsLimits.defaults().withMaxSectionLength(4093), mode);
        for (int i = 0; i < payloads.size(); i++) {
            byte[] p = payloads.get(i);
            ByteBuffer packet = ByteBuffer.allocate(188);
            packet.position(188 - p.length).put(p);
            a.feed(packet, 188 - p.length, p.length, pusi[i], i * 188L);
        }
        return out;
    }

    static byte[] pmt(int streams) {
        List<Pmt.Stream> list = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            list.add(new Pmt.Stream(0x1B, 0x100 + i, List.of(Descriptor.of(0x0A, (byte) 'e', (byte) 'n', (byte) 'g', (byte) 0))));
        }
        Pmt pmt = new Pmt(1, 0, true, 0x100, List.of(), list);
        return PsiTablesTest.write(pmt);
    }

    /** Lays sections out as a stream of 184-byte payloads, each section starting with the stated pointer. */
    static List<byte[]> layout(List<byte[]> sections, boolean[] pusiOut, int gapStuffing) {
        ByteBuffer all = ByteBuffer.allocate(100_000);
        List<Integer> starts = new ArrayList<>();
        for (byte[] s : sections) {
            starts.add(all.position());
            all.put(s);
        }
        int total = all.position();
        List<byte[]> payloads = new ArrayList<>();
        int at = 0;
        int k = 0;
        int idx = 0;
        while (at < total) {
            // first section start inside this payload window
            int nextStart = -1;
            for (int st : starts) {
                if (st >= at && st < at + 183) {
                    nextStart = st;
                    break;
                }
            }
            ByteBuffer p = ByteBuffer.allocate(184);
            if (nextStart >= 0) {
                pusiOut[idx] = true;
                p.put((byte) (nextStart - at));
                int n = Math.min(183, total - at);
                p.put(all.array(), at, n);
                at += n;
            } else {
                // no section starts in the first 183 bytes: carry on, but stop before a section that would start in
                // the last byte (a section can only start where a pointer_field can point); stuff the rest
                int n = Math.min(184, total - at);
                for (int st : starts) {
                    if (st > at && st < at + n) {
                        n = st - at;
                    }
                }
                p.put(all.array(), at, n);
                at += n;
            }
            while (p.hasRemaining()) {
                p.put((byte) 0xFF);
            }
            payloads.add(p.array());
            idx++;
            k++;
        }
        return payloads;
    }

    @Test
    void assemblesSectionsAcrossPacketsAndSeveralPerPacket() {
        List<byte[]> sections = List.of(pmt(1), pmt(40), pmt(2), pmt(3), pmt(60));
        boolean[] pusi = new boolean[100];
        List<byte[]> payloads = layout(sections, pusi, 0);
        List<String> expected = sections.stream().map(s -> HexFormat.of().formatHex(s)).toList();
        assertThat(assemble(payloads, pusi, SectionAssembler.CrcMode.STRICT)).isEqualTo(expected);
    }

    @Test
    void crcMismatchIsDroppedOrKeptAsConfigured() {
        byte[] bad = pmt(1);
        bad[bad.length - 1] ^= 1;
        boolean[] pusi = new boolean[4];
        List<byte[]> payloads = layout(List.of(bad, pmt(2)), pusi, 0);
        assertThat(assemble(payloads, pusi, SectionAssembler.CrcMode.STRICT))
                .containsExactly("CRC_MISMATCH", HexFormat.of().formatHex(pmt(2)));
        assertThat(assemble(payloads, pusi, SectionAssembler.CrcMode.LENIENT))
                .containsExactly("CRC_MISMATCH", HexFormat.of().formatHex(bad), HexFormat.of().formatHex(pmt(2)));
        assertThat(assemble(payloads, pusi, SectionAssembler.CrcMode.OFF)).hasSize(2);
    }

    @Test
    void pointerPastThePacketAndOversizedSectionsAreAnomalies() {
        byte[] payload = new byte[184];
        payload[0] = (byte) 200; // pointer_field past the packet
        assertThat(assemble(List.of(payload), new boolean[] {true}, SectionAssembler.CrcMode.STRICT)).containsExactly("MALFORMED_SECTION");
        List<String> out = new ArrayList<>();
        SectionAssembler small = new SectionAssembler(new SectionAssembler.Listener() {
            @Override
            public void onSection(int pid, ByteBuffer section, long offset) {
                out.add("section");
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                out.add(anomaly.kind() + " " + anomaly.detail());
            }
        }, 0, TsLimits.defaults().withMaxSectionLength(100), SectionAssembler.CrcMode.STRICT);
        byte[] big = new byte[184];
        big[1] = 2;
        big[2] = (byte) 0xB1; // section_length 0x1FF = 511 > 100
        big[3] = (byte) 0xFF;
        small.feed(ByteBuffer.wrap(big), 0, 184, true, 0);
        assertThat(out).singleElement().asString().startsWith("MALFORMED_SECTION pid 0x0000: ")
                .contains("section_length 511 exceeds the limit 100", "TsLimits.maxSectionLength()");
    }

    @Property(tries = 300)
    void randomPayloadsOnlyProduceSectionsOrAnomalies(@ForAll @Size(max = 8) List<@Size(184) byte[]> payloads,
            @ForAll @IntRange(max = 255) int pusiMask) {
        boolean[] pusi = new boolean[8];
        for (int i = 0; i < 8; i++) {
            pusi[i] = (pusiMask >> i & 1) != 0;
        }
        assemble(payloads, pusi, SectionAssembler.CrcMode.OFF);
    }

    @Test
    void feedsFromAPacketView() {
        byte[] section = pmt(1);
        byte[] packet = new byte[188];
        ByteBuffer b = ByteBuffer.wrap(packet).putInt(0x47500010).put((byte) 0).put(section);
        while (b.hasRemaining()) {
            b.put((byte) 0xFF);
        }
        List<Long> offsets = new ArrayList<>();
        new SectionAssembler((pid, s, offset) -> offsets.add(offset), 0x1000, TsLimits.defaults().withMaxSectionLength(1021),
                SectionAssembler.CrcMode.STRICT).feed(new TsPacket().wrap(ByteBuffer.wrap(packet), 0, 188));
        assertThat(offsets).containsExactly(188L + 5);
    }
    /** A section announcing section_length 4093 is not given 4096 bytes before its bytes arrive. */
    @Test
    void aDeclaredSectionLengthIsNotAllocatedBeforeItsBytesArrive() {
        // private section (table_id 0x40, no syntax) declaring 4093 bytes, 180 of them in the first packet
        byte[] section = new byte[3 + 4093];
        section[0] = 0x40;
        section[1] = (byte) 0x7F;
        section[2] = (byte) 0xFD;
        for (int k = 3; k < section.length; k++) {
            section[k] = (byte) k;
        }
        boolean[] pusi = new boolean[40];
        List<byte[]> payloads = layout(List.of(section), pusi, 0);
        long id = Thread.currentThread().getId();
        for (int round = 0; round < 3; round++) { // the first rounds load and compile what the last one measures
            List<Integer> sizes = new ArrayList<>();
            SectionAssembler a = new SectionAssembler((pid, s, offset) -> sizes.add(s.remaining()), 0x1000,
                    TsLimits.defaults(), SectionAssembler.CrcMode.OFF);
            ByteBuffer first = ByteBuffer.allocate(188).position(4).put(payloads.get(0)).flip().position(4);
            long before = Allocation.allocatedBytes(id);
            a.feed(first, 4, payloads.get(0).length, true, 4);
            long allocated = Allocation.allocatedBytes(id) - before;
            if (round == 2) {
                assertThat(allocated).as("bytes allocated for the first packet of a 4096-byte section").isLessThan(1024);
            }
            for (int k = 1; k < payloads.size(); k++) {
                ByteBuffer b = ByteBuffer.wrap(payloads.get(k));
                a.feed(b, 0, b.remaining(), pusi[k], 188L * k);
            }
            assertThat(sizes).containsExactly(section.length);
        }
    }
}
