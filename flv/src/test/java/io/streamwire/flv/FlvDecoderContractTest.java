package io.streamwire.flv;

import io.streamwire.testkit.DecoderContract;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared stream-decoder contract ({@link io.streamwire.core.StreamDecoder}) on the ffmpeg
 * fixtures (their first 24 KB of whole tags): every split in every buffer kind gives the same events, the lifecycle rules hold, a
 * failure is final until reset, and only module "flv" exceptions escape for mutated input. Also run
 * with bodies taken in fragments and with the multi-chain scan on small windows.
 */
class FlvDecoderContractTest {

    /** A decoder whose listener records every event as text (bodies as hex). */
    static DecoderContract.Subject subject(FlvLimits limits, int chainWindow, boolean fragments) {
        Collector c = new Collector(fragments);
        FlvDecoder d = chainWindow < 0 ? new FlvDecoder(c, limits) : new FlvDecoder(c, limits, chainWindow);
        @SuppressWarnings("unchecked")
        List<Object> events = (List<Object>) (List<?>) c.events;
        return new DecoderContract.Subject() {
            @Override
            public FlvDecoder decoder() {
                return d;
            }

            @Override
            public List<Object> events() {
                return events;
            }
        };
    }

    /**
     * The file up to its last tag (with its PreviousTagSize) that ends within {@code maxBytes}: the
     * contract test copies the input once per split point, so its memory grows with the square of
     * the input's size.
     */
    static byte[] prefix(byte[] file, int maxBytes) {
        int p = ByteBuffer.wrap(file).getInt(5) + 4;
        while (p + 11 <= file.length) {
            int size = (file[p + 1] & 0xFF) << 16 | (file[p + 2] & 0xFF) << 8 | file[p + 3] & 0xFF;
            int next = p + 11 + size + 4;
            if (next > Math.min(maxBytes, file.length)) {
                break;
            }
            p = next;
        }
        return Arrays.copyOf(file, p);
    }

    static byte[] fixture(String name) {
        return prefix(Fixtures.bytes("flv/" + name), 24_000);
    }

    /** The file with its signature broken ("FLX"): refused with an FlvException at offset 2. */
    static byte[] invalid(byte[] file) {
        byte[] bad = file.clone();
        bad[2] = 'X';
        return bad;
    }

    @ParameterizedTest
    @ValueSource(strings = {"avc-aac-bframes.flv", "avc-mp3.flv", "aac-only.flv", "ts-past-2pow24.flv",
        "keyframe-index.flv"})
    void fixtures(String name) {
        byte[] file = fixture(name);
        new DecoderContract("flv", () -> subject(FlvLimits.defaults(), -1, false), file, invalid(file)).verify();
    }

    @Test
    void bodiesInFragments() {
        byte[] file = fixture("avc-aac-bframes.flv");
        new DecoderContract("flv", () -> subject(FlvLimits.defaults(), -1, true), file, invalid(file)).verify();
    }

    @Test
    void multiChainScanOnSmallWindows() {
        byte[] file = fixture("avc-mp3.flv");
        new DecoderContract("flv", () -> subject(FlvLimits.defaults(), 96, false), file, invalid(file)).verify();
    }

    @Test
    void strictModeWithATruncatedTail() {
        // strict: a tail cut inside a tag is refused at endOfInput with a TruncatedInputException
        byte[] file = fixture("aac-only.flv");
        byte[] cut = Arrays.copyOf(file, file.length - 10);
        new DecoderContract("flv", () -> subject(FlvLimits.defaults().withStrict(true), -1, false), file, cut).verify();
    }
}
