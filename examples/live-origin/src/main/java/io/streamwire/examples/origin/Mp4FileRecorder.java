package io.streamwire.examples.origin;

import io.streamwire.mp4.CmafTrack;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records one publish to {@code <dir>/<key>-<epoch ms>.mp4} with the mp4 module's {@code Mp4Recorder},
 * from the FLV tag bodies of every codec {@link FlvMedia} reads (AVC, HEVC, AV1; AAC, Opus).
 *
 * <p>Mode: <b>progressive MP4 with faststart</b> (ISO/IEC 14496-12:2022 / 14496-14:2020: ftyp, moov,
 * mdat), not fragmented. A recording is a file to download and seek in: every player and editor reads
 * a progressive file, its one moov indexes every sample (fast seeking without walking fragments), and
 * faststart lets an HTTP download play before it ends. The payloads never stay in memory: they go to
 * {@code <file>.part} as they come ({@link Mp4Recording}) and only the sample tables (about 16 bytes
 * per sample, 1.2 KB/s for 30 fps video and 48 kHz AAC) are kept; at {@link #finish()} the moov is
 * written in front of a copy of the mdat. The price: until then no playable file exists (a crash leaves
 * only the part file) and finishing copies the file once.
 *
 * <p>Bounds: a file is cut and finished after {@link #DEFAULT_MAX_SAMPLES} samples (about 16 h of 30
 * fps video with 48 kHz AAC; at most 64 MiB of tables), and when a sequence header with different bytes
 * arrives (one sample entry per track); the next keyframe starts a new file named with its own time.
 * A file starts at the first video keyframe (or the first audio frame of an audio-only publish) once
 * every announced track has its configuration and a first frame, or after {@link #START_WAIT_MS};
 * audio frames before the video keyframe are left out. A failing disk stops the recording quietly
 * (the part file is deleted); the live stream is not affected.
 *
 * @implNote The tracks of a file start together: each gets an edit list (ISO/IEC 14496-12:2022 §8.6.6)
 *     whose media time skips from its first decode time to the earliest first presentation time of
 *     all tracks. When audio starts after the video's first presentation time, an empty edit would be
 *     needed, which {@code Mp4Recorder} does not write: the audio is then presented that much early.
 *     An Opus track's edit list also skips its PreSkip priming samples (Opus in ISOBMFF v0.6.8 §4.4,
 *     {@link MediaTracks.Config#primingTicks()}).
 *
 * <p>Not thread-safe: the owning {@link Channel} guards it.
 */
final class Mp4FileRecorder {
    /** Samples per file (all tracks) before it is cut and finished. */
    static final long DEFAULT_MAX_SAMPLES = 4_000_000;
    /** How long frames wait for a missing track's configuration or first frame before a file starts without it. */
    static final long START_WAIT_MS = 1_000;

    private record Frame(boolean video, long ms, int compositionTimeMs, boolean sync, byte[] data) {}

    private final Path directory;
    private final String key;
    private final Instant start;
    private final long maxSamples;
    private final List<Frame> pending = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private MediaTracks.Config video;
    private MediaTracks.Config audio;
    private boolean videoSeen;
    private long firstMs = -1;
    private Mp4Recording file;
    private SampleClock videoClock;
    private SampleClock audioClock;
    private boolean stopped;
    private int created;

    private Mp4FileRecorder(Path directory, String key, Instant start, long maxSamples) {
        this.directory = directory;
        this.key = key;
        this.start = start;
        this.maxSamples = maxSamples;
    }

    static Mp4FileRecorder open(Path directory, String key, Instant now) {
        return open(directory, key, now, DEFAULT_MAX_SAMPLES);
    }

    static Mp4FileRecorder open(Path directory, String key, Instant now, long maxSamples) {
        return new Mp4FileRecorder(directory, key, now, maxSamples);
    }

    /** An FLV tag body (type 8 audio, 9 video; others ignored) at {@code timestampMs}; the buffer is not moved. */
    void write(int type, long timestampMs, ByteBuffer body) {
        if (stopped || (type != 8 && type != 9) || !body.hasRemaining()) {
            return;
        }
        FlvMedia m = type == 9 ? FlvMedia.video(body) : FlvMedia.audio(body);
        if (m == null) {
            return;
        }
        videoSeen |= type == 9;
        if (m.kind() == FlvMedia.Kind.CONFIG) {
            MediaTracks.Config c = MediaTracks.config(m, body);
            if (c != null && !c.sameAs(type == 9 ? video : audio)) {
                if (file != null) {
                    close(); // one sample entry per track: a new file from the next keyframe
                }
                if (type == 9) {
                    video = c;
                } else {
                    audio = c;
                }
            }
            return;
        }
        if (m.kind() != FlvMedia.Kind.FRAME || (type == 9 ? video : audio) == null) {
            return;
        }
        if (firstMs < 0) {
            firstMs = timestampMs;
        }
        byte[] data = new byte[m.data().remaining()];
        m.data().duplicate().get(data);
        Frame f = new Frame(type == 9, timestampMs, m.compositionTimeMs(), m.sync(), data);
        if (file == null) {
            hold(f);
            return;
        }
        add(f);
        if (file != null && file.samples() >= maxSamples) {
            close();
        }
    }

    /** Keeps frames until a file can start; starts it when every announced track has a frame. */
    private void hold(Frame f) {
        boolean expectVideo = video != null || videoSeen;
        if (f.video() && !f.sync() && pending.stream().noneMatch(Frame::video)) {
            return; // a file starts with a keyframe
        }
        if (!f.video() && expectVideo && pending.stream().noneMatch(Frame::video)) {
            return; // audio before the video keyframe is left out
        }
        pending.add(f);
        boolean haveVideo = !expectVideo || pending.stream().anyMatch(Frame::video);
        boolean haveAudio = audio != null && pending.stream().anyMatch(x -> !x.video());
        long span = f.ms() - pending.get(0).ms();
        if (haveVideo && (haveAudio || span >= START_WAIT_MS) && (video != null || !expectVideo)) {
            startFile();
        }
    }

    private void startFile() {
        Frame firstVideo = pending.stream().filter(Frame::video).findFirst().orElse(null);
        Frame firstAudio = pending.stream().filter(x -> !x.video()).findFirst().orElse(null);
        long t0 = Long.MAX_VALUE; // the earliest first presentation time, ms
        if (firstVideo != null) {
            t0 = firstVideo.ms() + firstVideo.compositionTimeMs();
        }
        if (firstAudio != null) {
            t0 = Math.min(t0, firstAudio.ms());
        }
        List<CmafTrack> tracks = new ArrayList<>(2);
        List<Long> defaults = new ArrayList<>(2);
        boolean withVideo = firstVideo != null && video != null;
        boolean withAudio = firstAudio != null && audio != null;
        if (withVideo) {
            videoClock = SampleClock.of(video);
            tracks.add(video.track(1, videoClock.toTicks(Math.max(0, t0 - firstVideo.ms()))));
            defaults.add(3_600L);
        }
        if (withAudio) {
            audioClock = SampleClock.of(audio);
            tracks.add(audio.track(tracks.size() + 1, audioClock.toTicks(Math.max(0, t0 - firstAudio.ms())) + audio.primingTicks()));
            defaults.add(audio.frameTicks());
        }
        List<Frame> frames = new ArrayList<>(pending);
        pending.clear();
        if (tracks.isEmpty()) {
            return;
        }
        // the first file is named with the publish's start, a later one with its own time
        long offsetMs = created++ == 0 ? 0 : Math.max(0, frames.get(0).ms() - firstMs);
        Path path = directory.resolve(key + "-" + start.plusMillis(offsetMs).toEpochMilli() + ".mp4");
        try {
            Files.createDirectories(directory);
            file = Mp4Recording.create(path, tracks, defaults.stream().mapToLong(Long::longValue).toArray());
        } catch (IOException | RuntimeException e) {
            stopped = true; // the disk refuses: the recording stops quietly
            return;
        }
        for (Frame f : frames) {
            if (f.video() ? withVideo : withAudio) {
                add(f);
            }
        }
    }

    private void add(Frame f) {
        int track = f.video() ? 0 : (video != null && videoClock != null ? 1 : 0);
        SampleClock clock = f.video() ? videoClock : audioClock;
        if (clock == null || file == null) {
            return;
        }
        try {
            file.add(track, ByteBuffer.wrap(f.data()), clock.ticks(f.ms()), f.video() ? f.compositionTimeMs() * 90 : 0, f.sync());
        } catch (IOException | RuntimeException e) {
            file.abandon();
            file = null;
            stopped = true;
        }
    }

    /** Finishes the current file (if any); the next frames wait for a new one. */
    private void close() {
        Mp4Recording f = file;
        file = null;
        videoClock = null;
        audioClock = null;
        try {
            files.add(f.finish());
        } catch (IOException | RuntimeException e) {
            f.abandon();
            stopped = true;
        }
    }

    /**
     * Ends the recording: the file in progress is finished (moov in front). Idempotent. Returns the
     * last file written, or null when none was (no media, or the disk failed).
     */
    Path finish() {
        if (!stopped && file == null && !pending.isEmpty()) {
            startFile(); // a short publish that never had every track
        }
        if (file != null) {
            close();
        }
        stopped = true;
        return files.isEmpty() ? null : files.get(files.size() - 1);
    }

    /** Every file finished so far, oldest first. */
    List<Path> files() {
        return List.copyOf(files);
    }
}
