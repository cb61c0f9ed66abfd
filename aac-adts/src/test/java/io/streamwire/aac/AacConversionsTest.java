package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
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
