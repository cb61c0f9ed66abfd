package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class AdtsHeaderPropertiesTest {

    @Property
    void parseOfWriteIsIdentity(@ForAll("headers") AdtsHeader header) {
        ByteBuffer buffer = ByteBuffer.allocate(7);
        header.writeTo(buffer);
        buffer.flip();
        assertThat(AdtsHeader.parse(buffer)).isEqualTo(header);
        assertThat(buffer.remaining()).isZero();
    }

    @Property
    void arbitraryBytesParseOrRaiseAacException(@ForAll @Size(max = 9) byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            AdtsHeader header = AdtsHeader.parse(in);
            assertThat(in.position()).isEqualTo(7);
            ByteBuffer again = ByteBuffer.allocate(7);
            header.writeTo(again);
            assertThat(again.array()).isEqualTo(java.util.Arrays.copyOf(bytes, 7));
        } catch (AacException e) {
            assertThat(in.position()).isZero();
            assertThat(e.offset()).isZero();
        }
    }

    @Provide
    Arbitrary<AdtsHeader> headers() {
        Arbitrary<Integer> bit = Arbitraries.integers().between(0, 1);
        Arbitrary<Boolean> protectionAbsent = Arbitraries.of(true, false);
        Arbitrary<int[]> fixed = Combinators.combine(bit, Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 12), bit,
                        Arbitraries.integers().between(0, 7), bit, bit)
                .as((id, layer, profile, sfi, priv, ch, orig, home) -> new int[] {id, layer, profile, sfi, priv, ch, orig, home});
        Arbitrary<int[]> variable = Combinators.combine(bit, bit, Arbitraries.integers().between(9, 8191),
                        Arbitraries.integers().between(0, 0x7FF), Arbitraries.integers().between(0, 3))
                .as((cid, cis, len, full, blocks) -> new int[] {cid, cis, len, full, blocks});
        return Combinators.combine(protectionAbsent, fixed, variable).as((p, f, v) ->
                new AdtsHeader(f[0], f[1], p, f[2], f[3], f[4], f[5], f[6], f[7], v[0], v[1], v[2], v[3], v[4]));
    }
}
