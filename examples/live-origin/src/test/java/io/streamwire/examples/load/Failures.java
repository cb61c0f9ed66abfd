package io.streamwire.examples.load;

import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Error counts of one client kind: non-2xx statuses, connection resets, timeouts, failed connects,
 * early closes (the server closed a stream that should have lasted the run) and anything else,
 * plus the first message seen of each kind for the report.
 *
 * <p>Thread-safe.
 */
final class Failures {
    final LongAdder status = new LongAdder();
    final LongAdder reset = new LongAdder();
    final LongAdder timeout = new LongAdder();
    final LongAdder connect = new LongAdder();
    final LongAdder earlyClose = new LongAdder();
    final LongAdder other = new LongAdder();
    /** Not an error: requests retried once after a reused connection closed before any answer byte. */
    final LongAdder staleRetry = new LongAdder();
    private final ConcurrentHashMap<String, String> firstSeen = new ConcurrentHashMap<>();

    void status(int code, String what) {
        status.increment();
        firstSeen.putIfAbsent("status", code + " " + what);
    }

    void earlyClose(String what) {
        earlyClose.increment();
        firstSeen.putIfAbsent("earlyClose", what);
    }

    /** Sorts a channel exception into reset / timeout / connect / other. */
    void exception(Throwable t, boolean connecting) {
        String text = t.getClass().getSimpleName() + ": " + t.getMessage();
        if (t instanceof ReadTimeoutException || t instanceof java.util.concurrent.TimeoutException
                || t instanceof io.netty.channel.ConnectTimeoutException) {
            timeout.increment();
            firstSeen.putIfAbsent("timeout", text);
        } else if (connecting || t instanceof ConnectException) {
            connect.increment();
            firstSeen.putIfAbsent("connect", text);
        } else if (t instanceof IOException) {
            // "Connection reset by peer", "Broken pipe": the server dropped the connection.
            reset.increment();
            firstSeen.putIfAbsent("reset", text);
        } else {
            other.increment();
            firstSeen.putIfAbsent("other", text);
        }
    }

    void other(String what) {
        other.increment();
        firstSeen.putIfAbsent("other", what);
    }

    long total() {
        return status.sum() + reset.sum() + timeout.sum() + connect.sum() + earlyClose.sum() + other.sum();
    }

    String toJson() {
        StringBuilder b = new StringBuilder("{\"total\":").append(total())
                .append(",\"status\":").append(status.sum()).append(",\"reset\":").append(reset.sum())
                .append(",\"timeout\":").append(timeout.sum()).append(",\"connect\":").append(connect.sum())
                .append(",\"earlyClose\":").append(earlyClose.sum()).append(",\"other\":").append(other.sum())
                .append(",\"staleRetries\":").append(staleRetry.sum())
                .append(",\"first\":{");
        String sep = "";
        for (var e : new java.util.TreeMap<>(firstSeen).entrySet()) {
            b.append(sep).append(JsonText.quote(e.getKey())).append(':').append(JsonText.quote(e.getValue()));
            sep = ",";
        }
        return b.append("}}").toString();
    }
}
