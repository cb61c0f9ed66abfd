package io.streamwire.examples.load;

import java.util.Arrays;

/**
 * Counts of one kind of request (playlists, segments, probes): how many, bytes, and every latency
 * kept in microseconds so the summary gives exact p50 / p99 / max (a minute of 10,000 viewers is
 * about a million samples, 8 MB).
 *
 * <p>Thread-safe (the event loops record into it; one lock, held for an array store).
 */
final class RequestStats {
    private long[] micros = new long[1024];
    private int count;
    private long bytes;

    /** Records one completed request. */
    synchronized void record(long latencyNanos, long responseBytes) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, micros.length * 2);
        }
        micros[count++] = Math.max(0, latencyNanos / 1_000);
        bytes += responseBytes;
    }

    synchronized int count() {
        return count;
    }

    synchronized long bytes() {
        return bytes;
    }

    /** The latency at quantile {@code q} (0..1) in milliseconds, nearest rank; 0 when empty. */
    synchronized double quantileMillis(double q) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1000.0;
    }

    /** {@code {"count":…,"bytes":…,"p50Ms":…,"p99Ms":…,"maxMs":…}}. */
    synchronized String toJson() {
        return "{\"count\":" + count + ",\"bytes\":" + bytes + ",\"p50Ms\":" + round(quantileMillis(0.50))
                + ",\"p99Ms\":" + round(quantileMillis(0.99)) + ",\"maxMs\":" + round(quantileMillis(1.0)) + "}";
    }

    static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
