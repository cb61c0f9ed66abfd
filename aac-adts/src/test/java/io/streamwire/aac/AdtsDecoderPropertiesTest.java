package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.core.StreamwireException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class AdtsDecoderPropertiesTest {

    static List<String> events(List<byte[]> pieces) {
        List<String> events = new ArrayList<>();
        AdtsDecoder decoder = new AdtsDecoder(new AdtsDecoder.Listener() {
            @Override
            public void onFrame(AdtsFrameView frame) {
                events.add("frame " + frame.streamOffset() + " " + frame.slice().hashCode());
            }

            @Override
            public void onId3Tag(ByteBuffer tag, long streamOffset) {
                events.add("id3 " + streamOffset + " " + tag.remaining());
            }

            @Override
            public void onAnomaly(Anomaly<AacAnomalyKind> anomaly) {
                events.add(anomaly.toString());
            }
        });
        try {
            for (byte[] piece : pieces) {
                decoder.feed(ByteBuffer.wrap(piece));
            }
            decoder.endOfInput();
        } catch (StreamwireException e) {
            assertThat(e.module()).isEqualTo("aac");
            events.add("error " + e.getClass().getSimpleName() + " " + e.field() + " " + e.offset());
        }
        return events;
    }

    static List<byte[]> split(byte[] input, long seed) {
        Random random = new Random(seed);
        List<byte[]> pieces = new ArrayList<>();
        for (int at = 0; at < input.length; ) {
            int size = Math.min(input.length - at, random.nextInt(300));
            pieces.add(java.util.Arrays.copyOfRange(input, at, at + size));
            at += size;
        }
        return pieces;
    }

    /** Frames, ID3 tags and garbage in any order: the events do not depend on the chunking. */
    @Property(tries = 300)
    void eventsDoNotDependOnChunking(@ForAll("streams") byte[] stream, @ForAll long seed) {
        assertThat(events(split(stream, seed))).isEqualTo(events(List.of(stream)));
    }

    /** A clean stream of frames comes out frame for frame, with nothing discarded. */
    @Property(tries = 300)
    void cleanStreamsComeOutWhole(@ForAll("frames") List<byte[]> frames, @ForAll long seed) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        frames.forEach(all::writeBytes);
        List<String> events = events(split(all.toByteArray(), seed));
        assertThat(events).hasSize(frames.size()).allMatch(e -> e.startsWith("frame "));
    }

    /** Random and mutated bytes only ever raise the module's exception. */
    @Property(tries = 1000)
    void randomBytesOnlyRaiseTheModulesExceptions(@ForAll @Size(max = 600) byte[] bytes, @ForAll long seed) {
        events(split(bytes, seed));
    }

    @Property(tries = 300)
    void frameRoundTrip(@ForAll("protectedFrames") byte[] frame) {
        AdtsFrame parsed = AdtsFrame.parse(ByteBuffer.wrap(frame));
        ByteBuffer out = ByteBuffer.allocate(parsed.encodedSize());
        parsed.writeTo(out);
        assertThat(out.array()).isEqualTo(frame);
    }

    @Provide
    Arbitrary<List<byte[]>> frames() {
        return frame().list().ofMinSize(1).ofMaxSize(12);
    }

    Arbitrary<byte[]> frame() {
        return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(1, 7),
                        Arbitraries.integers().between(0, 200), Arbitraries.bytes())
                .as((sfi, ch, payload, fill) -> AdtsDecoderTest.frame(sfi, ch, payload, fill));
    }

    @Provide
    Arbitrary<byte[]> streams() {
        Arbitrary<byte[]> garbage = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(20);
        Arbitrary<byte[]> id3 = Arbitraries.integers().between(0, 40).map(AdtsDecoderTest::id3);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, frame()), net.jqwik.api.Tuple.of(1, garbage),
                        net.jqwik.api.Tuple.of(1, id3), net.jqwik.api.Tuple.of(1, protectedFrames()))
                .list().ofMaxSize(15).map(parts -> AdtsDecoderTest.concat(parts.toArray(byte[][]::new)));
    }

    /** CRC-protected frames with 1 to 4 raw data blocks and consistent positions. */
    @Provide
    Arbitrary<byte[]> protectedFrames() {
        return Arbitraries.integers().between(0, 30).list().ofMinSize(1).ofMaxSize(4).map(sizes -> {
            int blocks = sizes.size();
            int headerEnd = blocks == 1 ? 9 : 7 + 2 * (blocks - 1) + 2;
            int length = headerEnd + sizes.stream().mapToInt(s -> s + (blocks == 1 ? 0 : 2)).sum();
            ByteBuffer out = ByteBuffer.allocate(length);
            new AdtsHeader(0, 0, false, 1, 4, 0, 2, 0, 0, 0, 0, length, 0x7FF, blocks - 1).writeTo(out);
            int at = headerEnd;
            for (int i = 0; i + 1 < blocks; i++) {
                at += sizes.get(i) + 2;
                out.putShort((short) at);
            }
            out.putShort((short) 0xBEEF);
            for (int size : sizes) {
                for (int k = 0; k < size; k++) {
                    out.put((byte) (size + k));
                }
                if (blocks > 1) {
                    out.putShort((short) (0xC000 + size));
                }
            }
            return out.array();
        });
    }
}
