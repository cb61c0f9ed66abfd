package io.streamwire.examples.origin;

import io.streamwire.aac.AacConversions;
import io.streamwire.aac.AudioSpecificConfig;
import io.streamwire.core.StreamwireException;
import io.streamwire.flv.AudioData;
import io.streamwire.flv.VideoData;
import io.streamwire.h264.AvcDecoderConfigurationRecord;
import io.streamwire.h264.Avcc;
import io.streamwire.hls.BlockingReload;
import io.streamwire.hls.LivePlaylistBuilder;
import io.streamwire.hls.MediaPlaylist;
import io.streamwire.mpegts.TsMuxer;
import io.streamwire.mpegts.TsMuxerConfig;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remuxes one publish, without transcoding, into MPEG-TS segments and LL-HLS parts and keeps its live
 * playlist: FLV VIDEODATA (AVC) → Annex B with SPS/PPS at the start of each IDR access unit, into a
 * reused buffer ({@link Avcc#toAnnexB(ByteBuffer, int, AvcDecoderConfigurationRecord, ByteBuffer)});
 * FLV AUDIODATA (AAC raw) → ADTS ({@link AacConversions#writeAdtsHeader}); both → {@link TsMuxer}; parts and
 * segments → {@link LivePlaylistBuilder}.
 *
 * <p>Segments start at a video keyframe once 80% of the target duration has passed, and before any
 * frame that would make a segment round above the target duration (then the next segment starts
 * without a keyframe: a stream whose keyframes are too far apart cannot be cut otherwise). Parts end
 * before the frame that would take them past the part target. Audio-only publishes are cut on audio
 * frames. Timestamps: 90 kHz = RTMP milliseconds × 90 + {@link #TS_OFFSET_90K} (as ffmpeg's 1.4 s mux
 * delay, so that PCR, 0.7 s behind DTS, never goes negative).
 *
 * <p>Memory: segments and parts that left the window (plus two) are dropped. Not thread-safe: the
 * owning {@link Channel} guards it.
 */
final class HlsPackager implements Packager {
    /** Added to every timestamp, in 90 kHz ticks. */
    static final long TS_OFFSET_90K = 126_000;
    private static final int KEEP_BEHIND = 2;

    private final String key;
    private final OriginConfig config;
    private Instant wallAtStart;
    private final LivePlaylistBuilder builder;
    private final long target90k;
    private final long force90k;
    private final long part90k;
    private final Map<Long, byte[]> segments = new HashMap<>();
    private final Map<Long, List<byte[]>> parts = new HashMap<>();

    private AvcDecoderConfigurationRecord avcConfig;
    private AudioSpecificConfig aacConfig;
    private TsMuxer muxer;
    private boolean hasVideo;
    private ByteBuffer out = ByteBuffer.allocate(64 * 1024);
    private ByteBuffer annexB = ByteBuffer.allocate(64 * 1024); // one access unit, reused
    private ByteBuffer adts = ByteBuffer.allocate(8 * 1024);
    private final List<byte[]> currentParts = new ArrayList<>();
    private long firstDts = Long.MIN_VALUE;
    private long segmentStart = Long.MIN_VALUE;
    private long partStart;
    private boolean partIndependent;
    private long lastDts = Long.MIN_VALUE;
    private long lastDelta = 3600;
    private boolean finished;
    private long version;
    private long openBytes;
    private long framesIn;
    private long framesDropped;
    private long segmentsDone;
    private double longestSegment;

    HlsPackager(String key, OriginConfig config, long firstMsn, long discontinuitySequence) {
        this.key = key;
        this.config = config;
        this.wallAtStart = config.clock().instant();
        LivePlaylistBuilder.Options o = LivePlaylistBuilder.builder(config.targetDurationSeconds())
                .window(config.windowSegments()).startAt(firstMsn, discontinuitySequence)
                .canSkipUntil(6.0 * config.targetDurationSeconds(), false);
        if (config.partTargetSeconds() > 0) {
            // a frame with irregular timing can make a part overrun PART-TARGET: advertised as PART-TARGET
            // (§4.4.4.9), its real duration kept by the builder; no part outlasts its segment
            o.partTarget(config.partTargetSeconds()).clampLongParts(config.targetDurationSeconds() + 1.0);
        }
        this.builder = o.build();
        this.target90k = config.targetDurationSeconds() * 90_000L;
        this.force90k = target90k + 40_500; // + 0.45 s: still rounds to the target duration
        this.part90k = Math.round(config.partTargetSeconds() * 90_000);
    }

    /** An FLV VIDEODATA body at {@code timestampMs}. Non-AVC video is ignored (counted as dropped). */
    @Override
    public void onVideo(long timestampMs, ByteBuffer body) {
        if (finished || !body.hasRemaining()) {
            return;
        }
        VideoData v;
        try {
            v = VideoData.parse(body.duplicate());
        } catch (StreamwireException e) { // FlvException, or an Enhanced RTMP (ExHeader) body: not served as HLS here
            framesDropped++;
            return;
        }
        if (v.codecId() != VideoData.AVC) {
            framesDropped++;
            return;
        }
        if (v.avcPacketType() == VideoData.AVC_SEQUENCE_HEADER) {
            avcConfig = AvcDecoderConfigurationRecord.parse(v.data().duplicate());
            return;
        }
        if (v.avcPacketType() != VideoData.AVC_NALU || avcConfig == null) {
            return;
        }
        boolean keyframe = v.frameType() == 1;
        if (muxer == null) {
            if (!keyframe) {
                framesDropped++; // wait for the first keyframe: a segment must start decodable
                return;
            }
            start(true);
        }
        int size = Avcc.annexBSize(v.data(), avcConfig.nalUnitLengthSize(), avcConfig);
        if (annexB.capacity() < size) {
            annexB = ByteBuffer.allocate(Math.max(size, annexB.capacity() * 2));
        }
        annexB.clear();
        Avcc.toAnnexB(v.data(), avcConfig.nalUnitLengthSize(), avcConfig, annexB); // SPS/PPS at the start of IDR AUs
        annexB.flip();
        if (!annexB.hasRemaining()) {
            framesDropped++;
            return;
        }
        long dts = timestampMs * 90 + TS_OFFSET_90K;
        long pts = dts + v.compositionTime() * 90L;
        cutBefore(dts, keyframe);
        ensure(muxer.maxEncodedSize(annexB.remaining()));
        if (segmentStart == dts && currentParts.isEmpty() && out.position() == 0) {
            muxer.startSegment();
        }
        muxer.writeVideo(annexB, pts, dts, keyframe, out);
        framesIn++;
    }

    /** An FLV AUDIODATA body at {@code timestampMs}. Non-AAC audio is ignored (counted as dropped). */
    @Override
    public void onAudio(long timestampMs, ByteBuffer body) {
        if (finished || !body.hasRemaining()) {
            return;
        }
        AudioData a;
        try {
            a = AudioData.parse(body.duplicate());
        } catch (StreamwireException e) {
            framesDropped++;
            return;
        }
        if (a.soundFormat() != AudioData.AAC) {
            framesDropped++;
            return;
        }
        if (a.aacPacketType() == AudioData.AAC_SEQUENCE_HEADER) {
            aacConfig = AudioSpecificConfig.parse(a.data().duplicate());
            return;
        }
        if (aacConfig == null) {
            return;
        }
        if (muxer == null) {
            if (avcConfig != null) {
                return; // video present: wait for its first keyframe
            }
            start(false);
        }
        long pts = timestampMs * 90 + TS_OFFSET_90K;
        if (!hasVideo) {
            cutBefore(pts, true);
        }
        int raw = a.data().remaining();
        if (adts.capacity() < raw + 16) {
            adts = ByteBuffer.allocate(raw + 16);
        }
        adts.clear();
        AacConversions.writeAdtsHeader(aacConfig, raw, adts);
        adts.put(a.data().duplicate());
        adts.flip();
        ensure(muxer.maxEncodedSize(adts.remaining()));
        if (!hasVideo && segmentStart == pts && currentParts.isEmpty() && out.position() == 0) {
            muxer.startSegment();
        }
        muxer.writeAudio(adts, pts, out);
        framesIn++;
    }

    private void start(boolean video) {
        hasVideo = video;
        TsMuxerConfig c = TsMuxerConfig.h264Aac();
        if (!video) {
            c = c.withVideo(null);
        } else if (aacConfig == null) {
            c = c.withAudio(false);
        }
        muxer = new TsMuxer(c);
    }

    /** Closes the part and/or the segment before a frame at {@code dts}, as the rules above say. */
    private void cutBefore(long dts, boolean keyframe) {
        if (segmentStart == Long.MIN_VALUE) {
            firstDts = dts;
            segmentStart = dts;
            partStart = dts;
            partIndependent = keyframe;
            lastDts = dts;
            return;
        }
        if (dts > lastDts) {
            lastDelta = dts - lastDts;
        }
        lastDts = Math.max(lastDts, dts);
        long elapsed = dts - segmentStart;
        if ((keyframe && elapsed >= target90k * 8 / 10) || elapsed + lastDelta > force90k) {
            closeSegment(dts);
            segmentStart = dts;
            partStart = dts;
            partIndependent = keyframe;
            muxer.startSegment();
            return;
        }
        if (part90k > 0 && dts - partStart > 0 && (dts - partStart) + lastDelta > part90k) {
            closePart(dts);
            partStart = dts;
            partIndependent = keyframe;
        }
    }

    private long currentMsn() {
        return builder.openSegmentMsn();
    }

    private void closePart(long end) {
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        out.clear();
        openBytes += bytes.length;
        long msn = currentMsn();
        int index = currentParts.size();
        currentParts.add(bytes);
        parts.put(msn, List.copyOf(currentParts));
        version++;
        if (part90k > 0) {
            builder.addPart(partUri(msn, index), (end - partStart) / 90_000.0, partIndependent);
            builder.preloadHint(partUri(msn, index + 1));
        }
    }

    private void closeSegment(long end) {
        if (muxer != null) {
            ensure(muxer.maxEncodedSize(0));
            muxer.flush(out);
        }
        closePart(end);
        long msn = currentMsn();
        int size = 0;
        for (byte[] p : currentParts) {
            size += p.length;
        }
        byte[] segment = new byte[size];
        int at = 0;
        for (byte[] p : currentParts) {
            System.arraycopy(p, 0, segment, at, p.length);
            at += p.length;
        }
        currentParts.clear();
        openBytes = 0;
        segments.put(msn, segment);
        double seconds = (end - segmentStart) / 90_000.0;
        longestSegment = Math.max(longestSegment, seconds);
        builder.programDateTime(wallAtStart.plusNanos((segmentStart - firstDts) * 100_000 / 9));
        builder.addSegment(segmentUri(msn), seconds);
        segmentsDone++;
        if (part90k > 0) {
            builder.preloadHint(partUri(msn + 1, 0));
        }
        long oldest = builder.mediaSequence() - KEEP_BEHIND;
        segments.keySet().removeIf(m -> m < oldest);
        parts.keySet().removeIf(m -> m < oldest);
    }

    /** Ends the publish: the segment in progress is closed and EXT-X-ENDLIST written. */
    @Override
    public void finish() {
        if (finished) {
            return;
        }
        closeOpenSegment();
        builder.finish();
        finished = true;
        version++;
    }

    private void closeOpenSegment() {
        if (segmentStart != Long.MIN_VALUE && (out.position() > 0 || !currentParts.isEmpty())) {
            closeSegment(lastDts + lastDelta);
        }
    }

    /**
     * The publisher is gone without unpublishing: the segment in progress is closed (players get every
     * frame so far) and no EXT-X-ENDLIST is written, so that a republish can continue this playlist.
     */
    @Override
    public void pause() {
        if (finished) {
            return;
        }
        closeOpenSegment();
        muxer = null;
        segmentStart = Long.MIN_VALUE;
        version++;
    }

    /**
     * A republish continues this playlist: its first segment carries EXT-X-DISCONTINUITY (codec
     * parameters and timestamps may change, RFC 8216 §4.3.2.3) and a new program date-time; the codec
     * configurations are taken afresh from the new publisher's sequence headers.
     */
    @Override
    public void resume(Instant wallNow) {
        if (finished) {
            return;
        }
        pause();
        builder.discontinuity();
        avcConfig = null;
        aacConfig = null;
        hasVideo = false;
        firstDts = Long.MIN_VALUE;
        lastDts = Long.MIN_VALUE;
        wallAtStart = wallNow;
    }

    /** Changes whenever a part or segment closes or the playlist ends: held requests look again then. */
    @Override
    public long version() {
        return version;
    }

    /** Bytes of the segment being produced (its closed parts and the open one). */
    @Override
    public long openSegmentBytes() {
        return openBytes + out.position();
    }

    private void ensure(int room) {
        if (out.remaining() < room) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + room));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
    }

    String segmentUri(long msn) {
        return key + "/" + msn + ".ts";
    }

    String partUri(long msn, int part) {
        return key + "/" + msn + "." + part + ".ts";
    }

    /** The full live playlist. */
    @Override
    public MediaPlaylist playlist() {
        return builder.playlist();
    }

    /** The answer to a (possibly blocking) playlist request. */
    @Override
    public BlockingReload.Answer reload(BlockingReload request) {
        return builder.reload(request);
    }

    /** A complete segment's bytes, or null when it is not (or no longer) there. */
    @Override
    public byte[] segment(long msn) {
        return segments.get(msn);
    }

    /** A part's bytes, or null when it is not (or no longer) there. */
    @Override
    public byte[] part(long msn, int index) {
        List<byte[]> list = parts.get(msn);
        return list != null && index < list.size() ? list.get(index) : null;
    }

    /** Whether {@code (msn, part)} is the part being produced now (a request for it should wait). */
    @Override
    public boolean isUpcomingPart(long msn, int index) {
        if (finished || part90k == 0) {
            return false;
        }
        // the hinted part (before the first hint: the builder's next part), or the first part of the
        // next segment (the segment may end before the hinted part)
        LivePlaylistBuilder.HintedPart hint = builder.preloadHintTarget();
        long nextMsn = hint != null ? hint.msn() : builder.openSegmentMsn();
        int nextPart = hint != null ? hint.part() : builder.nextPartIndex();
        return (msn == nextMsn && index == nextPart) || (msn == nextMsn + 1 && index == 0);
    }

    /** Whether {@code msn} is the segment being produced now. */
    @Override
    public boolean isUpcomingSegment(long msn) {
        return !finished && (msn == currentMsn() || msn == currentMsn() + 1);
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
        return framesIn;
    }

    @Override
    public long framesDropped() {
        return framesDropped;
    }

    @Override
    public double longestSegmentSeconds() {
        return longestSegment;
    }

    /** Bytes of segments and parts held now. */
    @Override
    public long bytesHeld() {
        long n = out.capacity();
        for (byte[] s : segments.values()) {
            n += s.length;
        }
        for (List<byte[]> l : parts.values()) {
            for (byte[] p : l) {
                n += p.length;
            }
        }
        return n;
    }
}
