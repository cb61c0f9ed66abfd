package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.flv.FlvDecoder;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Fan-out, late joiners, stalled readers and publish ownership of a {@link Channel}, without sockets. */
class ChannelTest {
    static int publish(Channel ch, Object token) {
        int[] n = {0};
        FlvDecoder decoder = new FlvDecoder(tag -> {
            if (tag.tagType() == 8 || tag.tagType() == 9) {
                ch.media(token, tag.tagType(), tag.timestamp(), tag.body());
                n[0]++;
            }
        });
        decoder.feed(ByteBuffer.wrap(Fixtures.bytes(RemuxPipelineTest.FIXTURE)));
        decoder.endOfInput();
        return n[0];
    }

    static List<Subscriber.Tag> drain(Subscriber s) throws InterruptedException {
        List<Subscriber.Tag> out = new ArrayList<>();
        for (Subscriber.Tag t; (t = s.take(0)) != null; ) {
            out.add(t);
        }
        return out;
    }

    @Test
    void aStalledReaderIsDroppedWithoutBlockingThePublisherOrTheOthers() throws Exception {
        OriginConfig config = OriginConfig.loopbackEphemeral().withMaxQueuedBytes(32 * 1024);
        Channel ch = new Channel("k", config);
        Object token = new Object();
        assertThat(ch.startPublish(token)).isTrue();
        AtomicInteger dropped = new AtomicInteger();
        Subscriber stalled = ch.subscribe("test", dropped::incrementAndGet); // never read
        Subscriber reader = new Subscriber("test", Long.MAX_VALUE, () -> { });
        List<Subscriber.Tag> got = new ArrayList<>();
        // a reader that keeps up: drained after every tag by the same thread
        Subscriber live = ch.subscribe("test", () -> { });
        int[] sent = {0};
        FlvDecoder decoder = new FlvDecoder(tag -> {
            if (tag.tagType() == 8 || tag.tagType() == 9) {
                ch.media(token, tag.tagType(), tag.timestamp(), tag.body());
                sent[0]++;
                try {
                    got.addAll(drain(live));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        decoder.feed(ByteBuffer.wrap(Fixtures.bytes(RemuxPipelineTest.FIXTURE)));
        assertThat(stalled.overflowed()).isTrue();
        assertThat(stalled.queuedBytes()).as("its queue is freed at once").isZero();
        assertThat(dropped.get()).isEqualTo(1);
        assertThat(stalled.take(0)).isNull();
        assertThat(got).hasSize(sent[0]);
        assertThat(ch.stats().readersDropped()).isEqualTo(1);
        assertThat(ch.stats().readers()).isEqualTo(1);
        assertThat(reader.isClosed()).isFalse();
    }

    @Test
    void aLateJoinerStartsWithHeadersAndTheLastGroupOfPictures() throws Exception {
        Channel ch = new Channel("k", OriginConfig.loopbackEphemeral());
        Object token = new Object();
        ch.startPublish(token);
        publish(ch, token);
        Subscriber late = ch.subscribe("test", () -> { });
        List<Subscriber.Tag> tags = drain(late);
        assertThat(tags.get(0).type()).isEqualTo(9);
        assertThat(tags.get(0).body()[1]).as("AVC sequence header").isZero();
        assertThat(tags.get(1).type()).isEqualTo(8);
        assertThat(tags.get(1).body()[1]).as("AAC sequence header").isZero();
        Subscriber.Tag first = tags.get(2);
        assertThat(first.type()).isEqualTo(9);
        assertThat(first.body()[0] & 0xF0).as("starts at a keyframe").isEqualTo(0x10);
        assertThat(first.timestamp()).isEqualTo(3000); // the fixture's last keyframe (GOP 1 s)
        assertThat(tags.get(0).timestamp()).as("headers at 0, as nginx-rtmp sends them").isZero();
    }

    @Test
    void oneKeyOnePublisherAndUnpublishClosesReaders() throws Exception {
        Channel ch = new Channel("k", OriginConfig.loopbackEphemeral());
        Object a = new Object();
        Object b = new Object();
        assertThat(ch.startPublish(a)).isTrue();
        assertThat(ch.startPublish(b)).isFalse();
        Subscriber reader = ch.subscribe("test", () -> { });
        int n = publish(ch, b); // not the publisher: ignored
        assertThat(n).isPositive();
        assertThat(ch.stats().messagesIn()).isZero();
        publish(ch, a);
        ch.endPublish(b); // not the publisher: nothing happens
        assertThat(ch.isLive()).isTrue();
        ch.endPublish(a);
        assertThat(ch.isLive()).isFalse();
        assertThat(reader.isClosed()).isTrue();
        assertThat(drain(reader)).hasSize(n); // what was queued is still delivered, then the end
        assertThat(ch.playlist().write()).contains("#EXT-X-ENDLIST");
        assertThat(ch.startPublish(b)).as("the key is free again").isTrue();
        assertThat(ch.playlist().mediaSequence()).isEqualTo(2); // numbering goes on after the 2 segments
        assertThat(ch.idle(System.nanoTime())).isFalse();
        ch.endPublish(b);
        assertThat(ch.idle(System.nanoTime() + 31_000_000_000L)).isTrue();
    }

    @Test
    void eachTagIsCutIntoRtmpChunksOnceForEveryPlayer() throws Exception {
        Channel ch = new Channel("k", OriginConfig.loopbackEphemeral());
        Object token = new Object();
        ch.startPublish(token);
        Subscriber a = ch.subscribe("rtmp", () -> { });
        Subscriber b = ch.subscribe("rtmp", () -> { });
        publish(ch, token);
        List<Subscriber.Tag> fromA = drain(a);
        List<Subscriber.Tag> fromB = drain(b);
        assertThat(fromA).isNotEmpty().hasSameSizeAs(fromB);
        for (int i = 0; i < fromA.size(); i++) {
            Subscriber.Tag t = fromA.get(i);
            if (t.type() != 8 && t.type() != 9) {
                continue;
            }
            io.streamwire.rtmp.EncodedMessage chunks = t.rtmpChunks();
            assertThat(fromB.get(i).rtmpChunks()).as("one encoding shared by both players").isSameAs(chunks);
            assertThat(chunks.messageTypeId()).isEqualTo(t.type());
            assertThat(chunks.timestamp()).isEqualTo(t.timestamp());
            assertThat(chunks.payload()).isEqualTo(ByteBuffer.wrap(t.body()));
        }
    }
}
