package io.streamwire.flv;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Enhanced RTMP audio (SoundFormat 9, ExAudioTagHeader and ExAudioTagBody): veovera Enhanced RTMP
 * v2, "Enhanced Audio". Covers ModEx entries, single-track and multitrack messages (one track,
 * many tracks with one codec, many tracks with many codecs).
 *
 * <pre>
 * SoundFormat=9 (4) | AudioPacketType (4) | ModEx* | [AvMultitrackType (4) | AudioPacketType (4)] | [FourCC]
 * then per track: [FourCC if ManyTracksManyCodecs] [trackId UI8] [size UI24 unless OneTrack] payload
 * </pre>
 *
 * @param audioPacketType AudioPacketType after ModEx and multitrack resolution: 0 SequenceStart,
 *     1 CodedFrames, 2 SequenceEnd, 4 MultichannelConfig (others kept as read)
 * @param modEx the ModEx entries in wire order (unmodifiable)
 * @param audioMultitrackType AvMultitrackType (0 OneTrack, 1 ManyTracks, 2 ManyTracksManyCodecs),
 *     or -1 for a single-track message
 * @param tracks the tracks, at least one (unmodifiable)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record ExAudioData(int audioPacketType, List<ModEx> modEx, int audioMultitrackType, List<AudioTrack> tracks)
        implements AudioTagBody {
    static final String SPEC = "Enhanced RTMP v2 §Enhanced Audio";
    /** AudioPacketType SequenceStart. */
    public static final int SEQUENCE_START = 0;
    /** AudioPacketType CodedFrames. */
    public static final int CODED_FRAMES = 1;
    /** AudioPacketType SequenceEnd. */
    public static final int SEQUENCE_END = 2;
    /** AudioPacketType MultichannelConfig. */
    public static final int MULTICHANNEL_CONFIG = 4;
    /** AudioPacketType Multitrack. */
    public static final int MULTITRACK = 5;
    /** AudioPacketType ModEx. */
    public static final int MOD_EX = 7;

    /** Checks the structure. */
    public ExAudioData {
        modEx = List.copyOf(modEx);
        tracks = List.copyOf(tracks);
        if (audioPacketType >>> 4 != 0 || audioPacketType == MULTITRACK || audioPacketType == MOD_EX
                || audioMultitrackType < -1 || audioMultitrackType > 2 || tracks.isEmpty()
                || (audioMultitrackType <= 0 && tracks.size() != 1)
                || (audioMultitrackType == -1 && tracks.get(0).trackId() != 0)
                || (audioMultitrackType != 2 && !sameCodec(tracks))) {
            throw new IllegalArgumentException("ExAudioData packet type " + audioPacketType + ", multitrack type "
                    + audioMultitrackType + ", " + tracks.size() + " tracks");
        }
    }

    /** A single-track message. */
    public static ExAudioData of(int audioPacketType, FourCc fourCc, ByteBuffer data) {
        return new ExAudioData(audioPacketType, List.of(), -1, List.of(new AudioTrack(fourCc, 0, data)));
    }

    /**
     * Parses from the buffer's position to its limit and moves the position to the limit.
     *
     * @throws FlvException if SoundFormat is not 9, a multitrack type is reserved, or
     *     Multitrack/ModEx appear where the spec forbids them (position unchanged)
     * @throws io.streamwire.core.TruncatedInputException if the body is cut short (position unchanged)
     */
    public static ExAudioData parse(ByteBuffer in) {
        BodyReader r = new BodyReader(in, SPEC);
        int b = r.u8("audio SoundFormat");
        if (b >>> 4 != AudioTagBody.EX_HEADER) {
            throw new FlvException("audio SoundFormat", (b >>> 4) + " is not 9 (ExHeader)", in.position(), SPEC);
        }
        int[] packetType = {b & 0x0F};
        List<ModEx> modEx = r.modEx(packetType);
        int multitrackType = packetType[0] == MULTITRACK ? r.multitrackType(packetType, MULTITRACK, "AudioPacketType") : -1;
        // one FourCC for every track, except in multitrack type 2 (a FourCC per track)
        FourCc shared = multitrackType == 2 ? null : new FourCc(r.u32("AudioFourCc"));
        List<AudioTrack> tracks = new ArrayList<>(1);
        if (multitrackType == -1) {
            tracks.add(new AudioTrack(shared, 0, r.rest()));
        } else {
            do {
                FourCc fourCc = multitrackType == 2 ? new FourCc(r.u32("AudioFourCc")) : shared;
                int trackId = r.u8("audioTrackId");
                ByteBuffer data = multitrackType == 0 ? r.rest() : r.slice(r.u24("sizeOfAudioTrack"), "audio track data");
                tracks.add(new AudioTrack(fourCc, trackId, data));
            } while (multitrackType != 0 && r.remaining() > 0);
        }
        ExAudioData d = new ExAudioData(packetType[0], modEx, multitrackType, tracks);
        in.position(r.end);
        return d;
    }

    /** The first (or only) track. */
    public AudioTrack track() {
        return tracks.get(0);
    }

    /** The TimestampOffsetNano of the ModEx entries, or 0. */
    public int timestampOffsetNano() {
        for (ModEx m : modEx) {
            if (m.timestampOffsetNano() >= 0) {
                return m.timestampOffsetNano();
            }
        }
        return 0;
    }

    @Override
    public int encodedSize() {
        int n = 1;
        for (ModEx m : modEx) {
            n += m.encodedSize();
        }
        if (audioMultitrackType >= 0) {
            n += 1 + (audioMultitrackType != 2 ? 4 : 0);
            for (AudioTrack t : tracks) {
                n += (audioMultitrackType == 2 ? 4 : 0) + 1 + (audioMultitrackType != 0 ? 3 : 0) + t.data().remaining();
            }
        } else {
            n += 4 + tracks.get(0).data().remaining();
        }
        return n;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        int outer = audioMultitrackType >= 0 ? MULTITRACK : audioPacketType;
        out.put((byte) (AudioTagBody.EX_HEADER << 4 | (modEx.isEmpty() ? outer : MOD_EX)));
        for (int i = 0; i < modEx.size(); i++) {
            modEx.get(i).writeTo(out, i + 1 < modEx.size() ? MOD_EX : outer);
        }
        if (audioMultitrackType >= 0) {
            out.put((byte) (audioMultitrackType << 4 | audioPacketType));
            if (audioMultitrackType != 2) {
                BigEndian.putIntRelative(out, tracks.get(0).fourCc().value());
            }
            for (AudioTrack t : tracks) {
                if (audioMultitrackType == 2) {
                    BigEndian.putIntRelative(out, t.fourCc().value());
                }
                out.put((byte) t.trackId());
                if (audioMultitrackType != 0) {
                    BigEndian.putMediumRelative(out, t.data().remaining());
                }
                put(out, t.data());
            }
        } else {
            BigEndian.putIntRelative(out, tracks.get(0).fourCc().value());
            put(out, tracks.get(0).data());
        }
    }

    static void put(ByteBuffer out, ByteBuffer data) {
        out.put(out.position(), data, data.position(), data.remaining());
        out.position(out.position() + data.remaining());
    }

    private static boolean sameCodec(List<AudioTrack> tracks) {
        for (AudioTrack t : tracks) {
            if (!t.fourCc().equals(tracks.get(0).fourCc())) {
                return false;
            }
        }
        return true;
    }
}
