package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.aac.ProgramConfigElement.ChannelElement;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class AudioSpecificConfigPropertiesTest {

    /** Encoding then decoding gives the original back (plus the zero padding bits of the last byte). */
    @Property(tries = 2000)
    void parseOfWriteIsIdentity(@ForAll("configs") AudioSpecificConfig config) {
        byte[] bytes = config.toByteArray();
        AudioSpecificConfig parsed = AudioSpecificConfig.parse(ByteBuffer.wrap(bytes));
        assertThat(parsed.trailingBits().bitLength()).isLessThan(8);
        byte[] padding = parsed.trailingBits().toByteArray();
        assertThat(padding).isEqualTo(new byte[padding.length]);
        AudioSpecificConfig unpadded = new AudioSpecificConfig(parsed.audioObjectType(), parsed.samplingFrequencyIndex(),
                parsed.samplingFrequency(), parsed.channelConfiguration(), parsed.extensionSamplingFrequencyIndex(),
                parsed.extensionSamplingFrequency(), parsed.coreAudioObjectType(), parsed.extensionChannelConfiguration(),
                parsed.gaSpecificConfig(), parsed.epConfig(), parsed.syncExtension(), RawBits.EMPTY);
        assertThat(unpadded).isEqualTo(config);
        assertThat(parsed.toByteArray()).isEqualTo(bytes);
    }

    /** Any bytes either raise the module's exception or parse into a config that writes back the same bytes. */
    @Property(tries = 5000)
    void arbitraryBytesRoundTripOrRaiseTheModulesException(@ForAll @Size(max = 24) byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        AudioSpecificConfig config;
        try {
            config = AudioSpecificConfig.parse(in);
        } catch (StreamwireException e) {
            assertThat(e.module()).isEqualTo("aac");
            assertThat(in.position()).isZero();
            assertThat(e.offset()).isBetween(0L, (long) bytes.length);
            return;
        }
        assertThat(config.toByteArray()).isEqualTo(bytes);
    }

    @Provide
    Arbitrary<AudioSpecificConfig> configs() {
        Arbitrary<Integer> gaAot = Arbitraries.of(1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23);
        Arbitrary<Integer> sfi = Arbitraries.integers().between(0, 12);
        Arbitrary<Integer> explicitRate = Arbitraries.integers().between(1, 0xFFFFFF);
        Arbitrary<Integer> channels = Arbitraries.of(0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 14);
        Arbitrary<Integer> hierarchy = Arbitraries.of(0, 5, 29);
        Arbitrary<Integer> bit = Arbitraries.integers().between(0, 1);
        return Combinators.combine(gaAot, sfi, explicitRate, channels, hierarchy, Combinators.combine(bit, bit, bit,
                        Arbitraries.integers().between(0, 0x3FFF), pces(), syncExtensions(), Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(0, 15)).as((a, b, c, d, e, f, g, h) -> java.util.Arrays.<Object>asList(a, b, c, d, e, f, g, h)))
                .as((core, index, rate, ch, first, rest) -> {
                    int frameLength = (Integer) rest.get(0);
                    int dependsOnCore = (Integer) rest.get(1);
                    int extension = (Integer) rest.get(2);
                    int delay = (Integer) rest.get(3);
                    ProgramConfigElement pce = ch == 0 ? (ProgramConfigElement) rest.get(4) : null;
                    boolean explicitIndex = (Integer) rest.get(6) == 1 && index == 0;
                    int samplingIndex = explicitIndex ? 15 : index;
                    int samplingFrequency = explicitIndex ? rate : 0;
                    GaSpecificConfig ga = new GaSpecificConfig(frameLength, dependsOnCore, dependsOnCore == 1 ? delay : -1,
                            extension, pce, core == 6 || core == 20 ? delay & 7 : -1,
                            core == 22 && extension == 1 ? delay & 31 : -1, core == 22 && extension == 1 ? delay & 0x7FF : -1,
                            resilient(core, extension) ? frameLength : -1, resilient(core, extension) ? dependsOnCore : -1,
                            resilient(core, extension) ? 1 - frameLength : -1, extension == 1 ? 0 : -1);
                    int ep = AudioSpecificConfig.isEr(core) ? (delay & 1) : -1;
                    int aot = first == 0 ? core : first;
                    int extIndex = first == 0 ? -1 : (Integer) rest.get(7) == 13 || (Integer) rest.get(7) == 14 ? 3 : (Integer) rest.get(7);
                    int extRate = extIndex == 15 ? rate : 0;
                    int extCh = first != 0 && core == 22 ? (delay & 15) : -1;
                    SyncExtension sync = first == 0 ? (SyncExtension) rest.get(5) : null;
                    return new AudioSpecificConfig(aot, samplingIndex, samplingFrequency, ch, extIndex, extRate, core, extCh, ga,
                            ep, sync, RawBits.EMPTY);
                });
    }

    private static boolean resilient(int aot, int extension) {
        return extension == 1 && (aot == 17 || aot == 19 || aot == 20 || aot == 23);
    }

    Arbitrary<SyncExtension> syncExtensions() {
        Arbitrary<Integer> index = Arbitraries.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15);
        return Combinators.combine(Arbitraries.of(5, 22), Arbitraries.integers().between(0, 1), index,
                        Arbitraries.integers().between(-1, 1), Arbitraries.integers().between(0, 15))
                .as((aot, sbr, idx, ps, ch) -> new SyncExtension(aot, sbr, sbr == 1 ? idx : -1, sbr == 1 && idx == 15 ? 96000 : 0,
                        aot == 5 && sbr == 1 ? ps : -1, aot == 22 ? ch : -1))
                .injectNull(0.3);
    }

    Arbitrary<ProgramConfigElement> pces() {
        Arbitrary<ChannelElement> element = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 15))
                .as(ChannelElement::new);
        Arbitrary<List<ChannelElement>> elements = element.list().ofMaxSize(15);
        Arbitrary<Integer> tag = Arbitraries.integers().between(0, 15);
        return Combinators.combine(tag, Arbitraries.integers().between(0, 3), tag, elements, elements, elements,
                        tag.list().ofMaxSize(3), tag.list().ofMaxSize(7))
                .as((t, obj, sfi, front, side, back, lfe, assoc) -> new ProgramConfigElement(t, obj, sfi, front, side, back,
                        lfe, assoc, side, t % 2 == 0 ? -1 : t, sfi % 2 == 0 ? -1 : sfi, obj == 0 ? -1 : obj - 1,
                        obj == 0 ? -1 : obj % 2, 0, "x".repeat(sfi * 3)));
    }
}
