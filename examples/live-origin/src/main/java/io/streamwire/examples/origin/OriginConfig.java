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
 * @param maxGopCacheBytes bytes of the last group of pictures kept for readers that join mid-stream;
 *     a longer group of pictures drops the stream's publisher
 * @param playWaitMillis how long HTTP-FLV readers and blocking reloads wait for a stream or a part
 * @param lingerMillis how long a finished stream's playlist (with EXT-X-ENDLIST) and segments stay served
 * @param maxConnections RTMP connections open at once (publishers, players and not yet either)
 * @param recordDirectory where each publish is recorded to FLV (keyframe index injected at the end), or null
 * @param clock wall clock for EXT-X-PROGRAM-DATE-TIME
 * @param limits connection caps, deadlines and per-stream byte limits (see {@link Limits})
 * @param security who may publish, who may play, and where the admin endpoints are (see {@link Security})
 * @param output segment container and recording formats (see {@link Output})
 */
public record OriginConfig(String bindAddress, int rtmpPort, int httpPort, String app, Set<String> allowedKeys,
        int targetDurationSeconds, int windowSegments, double partTargetSeconds, long maxQueuedBytes,
        long maxGopCacheBytes, long playWaitMillis, long lingerMillis, int maxConnections, Path recordDirectory,
        Clock clock, Limits limits, Security security, Output output) {

    /** HLS segment container. */
    public enum SegmentFormat {
        /** Fragmented MP4 (CMAF): every codec (H.264, HEVC, AV1, AAC, Opus), EXT-X-MAP init segments. */
        FMP4,
        /** MPEG-TS: H.264 and AAC only, for older players. */
        TS
    }

    /**
     * What the origin makes of each publish.
     *
     * @param segments the default segment container; a publisher may choose per stream with
     *     {@code ?segments=ts} or {@code ?segments=fmp4} on its stream key
     * @param recordFlv with a record directory: record FLV (with a keyframe index)
     * @param recordMp4 with a record directory: record MP4 (progressive, moov in front)
     */
    public record Output(SegmentFormat segments, boolean recordFlv, boolean recordMp4) {
        /** Checks for null. */
        public Output {
            Objects.requireNonNull(segments, "segments");
        }

        /** fMP4 segments; FLV and MP4 recordings. */
        public static Output defaults() {
            return new Output(SegmentFormat.FMP4, true, true);
        }
    }

    /**
     * What one client, or all of them, may hold. Every cap is enforced where the resource is taken;
     * going past one refuses or drops that client (or that stream) with a log line, never the process.
     *
     * @param maxHttpConnections HTTP connections open at once (players, playlists, segments)
     * @param maxConnectionsPerAddress connections from one client address, per port (0: no cap)
     * @param maxFlvReaders HTTP-FLV readers at once (503 past it)
     * @param maxRtmpPlayers RTMP players at once (play refused past it)
     * @param maxPendingRequests held LL-HLS blocking reloads and part requests at once; past it a
     *     request is answered at once with what exists (never held)
     * @param requestHeaderMillis a request's line and headers must arrive within this after the
     *     connection opens or the request's first byte (slow or half-open requests are closed)
     * @param keepAliveMillis an idle keep-alive connection is closed after this
     * @param writeMillis a response or media write that makes no progress for this long closes its
     *     connection (a reader that stopped reading)
     * @param rtmpRoleMillis an RTMP connection must publish or play within this
     * @param publisherIdleMillis a publisher that sends no media for this long is dropped (as a lost
     *     connection: the reconnect grace starts)
     * @param graceMillis after a publisher is lost (not a clean unpublish), how long the playlist stays
     *     live without EXT-X-ENDLIST and readers stay connected, waiting for a republish
     * @param maxSegmentBytes bytes of the open HLS segment (its parts included) per stream; past it the
     *     stream's publisher is dropped
     * @param maxWriteBufferBytes Netty's high write-buffer watermark per connection: a reader's queue
     *     is not drained into the socket past it
     * @param readerBatchMillis how long a tag may wait before it is written to an HTTP-FLV or RTMP reader:
     *     a reader's tags of that time go out in one write (see {@link #defaults()}); 0 writes each at once
     */
    public record Limits(int maxHttpConnections, int maxConnectionsPerAddress, int maxFlvReaders, int maxRtmpPlayers,
            int maxPendingRequests, long requestHeaderMillis, long keepAliveMillis, long writeMillis, long rtmpRoleMillis,
            long publisherIdleMillis, long graceMillis, long maxSegmentBytes, int maxWriteBufferBytes,
            long readerBatchMillis) {
        /** Checks ranges. */
        public Limits {
            if (maxHttpConnections < 1 || maxConnectionsPerAddress < 0 || maxFlvReaders < 0 || maxRtmpPlayers < 0
                    || maxPendingRequests < 0 || requestHeaderMillis < 1 || keepAliveMillis < 1 || writeMillis < 1
                    || rtmpRoleMillis < 1 || publisherIdleMillis < 1 || graceMillis < 0 || maxSegmentBytes < 1
                    || maxWriteBufferBytes < 1024 || readerBatchMillis < 0 || readerBatchMillis > 1_000) {
                throw new IllegalArgumentException("invalid origin limits");
            }
        }

        /**
         * 20,000 HTTP connections, 1,000 per address, 10,000 HTTP-FLV readers and 1,500 RTMP players (of the
         * 2,000 RTMP connections: 500 stay for publishers and connections that have not said yet),
         * 20,000 held requests; 10 s for a request's headers, 60 s keep-alive, 30 s write stall, 10 s to
         * publish or play, 10 s of publisher silence, 15 s reconnect grace (a typical encoder reconnect
         * of a few seconds plus more than 2 target durations), 64 MiB per open segment, 1 MiB write buffer,
         * reader writes batched over 100 ms (two to three video frames at 25 frames a second and their audio in
         * one write, at most 100 ms later than at once: live FLV and RTMP players buffer far more; the
         * origin's CPU for 20 streams with 10 readers each fell by about a quarter against 40 ms).
         */
        public static Limits defaults() {
            return new Limits(20_000, 1_000, 10_000, 1_500, 20_000, 10_000, 60_000, 30_000, 10_000, 10_000, 15_000,
                    64L << 20, 1 << 20, 100);
        }

        /** A copy with another {@code maxConnectionsPerAddress}. */
        public Limits withMaxConnectionsPerAddress(int n) {
            return new Limits(maxHttpConnections, n, maxFlvReaders, maxRtmpPlayers, maxPendingRequests,
                    requestHeaderMillis, keepAliveMillis, writeMillis, rtmpRoleMillis, publisherIdleMillis, graceMillis,
                    maxSegmentBytes, maxWriteBufferBytes, readerBatchMillis);
        }

        /** A copy with other publisher idle and grace times. */
        public Limits withPublisherTimes(long idleMillis, long graceMillis) {
            return new Limits(maxHttpConnections, maxConnectionsPerAddress, maxFlvReaders, maxRtmpPlayers,
                    maxPendingRequests, requestHeaderMillis, keepAliveMillis, writeMillis, rtmpRoleMillis, idleMillis,
                    graceMillis, maxSegmentBytes, maxWriteBufferBytes, readerBatchMillis);
        }

        /** A copy with another {@code writeMillis}. */
        public Limits withWriteMillis(long millis) {
            return new Limits(maxHttpConnections, maxConnectionsPerAddress, maxFlvReaders, maxRtmpPlayers,
                    maxPendingRequests, requestHeaderMillis, keepAliveMillis, millis, rtmpRoleMillis,
                    publisherIdleMillis, graceMillis, maxSegmentBytes, maxWriteBufferBytes, readerBatchMillis);
        }

        /** A copy with another {@code readerBatchMillis}. */
        public Limits withReaderBatchMillis(long millis) {
            return new Limits(maxHttpConnections, maxConnectionsPerAddress, maxFlvReaders, maxRtmpPlayers,
                    maxPendingRequests, requestHeaderMillis, keepAliveMillis, writeMillis, rtmpRoleMillis,
                    publisherIdleMillis, graceMillis, maxSegmentBytes, maxWriteBufferBytes, millis);
        }
    }

    /**
     * Publish and playback authorisation and the admin endpoints. Publishing is authorised apart from
     * playback: the public playback name is never enough to publish unless the origin is left open
     * (no secret, no token key, no callback: any valid name publishes under itself, as for local use).
     *
     * @param streamSecrets playback name → publish secret: the publisher sends the secret as its
     *     stream key ({@code rtmp://host/live/<secret>}) and its stream plays as the name
     * @param publishTokenKey HMAC-SHA256 key for signed publish tokens
     *     ({@code rtmp://host/live/<name>?exp=<unix s>&sig=<hex>}), or null
     * @param onPublishUrl an nginx-rtmp-style {@code on_publish} callback (form POST; 2xx allows), or null
     * @param callbackTimeoutMillis how long the callback may take before the publish is refused
     * @param playbackTokenKey HMAC-SHA256 key for signed playback URLs ({@code ?exp=&sig=}), or null
     *     (playback open)
     * @param adminPort port of the admin listener ({@code /stats}, {@code /metrics}); 0 any free port, -1 none
     * @param adminBind address the admin listener binds ({@code 127.0.0.1} by default)
     */
    public record Security(java.util.Map<String, String> streamSecrets, byte[] publishTokenKey, java.net.URI onPublishUrl,
            long callbackTimeoutMillis, byte[] playbackTokenKey, int adminPort, String adminBind) {
        /** Copies the map and keys. */
        public Security {
            streamSecrets = java.util.Map.copyOf(streamSecrets);
            publishTokenKey = publishTokenKey == null ? null : publishTokenKey.clone();
            playbackTokenKey = playbackTokenKey == null ? null : playbackTokenKey.clone();
            Objects.requireNonNull(adminBind, "adminBind");
            if (callbackTimeoutMillis < 1 || adminPort < -1 || adminPort > 65535) {
                throw new IllegalArgumentException("invalid origin security settings");
            }
        }

        /** Open publishing and playback; admin endpoints on 127.0.0.1 port 8081. */
        public static Security open() {
            return new Security(java.util.Map.of(), null, null, 3_000, null, 8081, "127.0.0.1");
        }

        /** Whether anything restricts publishing. */
        public boolean publishRestricted() {
            return !streamSecrets.isEmpty() || publishTokenKey != null || onPublishUrl != null;
        }
    }

    /** Checks ranges. */
    public OriginConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(app, "app");
        allowedKeys = Set.copyOf(allowedKeys);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(output, "output");
        if (rtmpPort < 0 || rtmpPort > 65535 || httpPort < 0 || httpPort > 65535 || targetDurationSeconds < 1
                || windowSegments < 3 || partTargetSeconds < 0 || (partTargetSeconds > 0 && partTargetSeconds > targetDurationSeconds)
                || maxQueuedBytes < 1 || maxGopCacheBytes < 0 || playWaitMillis < 0 || lingerMillis < 0 || maxConnections < 1) {
            throw new IllegalArgumentException("invalid origin config");
        }
    }

    /**
     * The defaults: every interface, RTMP 1935, HTTP 8080, app "live", any key, 2 s segments, a
     * 10-segment window, 0.334 s parts, readers dropped 8 MiB behind, a 64 MiB GOP cache, 2,000 RTMP
     * connections, no recording, {@link Limits#defaults()}, {@link Security#open()}.
     */
    public static OriginConfig defaults() {
        return new OriginConfig("0.0.0.0", 1935, 8080, "live", Set.of(), 2, 10, 0.334, 8L << 20, 64L << 20, 10_000,
                30_000, 2_000, null, Clock.systemUTC(), Limits.defaults(), Security.open(), Output.defaults());
    }

    /** Loopback on free ports: what the tests use. */
    public static OriginConfig loopbackEphemeral() {
        OriginConfig d = defaults().withBind("127.0.0.1", 0, 0);
        Security s = d.security();
        return d.withSecurity(new Security(s.streamSecrets(), s.publishTokenKey(), s.onPublishUrl(),
                s.callbackTimeoutMillis(), s.playbackTokenKey(), 0, "127.0.0.1"));
    }

    /** A copy listening on {@code address}, {@code rtmp} and {@code http}. */
    public OriginConfig withBind(String address, int rtmp, int http) {
        return new OriginConfig(address, rtmp, http, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections,
                recordDirectory, clock, limits, security, output);
    }

    /** A copy that only lets these keys publish (empty: any). */
    public OriginConfig withAllowedKeys(Set<String> keys) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, keys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections,
                recordDirectory, clock, limits, security, output);
    }

    /** A copy with another segmenting setup. */
    public OriginConfig withSegments(int targetSeconds, int window, double partTarget) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetSeconds, window, partTarget,
                maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections, recordDirectory, clock, limits, security, output);
    }

    /** A copy with another reader backlog limit. */
    public OriginConfig withMaxQueuedBytes(long bytes) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, bytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections, recordDirectory,
                clock, limits, security, output);
    }

    /** A copy with other wait and linger times. */
    public OriginConfig withTimes(long playWait, long linger) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWait, linger, maxConnections, recordDirectory,
                clock, limits, security, output);
    }

    /** A copy that records every publish into {@code directory} (null: no recording). */
    public OriginConfig withRecordDirectory(Path directory) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections,
                directory, clock, limits, security, output);
    }

    /** A copy with another wall clock. */
    public OriginConfig withClock(Clock c) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections,
                recordDirectory, c, limits, security, output);
    }

    /** A copy with other caps, deadlines and byte limits. */
    public OriginConfig withLimits(Limits l) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections,
                recordDirectory, clock, l, security, output);
    }

    /** A copy with other publish/playback authorisation and admin settings. */
    public OriginConfig withSecurity(Security s) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections,
                recordDirectory, clock, limits, s, output);
    }

    /** A copy whose admin listener ({@code /stats}, {@code /metrics}) binds {@code address}:{@code port} (0 any free port, -1 none). */
    public OriginConfig withAdmin(String address, int port) {
        Security s = security;
        return withSecurity(new Security(s.streamSecrets(), s.publishTokenKey(), s.onPublishUrl(), s.callbackTimeoutMillis(),
                s.playbackTokenKey(), port, address));
    }

    /** A copy with another output (segment format, recording formats). */
    public OriginConfig withOutput(Output o) {
        return new OriginConfig(bindAddress, rtmpPort, httpPort, app, allowedKeys, targetDurationSeconds, windowSegments,
                partTargetSeconds, maxQueuedBytes, maxGopCacheBytes, playWaitMillis, lingerMillis, maxConnections,
                recordDirectory, clock, limits, security, o);
    }

    /** A copy whose segments default to {@code format}. */
    public OriginConfig withSegmentFormat(SegmentFormat format) {
        return withOutput(new Output(format, output.recordFlv(), output.recordMp4()));
    }

    /** Whether {@code key} may publish. */
    public boolean allows(String key) {
        return allowedKeys.isEmpty() || allowedKeys.contains(key);
    }
}
