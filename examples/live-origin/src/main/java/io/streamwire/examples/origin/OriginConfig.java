package io.streamwire.examples.origin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link LiveOrigin}. Immutable; change one value with the {@code withXxx} copies.
 *
 * @param bindAddress address both servers listen on ("0.0.0.0" for every interface)
 * @param rtmpPort RTMP ingest and play port (0: any free port)
 * @param httpPort HTTP port for HLS, LL-HLS and HTTP-FLV (0: any free port)
 * @param app the RTMP application name publishers and players connect to ({@code rtmp://host/app/key})
 * @param allowedKeys stream keys allowed to publish; empty: any key
 * @param targetDurationSeconds EXT-X-TARGETDURATION; segments are cut at the first keyframe at or after
 *     80% of it, and before any frame that would make a segment round above it
 * @param windowSegments segments kept in the live playlist (the sliding window)
 * @param partTargetSeconds LL-HLS part target (EXT-X-PART-INF); 0 turns LL-HLS off
 * @param maxQueuedBytes bytes a reader (HTTP-FLV or RTMP play) may fall behind before it is dropped
 * @param maxGopCacheBytes bytes of the last group of pictures kept for readers that join mid-stream
 * @param playWaitMillis how long HTTP-FLV readers and blocking reloads wait for a stream or a part
 * @param lingerMillis how long a finished stream's playlist (with EXT-X-ENDLIST) and segments stay served
 * @param maxConnections RTMP connections served at once (the thread pool's size on JDK 17)
 * @param recordDirectory where each publish is recorded to FLV (keyframe index injected at the end), or null
 * @param clock wall clock for EXT-X-PROGRAM-DATE-TIME
 */
public record OriginConfig(String bindAddress, int rtmpPort, int httpPort, String app, Set<String> allowedKeys,
        int targetDurationSeconds, int windowSegments, double partTargetSeconds, long maxQueuedBytes,
        long maxGopCacheBytes, long playWaitMillis, long lingerMillis, int maxConnections, Path recordDirectory,
        Clock clock) {

    /** Checks ranges. */
    public OriginConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(app, "app");
        allowedKeys = Set.copyOf(allowedKeys);
        Objects.requireNonNull(clock, "clock");
        if (rtmpPort < 0 || rtmpPort > 65535 || httpPort < 0 || httpPort > 65535 || targetDurationSeconds < 1
                || windowSegments < 3 || partTargetSeconds < 0 || (partTargetSeconds > 0 && partTargetSeconds > targetDurationSeconds)
                || maxQueuedBytes < 1 || maxGopCacheBytes < 0 || playWaitMillis < 0 || lingerMillis < 0 || maxConnections < 1) {
            throw new IllegalArgumentException("invalid origin config");
        }
    }

    /**
     * The defaults: every interface, RTMP 1935, HTTP 8080, app "live", any key, 2 s segments, a
     * 10-segment window, 0.334 s parts, readers dropped 8 MiB behind, no recording.
     */
    public static OriginConfig defaults() {
        return new OriginConfig("0.0.0.0", 1935, 8080, "live", Set.of(), 2, 10, 0.334, 8L << 20, 8L << 20, 10_000,
                30_000, 256, null, Clock.systemUTC());
    }

    /** Loopback on free ports: what the tests use. */
    public static OriginConfig loopbackEphemeral() {
        return defaults().withBind("127.0.0.1", 0, 0);
    }

    /** A copy listening on {@code address}, {@code rtmp} and {@code http}. */
    public OriginConfig withBind(String address, int rtmp, int http) {
        return new OriginConfig(address, rtmp, http, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections,
                recordDirectory, clock);
    }

    /** A copy that only lets these keys publish (empty: any). */
    public OriginConfig withAllowedKeys(Set<String> keys) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, keys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections,
                recordDirectory, clock);
    }

    /** A copy with another segmenting setup. */
    public OriginConfig withSegments(int targetSeconds, int window, double partTarget) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetSeconds, window, partTarget,
                maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections, recordDirectory, clock);
    }

    /** A copy with another reader backlog limit. */
    public OriginConfig withMaxQueuedBytes(long bytes) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, bytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections, recordDirectory,
                clock);
    }

    /** A copy with other wait and linger times. */
    public OriginConfig withTimes(long playWait, long linger) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWait, linger, maxConnections, recordDirectory,
                clock);
    }

    /** A copy that records every publish into {@code directory} (null: no recording). */
    public OriginConfig withRecordDirectory(Path directory) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections,
                directory, clock);
    }

    /** A copy with another wall clock. */
    public OriginConfig withClock(Clock c) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections,
                recordDirectory, c);
    }

    /** Whether {@code key} may publish. */
    public boolean allows(String key) {
        return allowedKeys.isEmpty() || allowedKeys.contains(key);
    }
}
