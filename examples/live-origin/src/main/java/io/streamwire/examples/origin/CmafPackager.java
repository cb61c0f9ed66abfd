package io.streamwire.examples.origin;

import io.streamwire.hls.BlockingReload;
import io.streamwire.hls.LivePlaylistBuilder;
import io.streamwire.hls.MediaPlaylist;
import io.streamwire.mp4.CmafTrack;
import io.streamwire.mp4.InitSegment;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Remuxes one publish, without transcoding, into fMP4 / CMAF HLS and LL-HLS (RFC 8216bis-16 §3.3
 * fragmented MPEG-4, ISO/IEC 23000-19:2020): FLV video (AVC, HEVC, AV1; legacy and Enhanced RTMP) and
 * audio (AAC, Enhanced RTMP Opus) as read by {@link FlvMedia} become ISOBMFF samples as they are
 * (length-prefixed NAL units, OBUs, raw AAC frames, Opus packets), cut into segments and parts by
 * {@link CmafCutter} (the cut rules of {@link HlsPackager}: a keyframe once 80% of the target has
 * passed), with one init segment per codec configuration and a playlist from
 * {@link LivePlaylistBuilder} plus the EXT-X-MAP lines of {@link CmafPlaylist}.
 *
 * <p>URIs, relative to {@code /live/<key>.m3u8}: {@code <key>/init-<n>.mp4} (n counts init segments
 * from the number given, 0 by default), {@code <key>/<msn>.m4s}, {@code <key>/<msn>.<part>.m4s}.
 * A sequence header whose bytes differ from the current one (mid-stream, or after {@link #resume})
 * gives a new init segment from the next video keyframe on, after EXT-X-DISCONTINUITY; a republish
 * with the same configuration keeps the init segment. Video runs at 90 kHz (decode time = ms × 90),
 * audio at its sample rate ({@link SampleClock}); after a republish the timeline goes on from where the
 * previous publish ended. Segments and parts older than the window (plus two) are dropped.
 *
 * <p>Not thread-safe: the owning {@link Channel} guards it.
 */
final class CmafPackager implements Packager {
    private final OriginConfig config;
    private final LivePlaylistBuilder builder;
    private final boolean parts;
    private final CmafStore store;
    private final CmafIngest ingest;
    private Instant wallAtStart;
    private long refTimescale;
    private int nextInit;
    private int currentInit = -1;
    private byte[] currentInitBytes;
    private boolean openDiscontinuity;
    private long firstMs = Long.MIN_VALUE;
    private long segmentStartMs;
    private long segmentTicks;
    private boolean finished;
    private long version;
    private long segmentsDone;
    private double longestSegment;

    CmafPackager(String key, OriginConfig config, long firstMsn, long discontinuitySequence) {
        this(key, config, firstMsn, discontinuitySequence, 0);
    }

    /** @param firstInit the number of the first init segment (to go on after a previous presentation's) */
    CmafPackager(String key, OriginConfig config, long firstMsn, long discontinuitySequence, int firstInit) {
        this.store = new CmafStore(key);
        this.config = config;
        this.wallAtStart = config.clock().instant();
        this.nextInit = firstInit;
        LivePlaylistBuilder.Options o = LivePlaylistBuilder.builder(config.targetDurationSeconds())
                .window(config.windowSegments()).startAt(firstMsn, discontinuitySequence)
                .canSkipUntil(6.0 * config.targetDurationSeconds(), false);
        this.parts = config.partTargetSeconds() > 0;
        if (parts) { // as HlsPackager: an overrunning part is advertised as PART-TARGET (§4.4.4.9)
            o.partTarget(config.partTargetSeconds()).clampLongParts(config.targetDurationSeconds() + 1.0);
        }
        this.builder = o.build();
        this.ingest = new CmafIngest(config, this::onInit, this::onPart);
    }

    /** An FLV VIDEODATA body at {@code timestampMs}; other codecs are counted as dropped. */
    @Override
    public void onVideo(long timestampMs, ByteBuffer body) {
        if (!finished && body.hasRemaining()) {
            ingest.onVideo(timestampMs, body);
        }
    }

    /** An FLV AUDIODATA body at {@code timestampMs}; other codecs are counted as dropped. */
    @Override
    public void onAudio(long timestampMs, ByteBuffer body) {
        if (!finished && body.hasRemaining()) {
            ingest.onAudio(timestampMs, body);
        }
    }

    /** A new init segment: numbered when its bytes differ from the current one's; after a codec change, a discontinuity. */
    private void onInit(List<CmafTrack> tracks, boolean restart) {
        if (restart) {
            builder.discontinuity();
            openDiscontinuity = true;
        }
        refTimescale = tracks.get(0).timescale();
        byte[] init = InitSegment.toByteArray(tracks);
        if (!Arrays.equals(init, currentInitBytes)) {
            currentInit = nextInit++;
            currentInitBytes = init;
        }
        store.putInit(currentInit, init, builder.openSegmentMsn());
    }

    private void onPart(byte[] bytes, boolean independent, long startTicks, long durationTicks, boolean endsSegment) {
        long msn = builder.openSegmentMsn();
        if (store.openPartCount() == 0) {
            segmentStartMs = startTicks * 1000 / refTimescale;
            segmentTicks = 0;
            if (firstMs == Long.MIN_VALUE) {
                firstMs = segmentStartMs;
            }
        }
        int index = store.addPart(msn, bytes);
        segmentTicks += durationTicks;
        version++;
        if (parts) {
            double seconds = Math.min((double) durationTicks / refTimescale,
                    config.partTargetSeconds() + config.targetDurationSeconds() + 1.0);
            builder.addPart(store.partUri(msn, index), seconds, independent);
            builder.preloadHint(store.partUri(msn, index + 1));
        }
        if (endsSegment) {
            double seconds = Math.min((double) segmentTicks / refTimescale, config.targetDurationSeconds() + 0.499);
            longestSegment = Math.max(longestSegment, (double) segmentTicks / refTimescale);
            builder.programDateTime(wallAtStart.plusMillis(Math.max(0, segmentStartMs - firstMs)));
            builder.addSegment(store.segmentUri(msn), seconds);
            openDiscontinuity = false;
            segmentsDone++;
            if (parts) {
                builder.preloadHint(store.partUri(msn + 1, 0));
            }
            store.closeSegment(msn, builder.mediaSequence() - CmafStore.KEEP_BEHIND);
        }
    }

    /** Ends the publish: the segment in progress is closed and EXT-X-ENDLIST written. */
    @Override
    public void finish() {
        if (finished) {
            return;
        }
        ingest.closeOpen();
        builder.finish();
        finished = true;
        version++;
    }

    /** The publisher is gone: the segment in progress is closed, no EXT-X-ENDLIST (a republish may continue). */
    @Override
    public void pause() {
        if (finished) {
            return;
        }
        ingest.closeOpen();
        version++;
    }

    /**
     * A republish continues this playlist after EXT-X-DISCONTINUITY (RFC 8216bis-16 §4.4.2.3) with a new
     * program date-time; codec configurations are read afresh (the same bytes keep the init segment).
     */
    @Override
    public void resume(Instant wallNow) {
        if (finished) {
            return;
        }
        pause();
        builder.discontinuity();
        openDiscontinuity = true;
        ingest.resume();
        firstMs = Long.MIN_VALUE;
        wallAtStart = wallNow;
    }

    /** Init segment {@code n}, or null when it is unknown or no longer used by a kept segment. */
    byte[] init(int n) {
        return store.init(n);
    }

    /** The number of the init segment in use (or last used), -1 before the first. */
    int currentInit() {
        return currentInit;
    }

    /** The number the next new init segment will get (to continue numbering in a new presentation). */
    int nextInit() {
        return nextInit;
    }

    /** RFC 6381 CODECS of the current tracks (of the latest sequence headers before the first segment), e.g. "hvc1.1.6.L93.B0,mp4a.40.2". */
    String codecs() {
        return ingest.codecs();
    }

    /** Picture width in pixels from the SPS / sequence header, 0 when there is no video. */
    int width() {
        return ingest.width();
    }

    /** Picture height in pixels, 0 when there is no video. */
    int height() {
        return ingest.height();
    }

    /** Frames per second: from the SPS VUI / AV1 timing info when present, else measured; 0 when unknown. */
    double frameRate() {
        return ingest.frameRate();
    }

    @Override
    public long version() {
        return version;
    }

    /** Bytes of the segment being produced (its closed parts and the samples not yet in a part). */
    @Override
    public long openSegmentBytes() {
        return store.openBytes() + ingest.pendingBytes();
    }

    @Override
    public MediaPlaylist playlist() {
        return CmafPlaylist.withMaps(builder.playlist(), store::initUriOf, builder.openSegmentMsn(), openDiscontinuity);
    }

    @Override
    public BlockingReload.Answer reload(BlockingReload request) {
        return CmafPlaylist.withMaps(builder.reload(request), store::initUriOf, builder.openSegmentMsn(), openDiscontinuity);
    }

    @Override
    public byte[] segment(long msn) {
        return store.segment(msn);
    }

    @Override
    public byte[] part(long msn, int index) {
        return store.part(msn, index);
    }

    @Override
    public boolean isUpcomingPart(long msn, int index) {
        if (finished || !parts) {
            return false;
        }
        LivePlaylistBuilder.HintedPart hint = builder.preloadHintTarget();
        long nextMsn = hint != null ? hint.msn() : builder.openSegmentMsn();
        int nextPart = hint != null ? hint.part() : builder.nextPartIndex();
        return (msn == nextMsn && index == nextPart) || (msn == nextMsn + 1 && index == 0);
    }

    @Override
    public boolean isUpcomingSegment(long msn) {
        return !finished && (msn == builder.openSegmentMsn() || msn == builder.openSegmentMsn() + 1);
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public long lastMsn() {
        return builder.lastMsn();
    }

    @Override
    public long discontinuitySequence() {
        return builder.discontinuitySequence();
    }

    @Override
    public long segmentsDone() {
        return segmentsDone;
    }

    @Override
    public long framesIn() {
        return ingest.framesIn;
    }

    @Override
    public long framesDropped() {
        return ingest.framesDropped;
    }

    @Override
    public double longestSegmentSeconds() {
        return longestSegment;
    }

    /** Bytes of init segments, segments and parts held now. */
    @Override
    public long bytesHeld() {
        return store.bytesHeld();
    }
}
