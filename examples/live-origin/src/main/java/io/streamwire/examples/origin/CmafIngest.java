package io.streamwire.examples.origin;

import io.streamwire.mp4.CmafTrack;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The FLV side of {@link CmafPackager}: reads video and audio tag bodies ({@link FlvMedia}), keeps the
 * codec configurations, decides when an init segment starts (the first video keyframe, or the first
 * audio frame of an audio-only publish) and when a new one is needed (a configuration with different
 * bytes, from the next keyframe on), and feeds the samples with their decode times to a
 * {@link CmafCutter}.
 *
 * <p>Audio frames that arrive before the first video keyframe are kept (at most
 * {@link #MAX_EARLY_AUDIO}) and placed with it. Video frames before the first keyframe, and after a
 * new video configuration until its keyframe, are dropped (a segment must start decodable); so are
 * audio frames of a new audio configuration until the new init segment starts.
 *
 * <p>Not thread-safe: the owning packager's lock guards it.
 */
final class CmafIngest {
    private static final int MAX_EARLY_AUDIO = 64;

    /** What the packager does when an init segment starts. */
    interface Starts {
        /** The tracks of a new init segment; {@code restart} when it replaces one mid-publish. */
        void onInit(List<CmafTrack> tracks, boolean restart);
    }

    private record EarlyAudio(long ms, byte[] frame) {}

    private final OriginConfig config;
    private final Starts starts;
    private final CmafCutter.Listener parts;
    private final ArrayDeque<EarlyAudio> earlyAudio = new ArrayDeque<>();
    private final FrameRate frameRate = new FrameRate();
    private MediaTracks.Config videoConfig;
    private MediaTracks.Config audioConfig;
    private MediaTracks.Config activeVideo;
    private MediaTracks.Config activeAudio;
    private boolean videoSeen;
    private boolean reinit;
    private CmafCutter cutter;
    private SampleClock videoClock;
    private SampleClock audioClock;
    private long nextSequence = 1;
    private long shiftMs;
    private boolean shiftPending;
    private long endMs;
    long framesIn;
    long framesDropped;

    CmafIngest(OriginConfig config, Starts starts, CmafCutter.Listener parts) {
        this.config = config;
        this.starts = starts;
        this.parts = parts;
    }

    void onVideo(long timestampMs, ByteBuffer body) {
        FlvMedia m = FlvMedia.video(body);
        if (m == null) {
            framesDropped++;
            return;
        }
        videoSeen = true;
        if (m.kind() == FlvMedia.Kind.CONFIG) {
            MediaTracks.Config c = MediaTracks.config(m, body);
            if (c != null && !c.sameAs(videoConfig)) {
                videoConfig = c;
                reinit |= cutter != null;
            }
            return;
        }
        if (m.kind() != FlvMedia.Kind.FRAME) {
            return;
        }
        long ms = timeline(timestampMs);
        if (videoConfig == null || (!m.sync() && (cutter == null || (reinit && !videoConfig.sameAs(activeVideo))))) {
            framesDropped++; // a segment must start decodable: wait for a keyframe
            return;
        }
        if (cutter == null) {
            start(false);
        } else if (reinit && m.sync()) {
            closeOpen();
            start(true);
        }
        if (cutter.add(0, m.data(), videoClock.ticks(ms), m.compositionTimeMs() * 90, m.sync())) {
            framesIn++;
            frameRate.frame(ms);
            endMs = Math.max(endMs, ms);
        } else {
            framesDropped++;
        }
    }

    void onAudio(long timestampMs, ByteBuffer body) {
        FlvMedia m = FlvMedia.audio(body);
        if (m == null) {
            framesDropped++;
            return;
        }
        if (m.kind() == FlvMedia.Kind.CONFIG) {
            MediaTracks.Config c = MediaTracks.config(m, body);
            if (c != null && !c.sameAs(audioConfig)) {
                audioConfig = c;
                reinit |= cutter != null;
            }
            return;
        }
        if (m.kind() != FlvMedia.Kind.FRAME || audioConfig == null) {
            return;
        }
        long ms = timeline(timestampMs);
        if (cutter == null) {
            if (videoConfig != null || videoSeen) { // video present: the audio waits for its first keyframe
                if (earlyAudio.size() == MAX_EARLY_AUDIO) {
                    earlyAudio.removeFirst();
                    framesDropped++;
                }
                byte[] frame = new byte[m.data().remaining()];
                m.data().get(frame);
                earlyAudio.addLast(new EarlyAudio(ms, frame));
                return;
            }
            start(false);
        } else if (reinit && activeVideo == null && videoConfig == null) {
            closeOpen();
            start(true);
        }
        if (activeAudio == null || !audioConfig.sameAs(activeAudio)) {
            framesDropped++; // not in this init segment: waits for the next one
            return;
        }
        if (cutter.add(activeVideo == null ? 0 : 1, m.data(), audioClock.ticks(ms), 0, true)) {
            framesIn++;
            endMs = Math.max(endMs, ms);
        } else {
            framesDropped++;
        }
    }

    /** The timestamp on the playlist's timeline: after a republish it goes on from the previous end. */
    private long timeline(long timestampMs) {
        if (shiftPending) {
            shiftPending = false;
            shiftMs = endMs + 100 - timestampMs;
        }
        return Math.max(0, timestampMs + shiftMs);
    }

    private void start(boolean restart) {
        activeVideo = videoConfig;
        activeAudio = audioConfig;
        reinit = false;
        List<CmafTrack> tracks = new ArrayList<>(2);
        List<Long> defaults = new ArrayList<>(2);
        if (activeVideo != null) {
            tracks.add(activeVideo.track(1, -1));
            defaults.add(3_600L);
            videoClock = SampleClock.of(activeVideo);
        }
        if (activeAudio != null) {
            long priming = activeAudio.primingTicks(); // Opus PreSkip: a one-entry edit list in the init segment
            tracks.add(activeAudio.track(tracks.size() + 1, priming > 0 ? priming : -1));
            defaults.add(activeAudio.frameTicks());
            audioClock = SampleClock.of(activeAudio);
        }
        starts.onInit(tracks, restart);
        cutter = new CmafCutter(tracks, 0, config.targetDurationSeconds(), config.partTargetSeconds(),
                defaults.stream().mapToLong(Long::longValue).toArray(), nextSequence, parts);
        for (EarlyAudio a : earlyAudio) {
            if (activeAudio != null && cutter.add(tracks.size() - 1, ByteBuffer.wrap(a.frame()), audioClock.ticks(a.ms()), 0, true)) {
                framesIn++;
            } else {
                framesDropped++;
            }
        }
        earlyAudio.clear();
    }

    /** Closes the segment in progress (held samples placed); the next frame starts an init segment again. */
    void closeOpen() {
        if (cutter != null) {
            CmafCutter c = cutter;
            cutter = null;
            c.flush();
            nextSequence = c.nextSequence();
        }
    }

    /** A republish: configurations are read afresh, the timeline goes on after the previous end. */
    void resume() {
        closeOpen();
        videoConfig = null;
        audioConfig = null;
        activeVideo = null;
        activeAudio = null;
        reinit = false;
        videoSeen = false;
        framesDropped += earlyAudio.size();
        earlyAudio.clear();
        shiftPending = true;
        frameRate.reset();
    }

    /** Sample bytes not yet in a finished part. */
    long pendingBytes() {
        return cutter == null ? 0 : cutter.pendingBytes();
    }

    /** RFC 6381 CODECS of the current tracks (of the latest sequence headers before the first segment). */
    String codecs() {
        return cutter != null ? MediaTracks.codecs(activeVideo, activeAudio) : MediaTracks.codecs(videoConfig, audioConfig);
    }

    private MediaTracks.Config video() {
        return cutter != null && activeVideo != null ? activeVideo : videoConfig;
    }

    int width() {
        return video() == null ? 0 : video().info().width();
    }

    int height() {
        return video() == null ? 0 : video().info().height();
    }

    double frameRate() {
        MediaTracks.Config v = video();
        return v != null && v.info().frameRate() > 0 ? v.info().frameRate() : frameRate.measured();
    }
}
