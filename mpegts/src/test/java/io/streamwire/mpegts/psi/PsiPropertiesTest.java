package io.streamwire.mpegts.psi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PsiPropertiesTest {

    @Provide
    Arbitrary<Pat> pats() {
        Arbitrary<Pat.Program> program = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.integers().between(0, 0x1FFF)).as(Pat.Program::new);
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 31),
                Arbitraries.of(true, false), program.list().ofMaxSize(60)).as((ts, v, cn, list) -> new Pat(ts, v, cn, 0, 3, list));
    }

    @Provide
    Arbitrary<Pmt> pmts() {
        Arbitrary<Descriptor> descriptor = Combinators.combine(Arbitraries.integers().between(0, 255),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(12)).as(Descriptor::of);
        Arbitrary<Pmt.Stream> stream = Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 0x1FFF),
                descriptor.list().ofMaxSize(3)).as(Pmt.Stream::new);
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.integers().between(0, 31),
                Arbitraries.integers().between(0, 0x1FFF), descriptor.list().ofMaxSize(4), stream.list().ofMaxSize(20))
                .as((program, v, pcr, info, streams) -> new Pmt(program, v, true, pcr, info, streams));
    }

    @Property
    void patRoundTrips(@ForAll("pats") Pat pat) {
        byte[] bytes = PsiTablesTest.write(pat);
        assertThat(Crc32Mpeg2.compute(bytes, 0, bytes.length)).isZero();
        assertThat(Pat.parse(ByteBuffer.wrap(bytes))).isEqualTo(pat);
    }

    @Property
    void pmtRoundTripsAndAssemblesAcrossPacketsAnyWay(@ForAll("pmts") Pmt pmt, @ForAll("pats") Pat pat) {
        byte[] a = PsiTablesTest.write(pmt);
        byte[] b = PsiTablesTest.write(pat);
        assertThat(Pmt.parse(ByteBuffer.wrap(a))).isEqualTo(pmt);
        boolean[] pusi = new boolean[64];
        List<byte[]> payloads = SectionAssemblerTest.layout(List.of(a, b, a), pusi, 0);
        List<String> sections = SectionAssemblerTest.assemble(payloads, pusi, SectionAssembler.CrcMode.STRICT);
        assertThat(sections).containsExactly(hex(a), hex(b), hex(a));
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    @Property
    void mutatedSectionsOnlyRaiseTheModulesException(@ForAll("pmts") Pmt pmt, @ForAll List<Integer> flips) {
        byte[] bytes = PsiTablesTest.write(pmt);
        List<Integer> positions = new ArrayList<>(flips);
        for (int f : positions) {
            int i = Math.floorMod(f, bytes.length * 8);
            bytes[i / 8] ^= (byte) (1 << (i % 8));
        }
        try {
            Pmt.parse(ByteBuffer.wrap(bytes));
        } catch (io.streamwire.core.StreamwireException expected) {
            assertThat(expected.module()).isEqualTo("mpegts");
            assertThat(expected.field()).isNotBlank();
        }
    }
}
