package io.streamwire.mpegts;

/**
 * Settings of a {@link TsMuxer}. Timing values are in 90 kHz ticks.
 *
 * <p>Immutable and thread-safe.
 *
 * @param transportStreamId transport_stream_id of the PAT
 * @param programNumber program_number (1..65535)
 * @param pmtPid PID of the PMT (ffmpeg and most HLS packagers use 0x1000)
 * @param video the video codec, or null for audio-only
 * @param videoPid PID of the video stream (PCR PID when there is video)
 * @param audio true to carry an AAC ADTS stream
 * @param audioPid PID of the audio stream
 * @param id3 true to carry an ID3 timed-metadata stream (stream_type 0x15, Apple's HLS layout)
 * @param id3Pid PID of the ID3 stream
 * @param psiInterval90k PAT/PMT repetition interval (default 100 ms); they are also written at every segment start
 * @param pcrInterval90k longest gap between PCRs (at most 40 ms = 3600, ISO/IEC 13818-1 §2.7.2 asks ≤ 100 ms)
 * @param pcrOffset90k how far PCR runs behind DTS (default 0.7 s, like ffmpeg's muxdelay)
 * @param audioFramesPerPes ADTS frames gathered into one PES (1..32)
 * @param insertAud insert an access unit delimiter when an access unit starts without one
 *
 * @since 0.1.0
 */
public record TsMuxerConfig(int transportStreamId, int programNumber, int pmtPid, VideoCodec video, int videoPid,
        boolean audio, int audioPid, boolean id3, int id3Pid, long psiInterval90k, long pcrInterval90k, long pcrOffset90k,
        int audioFramesPerPes, boolean insertAud) {

    /** Video codecs the muxer packetizes. */
    public enum VideoCodec {
        /** H.264 Annex B access units, stream_type 0x1B. */
        H264,
        /** HEVC Annex B access units, stream_type 0x24. */
        HEVC
    }

    /** Checks PIDs, intervals and counts. */
    public TsMuxerConfig {
        if (transportStreamId >>> 16 != 0 || programNumber < 1 || programNumber > 0xFFFF || bad(pmtPid) || bad(videoPid)
                || bad(audioPid) || bad(id3Pid) || (video == null && !audio) || psiInterval90k < 1 || pcrInterval90k < 1
                || pcrInterval90k > 3600 || pcrOffset90k < 0 || audioFramesPerPes < 1 || audioFramesPerPes > 32) {
            throw new IllegalArgumentException("invalid muxer config");
        }
        java.util.Set<Integer> pids = new java.util.HashSet<>();
        pids.add(pmtPid);
        if ((video != null && !pids.add(videoPid)) || (audio && !pids.add(audioPid)) || (id3 && !pids.add(id3Pid))) {
            throw new IllegalArgumentException("PIDs must differ");
        }
    }

    private static boolean bad(int pid) {
        return pid < 0x10 || pid > 0x1FFE;
    }

    /** H.264 + AAC with ffmpeg's PIDs (PMT 0x1000, video 0x100, audio 0x101), no ID3. */
    public static TsMuxerConfig h264Aac() {
        return new TsMuxerConfig(1, 1, 0x1000, VideoCodec.H264, 0x100, true, 0x101, false, 0x102, 9000, 3600, 63000, 1, true);
    }

    /** A copy with another video codec (null: audio only). */
    public TsMuxerConfig withVideo(VideoCodec codec) {
        return new TsMuxerConfig(transportStreamId, programNumber, pmtPid, codec, videoPid, audio, audioPid, id3, id3Pid,
                psiInterval90k, pcrInterval90k, pcrOffset90k, audioFramesPerPes, insertAud);
    }

    /** A copy with or without audio. */
    public TsMuxerConfig withAudio(boolean on) {
        return new TsMuxerConfig(transportStreamId, programNumber, pmtPid, video, videoPid, on, audioPid, id3, id3Pid,
                psiInterval90k, pcrInterval90k, pcrOffset90k, audioFramesPerPes, insertAud);
    }

    /** A copy with or without the ID3 stream. */
    public TsMuxerConfig withId3(boolean on) {
        return new TsMuxerConfig(transportStreamId, programNumber, pmtPid, video, videoPid, audio, audioPid, on, id3Pid,
                psiInterval90k, pcrInterval90k, pcrOffset90k, audioFramesPerPes, insertAud);
    }

    /** A copy with another number of ADTS frames per PES. */
    public TsMuxerConfig withAudioFramesPerPes(int frames) {
        return new TsMuxerConfig(transportStreamId, programNumber, pmtPid, video, videoPid, audio, audioPid, id3, id3Pid,
                psiInterval90k, pcrInterval90k, pcrOffset90k, frames, insertAud);
    }

    /** A copy with another PCR-to-DTS offset. */
    public TsMuxerConfig withPcrOffset90k(long offset) {
        return new TsMuxerConfig(transportStreamId, programNumber, pmtPid, video, videoPid, audio, audioPid, id3, id3Pid,
                psiInterval90k, pcrInterval90k, offset, audioFramesPerPes, insertAud);
    }

    /** A copy with another PAT/PMT interval. */
    public TsMuxerConfig withPsiInterval90k(long interval) {
        return new TsMuxerConfig(transportStreamId, programNumber, pmtPid, video, videoPid, audio, audioPid, id3, id3Pid,
                interval, pcrInterval90k, pcrOffset90k, audioFramesPerPes, insertAud);
    }
}
