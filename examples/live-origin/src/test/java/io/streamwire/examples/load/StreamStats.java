package io.streamwire.examples.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of one kind of long-lived reader (HTTP-FLV or RTMP play): readers connected now, bytes
 * read, and their errors.
 *
 * <p>Thread-safe.
 */
final class StreamStats {
    final LongAdder connected = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final Failures failures = new Failures();

    /** {@code {"readers":…,"connectedAtEnd":…,"bytes":…,"failures":{…}}}. */
    String toJson(int readers, long connectedAtEnd) {
        return "{\"readers\":" + readers + ",\"connectedAtEnd\":" + connectedAtEnd + ",\"bytes\":" + bytes.sum()
                + ",\"failures\":" + failures.toJson() + "}";
    }
}
