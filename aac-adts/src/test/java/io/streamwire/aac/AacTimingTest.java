package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AacTimingTest {

    @Test
    void timestampsInCommonTimescales() {
        AacTiming lc44 = new AacTiming(1024, 44100);
        assertThat(lc44.timestamp(1, 90_000)).isEqualTo(2089); // 2089.795...
        assertThat(lc44.timestamp(44_100, 90_000)).isEqualTo(1024L * 90_000); // exactly 1024 s
        assertThat(lc44.timestamp(3, 1000)).isEqualTo(69); // 69.66 ms
        assertThat(lc44.timestamp(7, 44_100)).isEqualTo(7 * 1024);
        assertThat(new AacTiming(960, 48000).timestamp(50, 1000)).isEqualTo(1000);
    }

    @Test
    void noDriftOverADay() {
        AacTiming timing = new AacTiming(1024, 48000);
        long frames = 24L * 3600 * 48000 / 1024; // 4,050,000 frames = 86,400 s
        assertThat(timing.timestamp(frames, 90_000)).isEqualTo(86_400L * 90_000);
        long sum = 0;
        for (long i = 0; i < 1000; i++) {
            sum += timing.duration(i, 90_000);
        }
        assertThat(sum).isEqualTo(timing.timestamp(1000, 90_000)); // durations add up exactly (1920 each)
    }

    @Test
    void sbrDoublesRateAndFrameLengthKeepingTheDuration() {
        AudioSpecificConfig heAac = AudioSpecificConfig.parse(ByteBuffer.wrap(HexFormat.of().parseHex("2b920800")));
        AacTiming output = AacTiming.of(heAac);
        assertThat(output).isEqualTo(new AacTiming(2048, 44100));
        AacTiming core = new AacTiming(1024, 22050);
        for (long i : new long[] {0, 1, 17, 1_000_003}) {
            assertThat(output.timestamp(i, 90_000)).isEqualTo(core.timestamp(i, 90_000));
        }
        assertThat(AacTiming.of(AdtsHeader.parse(ByteBuffer.wrap(HexFormat.of().parseHex("fff15080221ffc")))))
                .isEqualTo(new AacTiming(1024, 44100));
    }

    @Test
    void hugeIndicesFallBackToExactArithmetic() {
        AacTiming timing = new AacTiming(1024, 44100);
        long index = Long.MAX_VALUE / 1024 / 90_000 * 10; // index * 1024 * 90000 overflows a long, the result does not
        long expected = BigInteger.valueOf(index).multiply(BigInteger.valueOf(1024 * 90_000L))
                .divide(BigInteger.valueOf(44100)).longValueExact();
        assertThat(timing.timestamp(index, 90_000)).isEqualTo(expected);
        assertThatThrownBy(() -> timing.timestamp(Long.MAX_VALUE / 1024, 90_000)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> timing.timestamp(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AacTiming(0, 44100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void timestampIsTheFloorOfTheExactValue(@ForAll @LongRange(min = 0, max = 1L << 40) long frame,
            @ForAll @IntRange(min = 7350, max = 96000) int rate, @ForAll @IntRange(min = 1, max = 10_000_000) int timescale) {
        AacTiming timing = new AacTiming(1024, rate);
        BigInteger exact = BigInteger.valueOf(frame).multiply(BigInteger.valueOf(1024L * timescale));
        assertThat(BigInteger.valueOf(timing.timestamp(frame, timescale)))
                .isEqualTo(exact.divide(BigInteger.valueOf(rate)));
    }
}
