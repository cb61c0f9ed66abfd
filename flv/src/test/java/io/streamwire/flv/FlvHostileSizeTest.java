package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.Chunks;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Length fields that announce more than arrives: the decoder's memory grows with the bytes that
 * arrive, never to the declared DataSize before them.
 */
class FlvHostileSizeTest {
    /** FLV header, PreviousTagSize0, a video tag header declaring DataSize 0xFFFFFF, one body byte: 25 bytes. */
    static final byte[] HUGE_TAG = HexFormat.of().parseHex(
            "464c5601" + "05" + "00000009"   // "FLV", version 1, audio+video, DataOffset 9
            + "00000000"                       // PreviousTagSize0
            + "09" + "ffffff"                  // TagType video, DataSize 16,777,215
            + "000000" + "00" + "000000"       // Timestamp, TimestampExtended, StreamID
            + "17");                           // the only body byte that arrives

    /** Runs every path once, so that class loading and first-use work stay out of the measurements. */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        for (FlvLimits limits : List.of(FlvLimits.defaults(), FlvLimits.defaults().withStrict(true),
                FlvLimits.defaults().withMaxTagSize(1 << 16))) {
            try {
                FlvDecoder d = new FlvDecoder(new Collector(), limits);
                d.feed(ByteBuffer.wrap(HUGE_TAG));
                d.endOfInput();
            } catch (io.streamwire.core.StreamwireException expected) {
                // strict and limit variants
            }
        }
        MetadataInjector.scan(Channels.newChannel(new java.io.ByteArrayInputStream(HUGE_TAG)));
        MetadataInjector.inject(HUGE_TAG);
    }

    private static long allocated(Runnable work) {
        long id = Thread.currentThread().getId();
        long before = Allocation.allocatedBytes(id);
        work.run();
        return Allocation.allocatedBytes(id) - before;
    }

    @Test
    void aDeclaredTagIsNotAllocatedBeforeItsBytesArrive() {
        assertThat(HUGE_TAG).hasSize(25);
        List<FlvDecoder> alive = new ArrayList<>(); // kept reachable, as a server with many connections would
        List<Collector> collectors = new ArrayList<>();
        long bytes = allocated(() -> {
            for (int i = 0; i < 8; i++) {
                Collector c = new Collector();
                FlvDecoder d = new FlvDecoder(c);
                d.feed(ByteBuffer.wrap(HUGE_TAG));
                alive.add(d);
                collectors.add(c);
            }
        });
        // before: 16.8 MB per decoder (134 MB for eight); now the carried byte takes a small buffer
        assertThat(bytes).as("bytes allocated by 8 decoders fed 25 bytes each").isLessThan(1 << 20);
        for (int i = 0; i < alive.size(); i++) {
            assertThat(alive.get(i).position()).isEqualTo(25);
            alive.get(i).endOfInput();
            assertThat(collectors.get(i).anomalies).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(FlvAnomalyKind.TRUNCATED_TAG);
                assertThat(a.offset()).isEqualTo(13);
                assertThat(a.detail()).isEqualTo("12 of 16777226 bytes present");
            });
        }
    }

    @Test
    void aDeclaredTagIsNotAllocatedHoweverTheBytesAreSplit() {
        for (Chunks.Split split : Chunks.splits(HUGE_TAG, 5)) {
            FlvDecoder d = new FlvDecoder(new Collector());
            long bytes = allocated(() -> split.pieces().forEach(p -> d.feed(ByteBuffer.wrap(p))));
            assertThat(bytes).as(split.name()).isLessThan(256 * 1024);
        }
    }

    @Test
    void strictModeThrowsTheTruncationWithoutHavingAllocatedTheTag() {
        FlvDecoder d = new FlvDecoder(new Collector(), FlvLimits.defaults().withStrict(true));
        long bytes = allocated(() -> d.feed(ByteBuffer.wrap(HUGE_TAG)));
        assertThat(bytes).isLessThan(256 * 1024);
        assertThatThrownBy(d::endOfInput).isInstanceOfSatisfying(TruncatedInputException.class, e -> {
            assertThat(e.module()).isEqualTo("flv");
            assertThat(e.field()).isEqualTo("flv tag");
            assertThat(e.offset()).isEqualTo(13);
        });
    }

    @Test
    void theCarryBufferGrowsWithTheBodyAsItArrives() {
        List<String> tags = new ArrayList<>();
        List<Object> anomalies = new ArrayList<>();
        FlvDecoder d = new FlvDecoder(new FlvDecoder.Listener() {
            @Override
            public void onTag(FlvTag tag) {
                tags.add(tag.dataSize() + " bytes, first " + tag.buffer().get(tag.bodyIndex()));
            }

            @Override
            public void onAnomaly(io.streamwire.core.Anomaly<FlvAnomalyKind> anomaly) {
                anomalies.add(anomaly);
            }
        });
        byte[] piece = new byte[64 * 1024];
        long bytes = allocated(() -> {
            d.feed(ByteBuffer.wrap(HUGE_TAG));
            for (int i = 0; i < 15; i++) { // 960 KiB of the 16 MiB body
                d.feed(ByteBuffer.wrap(piece));
            }
        });
        // doubling from 256 bytes to 1 MiB: about 2 MiB in all, not the 16 MiB declared
        assertThat(bytes).isLessThan(3L << 20);
        // the rest arrives: the tag is delivered whole and equal to what was fed
        int rest = 0xFF_FFFF - 1 - 15 * piece.length;
        d.feed(ByteBuffer.allocate(rest));
        d.feed(ByteBuffer.wrap(new byte[] {0x01, 0, 0, 0x0A})); // PreviousTagSize 16,777,226
        d.endOfInput();
        assertThat(anomalies).isEmpty();
        assertThat(tags).containsExactly("16777215 bytes, first 23");
    }

    @Test
    void aResyncCandidateDeclaringAHugeTagIsNotAllocatedEither() {
        // an implausible TagType 7 starts the search; the next byte starts a plausible header of DataSize 0xFFFFFF
        byte[] hostile = HexFormat.of().parseHex("464c560105000000090000000007" + "09ffffff00000000000000" + "17");
        Collector c = new Collector();
        FlvDecoder d = new FlvDecoder(c);
        long bytes = allocated(() -> d.feed(ByteBuffer.wrap(hostile)));
        assertThat(bytes).isLessThan(256 * 1024);
        d.endOfInput();
        assertThat(c.anomalies).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(FlvAnomalyKind.SKIPPED_BYTES);
            assertThat(a.offset()).isEqualTo(13);
            assertThat(a.detail()).isEqualTo("13 bytes skipped");
        });
    }

    @Test
    void theTagSizeLimitFailsBeforeAllocatingAtTheDataSizeField() {
        FlvDecoder d = new FlvDecoder(new Collector(), FlvLimits.defaults().withMaxTagSize(1 << 16));
        long[] bytes = {0};
        long id = Thread.currentThread().getId();
        long before = Allocation.allocatedBytes(id);
        assertThatThrownBy(() -> d.feed(ByteBuffer.wrap(HUGE_TAG))).isInstanceOfSatisfying(LimitExceededException.class,
                e -> {
                    bytes[0] = Allocation.allocatedBytes(id) - before;
                    assertThat(e.limitName()).isEqualTo("FlvLimits.maxTagSize()");
                    assertThat(e.field()).isEqualTo("flv DataSize");
                    assertThat(e.actual()).isEqualTo(0xFF_FFFF);
                    assertThat(e.offset()).isEqualTo(14);
                });
        assertThat(bytes[0]).isLessThan(256 * 1024);
    }

    @Test
    void metadataInjectorScanDoesNotAllocateTheDeclaredTag() throws Exception {
        long[] bytes = {0};
        MetadataInjector.Plan[] plan = {null};
        bytes[0] = allocated(() -> {
            try {
                plan[0] = MetadataInjector.scan(Channels.newChannel(new java.io.ByteArrayInputStream(HUGE_TAG)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // the 64 KiB read buffer and the plan, not 16.8 MB
        assertThat(bytes[0]).isLessThan(1 << 20);
        assertThat(plan[0].anomalies()).extracting(a -> a.kind()).containsExactly(FlvAnomalyKind.TRUNCATED_TAG);

        long inMemory = allocated(() -> {
            MetadataInjector.Result r = MetadataInjector.inject(HUGE_TAG);
            assertThat(r.anomalies()).extracting(a -> a.kind()).containsExactly(FlvAnomalyKind.TRUNCATED_TAG);
        });
        assertThat(inMemory).isLessThan(1 << 20);
    }

    @Test
    void metadataInjectorKeepsAWholeLargeTagThatArrivesInPieces() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(13 + 11 + 300_000 + 4);
        FlvWriter.writeHeader(out, FlvHeader.of(false, true));
        byte[] body = new byte[300_000];
        body[0] = 0x17;
        body[1] = 1;
        FlvWriter.writeTag(out, FlvTagHeader.VIDEO, 40, ByteBuffer.wrap(body));
        file.write(out.array(), 0, out.position());
        MetadataInjector.Plan plan = MetadataInjector.scan(Channels.newChannel(new java.io.ByteArrayInputStream(
                file.toByteArray())));
        assertThat(plan.anomalies()).isEmpty();
        assertThat(plan.metadata().properties()).containsKey("keyframes");
    }
}
