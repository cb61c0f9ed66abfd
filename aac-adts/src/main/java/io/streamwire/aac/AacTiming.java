package io.streamwire.aac;

import java.math.BigInteger;

/**
 * Exact timestamps from frame counts: frame {@code n} starts at sample {@code n * samplesPerFrame}
 * (ISO/IEC 14496-3:2019 §4.5.1.1 frameLengthFlag; §4.6.18 SBR doubles the output rate and frame
 * length, leaving the duration unchanged). Timestamps are computed from the frame index each time,
 * never accumulated, so they cannot drift; rounding is toward zero (floor for non-negative indices).
 *
 * <p>Immutable and thread-safe.
 *
 * @param samplesPerFrame samples per frame per channel at {@code sampleRateHz} (1024, 960, 2048 ...)
 * @param sampleRateHz the sampling rate those samples are at
 *
 * @since 0.1.0
 */
public record AacTiming(int samplesPerFrame, int sampleRateHz) {

    /** Checks both are positive. */
    public AacTiming {
        if (samplesPerFrame <= 0 || sampleRateHz <= 0) {
            throw new IllegalArgumentException("samplesPerFrame and sampleRateHz must be positive");
        }
    }

    /** Timing of an ADTS stream: 1024 samples at the header's rate. */
    public static AacTiming of(AdtsHeader header) {
        return new AacTiming(1024, header.sampleRateHz());
    }

    /**
     * Timing of a stream described by an AudioSpecificConfig, at the output rate (doubled with SBR).
     *
     * @throws IllegalArgumentException if the config's specific config was not parsed (no frame length)
     */
    public static AacTiming of(AudioSpecificConfig config) {
        return new AacTiming(config.outputSamplesPerFrame(), config.outputSampleRateHz());
    }

    /** Samples from the start to the start of frame {@code frameIndex}. */
    public long sampleIndex(long frameIndex) {
        return Math.multiplyExact(frameIndex, (long) samplesPerFrame);
    }

    /**
     * Start of frame {@code frameIndex} in units of {@code 1/timescale} seconds (90000 for MPEG-TS,
     * 1000 for FLV/RTMP, the sample rate for MP4 audio tracks), rounded toward zero. Intermediate
     * products that overflow a long are computed exactly with BigInteger.
     *
     * @throws ArithmeticException if the timestamp itself does not fit in a long
     * @throws IllegalArgumentException if {@code timescale} is not positive
     */
    public long timestamp(long frameIndex, long timescale) {
        if (timescale <= 0) {
            throw new IllegalArgumentException("timescale must be positive");
        }
        try {
            long samples = sampleIndex(frameIndex);
            return Math.multiplyExact(samples, timescale) / sampleRateHz;
        } catch (ArithmeticException overflow) {
            return BigInteger.valueOf(frameIndex).multiply(BigInteger.valueOf(samplesPerFrame))
                    .multiply(BigInteger.valueOf(timescale)).divide(BigInteger.valueOf(sampleRateHz)).longValueExact();
        }
    }

    /** Duration of frame {@code frameIndex} in {@code timescale} units: the difference of two exact starts. */
    public long duration(long frameIndex, long timescale) {
        return timestamp(frameIndex + 1, timescale) - timestamp(frameIndex, timescale);
    }

    /** Duration of one frame in seconds. */
    public double frameDurationSeconds() {
        return (double) samplesPerFrame / sampleRateHz;
    }
}
