package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.Anomaly;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming (two-pass, channel) MetadataInjector gives the same bytes as the in-memory one. */
class MetadataInjectorStreamingTest {
    static Stream<Arguments> inputs() {
        String[] names = {"aac-only.flv", "avc-aac-bframes.flv", "avc-mp3.flv", "keyframe-index.flv", "ts-past-2pow24.flv"};
        Stream.Builder<Arguments> b = Stream.builder();
        for (String name : names) {
            byte[] file = Fixtures.bytes("flv/" + name);
            b.add(Arguments.of(name, file));
            // garbage between tags (resync), a truncated last tag, and an already injected file
            byte[] garbage = new byte[file.length + 37];
            int cut = file.length / 2;
            System.arraycopy(file, 0, garbage, 0, cut);
            Arrays.fill(garbage, cut, cut + 37, (byte) 0x5A);
            System.arraycopy(file, cut, garbage, cut + 37, file.length - cut);
            b.add(Arguments.of(name + " with garbage", garbage));
            b.add(Arguments.of(name + " truncated", Arrays.copyOf(file, file.length - 9)));
            b.add(Arguments.of(name + " injected twice", MetadataInjector.inject(file).file()));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void channelsGiveTheInMemoryBytes(String name, byte[] file) throws IOException {
        MetadataInjector.Result want = MetadataInjector.inject(file);
        if (name.endsWith("garbage")) {
            assertThat(want.anomalies()).extracting(Anomaly::kind).contains(FlvAnomalyKind.SKIPPED_BYTES);
        } else if (name.endsWith("truncated")) {
            assertThat(want.anomalies()).extracting(Anomaly::kind).containsExactly(FlvAnomalyKind.TRUNCATED_TAG);
        } else {
            assertThat(want.anomalies()).isEmpty();
        }
        for (int maxRead : new int[] {1, 7, 4096, Integer.MAX_VALUE}) {
            MetadataInjector.Plan plan = MetadataInjector.scan(trickle(file, maxRead));
            assertThat(plan.metadata()).isEqualTo(want.metadata());
            assertThat(plan.anomalies()).isEqualTo(want.anomalies());
            assertThat(plan.fileSize()).isEqualTo(want.file().length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            plan.writeTo(trickle(file, maxRead), Channels.newChannel(out));
            assertThat(out.toByteArray()).as("read at most %d bytes at a time", maxRead).isEqualTo(want.file());
        }
    }

    @Test
    void filesGiveTheInMemoryBytes(@TempDir Path dir) throws IOException {
        byte[] file = Fixtures.bytes("flv/avc-aac-bframes.flv");
        Path in = dir.resolve("in.flv");
        Path out = dir.resolve("out.flv");
        Files.write(in, file);
        Files.write(out, new byte[file.length * 2]); // truncated on open
        MetadataInjector.Plan plan = MetadataInjector.inject(in, out);
        MetadataInjector.Result want = MetadataInjector.inject(file);
        assertThat(Files.readAllBytes(out)).isEqualTo(want.file());
        assertThat(plan.metadata()).isEqualTo(want.metadata());
        assertThat(plan.metadata().keyframes().filepositions()).isNotEmpty();
    }

    @Test
    void aDifferentInputOnTheSecondPassIsAnIoException() throws IOException {
        byte[] file = Fixtures.bytes("flv/avc-aac-bframes.flv");
        MetadataInjector.Plan plan = MetadataInjector.scan(trickle(file, Integer.MAX_VALUE));
        byte[] shorter = Arrays.copyOf(file, file.length / 2);
        assertThatThrownBy(() -> plan.writeTo(trickle(shorter, Integer.MAX_VALUE),
                Channels.newChannel(new ByteArrayOutputStream())))
                .isInstanceOf(IOException.class).hasMessageContaining("changed between the passes");
    }

    @Test
    void aBadHeaderIsAnFlvException() {
        byte[] notFlv = "GIF89a and more bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> MetadataInjector.scan(trickle(notFlv, 3))).isInstanceOf(FlvException.class);
    }

    /** A blocking channel that returns at most {@code maxRead} bytes per read. */
    private static ReadableByteChannel trickle(byte[] bytes, int maxRead) {
        ByteBuffer src = ByteBuffer.wrap(bytes);
        return new ReadableByteChannel() {
            private boolean open = true;

            @Override
            public int read(ByteBuffer dst) {
                if (!src.hasRemaining()) {
                    return -1;
                }
                int n = Math.min(Math.min(maxRead, dst.remaining()), src.remaining());
                dst.put(dst.position(), src, src.position(), n);
                dst.position(dst.position() + n);
                src.position(src.position() + n);
                return n;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
            }
        };
    }
}
