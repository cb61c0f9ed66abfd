package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.UnsupportedFeatureException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AacConversionsTest {

    static AudioSpecificConfig asc(String hex) {
        return AudioSpecificConfig.parse(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
    }

    @Test
    void adtsHeaderToConfigAndBack() {
        AdtsHeader header = AdtsHeader.parse(ByteBuffer.wrap(HexFormat.of().parseHex("fff15080221ffc")));
        AudioSpecificConfig config = AacConversions.audioSpecificConfig(header);
        assertThat(config.toByteArray()).containsExactly(0x12, 0x10);
        AdtsHeader back = AacConversions.adtsHeader(config, header.aacFrameLength() - 7);
        assertThat(back).isEqualTo(header);
    }

    /** ffmpeg's 5.1 element layout (SCE 0, CPE 0, CPE 1, LFE 0) as a PCE. */
    static final ProgramConfigElement PCE_5_1 = new ProgramConfigElement(0, 1, 3,
            java.util.List.of(new ProgramConfigElement.ChannelElement(false, 0), new ProgramConfigElement.ChannelElement(true, 0)),
            java.util.List.of(), java.util.List.of(new ProgramConfigElement.ChannelElement(true, 1)), java.util.List.of(0),
            java.util.List.of(), java.util.List.of(), -1, -1, -1, -1, 0, "");

    /** id_syn_ele ID_PCE (3 bits) and the PCE, byte-aligned relative to the raw data block. */
    static byte[] pceElement(ProgramConfigElement pce) {
        io.streamwire.aac.internal.BitWriter out = new io.streamwire.aac.internal.BitWriter();
        out.u(3, 5);
        pce.write(out);
        return out.toByteArray();
    }

    /** An ADTS frame with channel_configuration 0 whose raw data block starts with the PCE. */
    static byte[] channelConfigZeroFrame(ProgramConfigElement pce, byte[] rest) {
        byte[] element = pceElement(pce);
        int length = 7 + element.length + rest.length;
        ByteBuffer out = ByteBuffer.allocate(length);
        new AdtsHeader(0, 0, true, 1, 3, 0, 0, 0, 0, 0, 0, length, 0x7FF, 0).writeTo(out);
        return out.put(element).put(rest).array();
    }

    @Test
    void channelConfigurationZeroTakesThePceFromTheRawDataBlock() {
        byte[] rest = {0x01, 0x02, 0x03};
        AdtsFrame frame = AdtsFrame.parse(ByteBuffer.wrap(channelConfigZeroFrame(PCE_5_1, rest)));
        AudioSpecificConfig config = AacConversions.audioSpecificConfig(frame);
        assertThat(config.channelConfiguration()).isZero();
        assertThat(config.gaSpecificConfig().programConfigElement()).isEqualTo(PCE_5_1);
        assertThat(config.channelCount()).isEqualTo(6);
        assertThat(AudioSpecificConfig.parse(ByteBuffer.wrap(config.toByteArray()))).isEqualTo(config);
        assertThat(AacConversions.withoutLeadingPce(frame)).isEqualTo(ByteBuffer.wrap(rest));
        // Not a PCE first: this frame does not carry the layout (an encoder may write it once).
        byte[] noPce = channelConfigZeroFrame(PCE_5_1, rest);
        noPce[7] = (byte) ((noPce[7] & 0x1F) | (1 << 5)); // id_syn_ele 1 (CPE)
        AdtsFrame cpeFirst = AdtsFrame.parse(ByteBuffer.wrap(noPce));
        assertThat(AacConversions.audioSpecificConfig(cpeFirst)).isNull();
        assertThatThrownBy(() -> AacConversions.audioSpecificConfig(cpeFirst, null))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.module()).isEqualTo("aac");
                    assertThat(e.field()).isEqualTo("adts channel_configuration");
                });
        // Other channel configurations: the header alone decides, the block is untouched.
        AdtsFrame plain = AdtsFrame.parse(ByteBuffer.wrap(AdtsDecoderTest.frame(4, 2, 5, 9)));
        assertThat(AacConversions.audioSpecificConfig(plain)).isEqualTo(AudioSpecificConfig.of(2, 4, 2));
        assertThat(AacConversions.withoutLeadingPce(plain).remaining()).isEqualTo(5);
    }

    /** A channel_configuration 0 frame whose raw data block starts with {@code block} (no PCE). */
    static byte[] channelConfigZeroFrameWithoutPce(byte[] block) {
        int length = 7 + block.length;
        ByteBuffer out = ByteBuffer.allocate(length);
        new AdtsHeader(0, 0, true, 1, 3, 0, 0, 0, 0, 0, 0, length, 0x7FF, 0).writeTo(out);
        return out.put(block).array();
    }

    @Test
    void pceInTheFirstFrameOnlyIsCarriedToTheFramesAfterIt() {
        // As ffmpeg's native aac encoder writes quad and 6.1: the PCE leads the first frame's raw
        // data block only; the later frames start with their channel elements (here an SCE, then a CPE).
        AdtsFrame first = AdtsFrame.parse(ByteBuffer.wrap(channelConfigZeroFrame(PCE_5_1, new byte[] {0x01, 0x02})));
        byte[] sceBlock = {0x00, 0x11, 0x22, 0x33}; // id_syn_ele 0 (SCE)
        byte[] cpeBlock = {0x20, 0x44};             // id_syn_ele 1 (CPE)
        AdtsFrame second = AdtsFrame.parse(ByteBuffer.wrap(channelConfigZeroFrameWithoutPce(sceBlock)));
        AdtsFrame third = AdtsFrame.parse(ByteBuffer.wrap(channelConfigZeroFrameWithoutPce(cpeBlock)));

        assertThat(AacConversions.withoutLeadingPce(second)).isEqualTo(ByteBuffer.wrap(sceBlock));
        assertThat(AacConversions.withoutLeadingPce(third)).isEqualTo(ByteBuffer.wrap(cpeBlock));
        assertThat(AacConversions.audioSpecificConfig(second)).isNull();

        AudioSpecificConfig config = null;
        List<ByteBuffer> raw = new ArrayList<>();
        for (AdtsFrame frame : List.of(first, second, third)) {
            config = AacConversions.audioSpecificConfig(frame, config);
            raw.add(AacConversions.withoutLeadingPce(frame));
        }
        assertThat(config).isEqualTo(AacConversions.audioSpecificConfig(first));
        assertThat(config.channelCount()).isEqualTo(6);
        assertThat(raw).containsExactly(ByteBuffer.wrap(new byte[] {0x01, 0x02}), ByteBuffer.wrap(sceBlock),
                ByteBuffer.wrap(cpeBlock));
        // A frame that repeats the PCE gives its own config; a carried config of another stream is refused.
        assertThat(AacConversions.audioSpecificConfig(first, AudioSpecificConfig.of(2, 4, 2)))
                .isEqualTo(AacConversions.audioSpecificConfig(first));
        assertThatThrownBy(() -> AacConversions.audioSpecificConfig(second, AudioSpecificConfig.of(2, 4, 2)))
                .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("does not match");
    }

    @Test
    void heAacBecomesImplicitInAdts() {
        // AOT 5 over AAC-LC at 22.05 kHz: ADTS carries LC (profile 1) at the core rate.
        AdtsHeader header = AacConversions.adtsHeader(asc("2b920800"), 100);
        assertThat(header.profileObjectType()).isEqualTo(1);
        assertThat(header.sampleRateHz()).isEqualTo(22050);
        assertThat(header.aacFrameLength()).isEqualTo(107);
        // Backward-compatible HE-AAC v2 the same way.
        AdtsHeader v2 = AacConversions.adtsHeader(asc("131056e59d4880"), 10);
        assertThat(v2.sampleRateHz()).isEqualTo(24000);
        assertThat(v2.channelConfiguration()).isEqualTo(2);
    }

    @Test
    void configsAdtsCannotExpressAreRefused() {
        assertThatThrownBy(() -> AacConversions.adtsHeader(asc("1214"), 10))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.field()).isEqualTo("frameLengthFlag"));
        assertThatThrownBy(() -> AacConversions.adtsHeader(asc("1780562208"), 10))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.field()).isEqualTo("samplingFrequencyIndex"));
        assertThatThrownBy(() -> AacConversions.adtsHeader(asc("118004c8050001190003414141"), 10))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.field()).isEqualTo("channelConfiguration"));
        assertThatThrownBy(() -> AacConversions.adtsHeader(asc("f9465555"), 10))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.field()).isEqualTo("audioObjectType"));
        assertThatThrownBy(() -> AacConversions.adtsHeader(asc("1210"), 8185))
                .isInstanceOfSatisfying(AacException.class, e -> assertThat(e.field()).isEqualTo("adts aac_frame_length"));
        assertThat(AacConversions.adtsHeader(asc("1210"), 8184).aacFrameLength()).isEqualTo(8191);
        AdtsHeader pceHeader = new AdtsHeader(0, 0, true, 1, 3, 0, 0, 0, 0, 0, 0, 100, 0x7FF, 0);
        assertThatThrownBy(() -> AacConversions.audioSpecificConfig(pceHeader)).isInstanceOf(UnsupportedFeatureException.class);
    }
}
