package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class FlvPropertiesTest {
    record Tag(int type, int timestamp, byte[] body) {}

    @Provide
    Arbitrary<List<Tag>> tags() {
        Arbitrary<Tag> tag = Combinators.combine(Arbitraries.of(8, 9, 18), Arbitraries.integers(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40)).as(Tag::new);
        return tag.list().ofMaxSize(12);
    }

    static byte[] write(List<Tag> tags) {
        int size = FlvWriter.headerSize(FlvHeader.of(true, true));
        for (Tag t : tags) {
            size += FlvWriter.tagSize(t.body().length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        FlvWriter.writeHeader(out, FlvHeader.of(true, true));
        for (Tag t : tags) {
            FlvWriter.writeTag(out, t.type(), t.timestamp(), ByteBuffer.wrap(t.body()));
        }
        assertThat(out.hasRemaining()).isFalse();
        return out.array();
    }

    @Property(tries = 300)
    void writeThenReadGivesTheTags(@ForAll("tags") List<Tag> tags, @ForAll long seed) {
        byte[] file = write(tags);
        Collector c = Collector.decode(file);
        assertThat(c.anomalies).isEmpty();
        assertThat(c.headers).hasSize(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            assertThat(c.headers.get(i)).isEqualTo(FlvTagHeader.of(tags.get(i).type(), tags.get(i).body().length,
                    tags.get(i).timestamp()));
            assertThat(c.bodies.get(i)).isEqualTo(tags.get(i).body());
        }
        // chunking independence
        List<byte[]> pieces = io.streamwire.testkit.Chunks.random(file, new Random(seed));
        assertThat(Collector.decode(pieces, FlvLimits.defaults()).events).isEqualTo(c.events);
    }

    @Property(tries = 300)
    void corruptedFilesOnlyRaiseFlvModuleExceptionsAndResync(@ForAll("tags") List<Tag> tags, @ForAll @IntRange(min = 0, max = 5000) int at,
            @ForAll byte flip, @ForAll boolean truncate) {
        byte[] file = write(tags);
        if (truncate) {
            file = Arrays.copyOf(file, at % file.length);
        } else {
            file[at % file.length] ^= flip;
        }
        try {
            List<String> whole = Collector.decode(file).events;
            List<byte[]> pieces = new ArrayList<>(io.streamwire.testkit.Chunks.fixed(file, 3));
            assertThat(Collector.decode(pieces, FlvLimits.defaults()).events).isEqualTo(whole);
        } catch (StreamwireException expected) {
            assertThat(expected.module()).isEqualTo("flv"); // the only failure allowed
        }
    }
}
