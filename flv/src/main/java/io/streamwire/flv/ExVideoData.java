package io.streamwire.flv;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Enhanced RTMP video (IsExHeader set, ExVideoTagHeader and ExVideoTagBody): veovera Enhanced RTMP
 * v1 and v2, "Enhanced Video". Covers all PacketTypes (SequenceStart, CodedFrames, SequenceEnd,
 * CodedFramesX, Metadata, MPEG2TSSequenceStart, Multitrack, ModEx with TimestampOffsetNano),
 * command frames, and multitrack (one track, many tracks, many tracks with many codecs).
 *
 * <pre>
 * IsExHeader=1 (1) | FrameType (3) | VideoPacketType (4) | ModEx* | [videoCommand UI8 if FrameType 5 and not Metadata]
 *   | [AvMultitrackType (4) | VideoPacketType (4)] | [FourCC]
 * then per track: [FourCC if ManyTracksManyCodecs] [trackId UI8] [size UI24 unless OneTrack]
 *   [CompositionTime SI24 if CodedFrames of avc1/hvc1] payload
 * </pre>
 *
 * @param frameType FrameType, 3 bits
 * @param videoPacketType VideoPacketType after ModEx and multitrack resolution: 0 SequenceStart,
 *     1 CodedFrames, 2 SequenceEnd, 3 CodedFramesX, 4 Metadata, 5 MPEG2TSSequenceStart
 * @param modEx the ModEx entries in wire order (unmodifiable)
 * @param videoMultitrackType AvMultitrackType (0 OneTrack, 1 ManyTracks, 2 ManyTracksManyCodecs), or
 *     -1 for a single-track message
 * @param videoCommand the VideoCommand of a command frame (then there are no tracks), else -1
 * @param tracks the tracks (unmodifiable); empty only for a command frame
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record ExVideoData(int frameType, int videoPacketType, List<ModEx> modEx, int videoMultitrackType, int videoCommand,
        List<VideoTrack> tracks) implements VideoTagBody {
    static final String SPEC = "Enhanced RTMP v2 §Enhanced Video";
    /** VideoPacketType SequenceStart. */
    public static final int SEQUENCE_START = 0;
    /** VideoPacketType CodedFrames (with SI24 composition time for avc1/hvc1). */
    public static final int CODED_FRAMES = 1;
    /** VideoPacketType SequenceEnd. */
    public static final int SEQUENCE_END = 2;
    /** VideoPacketType CodedFramesX (composition time 0, not sent). */
    public static final int CODED_FRAMES_X = 3;
    /** VideoPacketType Metadata (AMF). */
    public static final int METADATA = 4;
    /** VideoPacketType MPEG2TSSequenceStart. */
    public static final int MPEG2TS_SEQUENCE_START = 5;
    /** VideoPacketType Multitrack. */
    public static final int MULTITRACK = 6;
    /** VideoPacketType ModEx. */
    public static final int MOD_EX = 7;

    /** Checks the structure. */
    public ExVideoData {
        modEx = List.copyOf(modEx);
        tracks = List.copyOf(tracks);
        boolean command = videoCommand != -1;
        if (frameType >>> 3 != 0 || videoPacketType >>> 4 != 0 || (videoPacketType == MULTITRACK && videoCommand == -1) || videoPacketType == MOD_EX
                || videoMultitrackType < -1 || videoMultitrackType > 2 || videoCommand < -1 || videoCommand > 255
                || (command && (frameType != COMMAND_FRAME || videoPacketType == METADATA || !tracks.isEmpty()
                        || videoMultitrackType != -1))
                || (!command && tracks.isEmpty())
                || (videoMultitrackType <= 0 && !command && tracks.size() != 1)
                || (videoMultitrackType == -1 && !command && tracks.get(0).trackId() != 0)
                || (videoMultitrackType != 2 && !sameCodec(tracks))
                || badCompositionTime(videoPacketType, tracks)) {
            throw new IllegalArgumentException("ExVideoData frame type " + frameType + ", packet type " + videoPacketType
                    + ", multitrack type " + videoMultitrackType + ", command " + videoCommand + ", " + tracks.size()
                    + " tracks");
        }
    }

    /** A single-track message. */
    public static ExVideoData of(int frameType, int videoPacketType, FourCc fourCc, int compositionTime, ByteBuffer data) {
        return new ExVideoData(frameType, videoPacketType, List.of(), -1, -1,
                List.of(new VideoTrack(fourCc, 0, compositionTime, data)));
    }

    /**
     * Parses from the buffer's position to its limit and moves the position to the limit.
     *
     * @throws FlvException if IsExHeader is clear, a multitrack type is reserved, or
     *     Multitrack/ModEx appear where the spec forbids them (position unchanged)
     * @throws io.streamwire.core.TruncatedInputException if the body is cut short (position unchanged)
     */
    public static ExVideoData parse(ByteBuffer in) {
        BodyReader r = new BodyReader(in, SPEC);
        int b = r.u8("video FrameType");
        if ((b & 0x80) == 0) {
            throw new FlvException("video IsExHeader", "is clear", in.position(), SPEC);
        }
        int frameType = b >>> 4 & 7;
        int[] packetType = {b & 0x0F};
        List<ModEx> modEx = r.modEx(packetType);
        if (packetType[0] != METADATA && frameType == COMMAND_FRAME) {
            int command = r.u8("videoCommand");
            ExVideoData d = new ExVideoData(frameType, packetType[0], modEx, -1, command,
                    List.of());
            in.position(r.end);
            return d;
        }
        int multitrackType = packetType[0] == MULTITRACK ? r.multitrackType(packetType, MULTITRACK, "VideoPacketType") : -1;
        // one FourCC for every track, except in multitrack type 2 (a FourCC per track)
        FourCc shared = multitrackType == 2 ? null : new FourCc(r.u32("VideoFourCc"));
        List<VideoTrack> tracks = new ArrayList<>(1);
        do {
            FourCc fourCc = multitrackType == 2 ? new FourCc(r.u32("VideoFourCc")) : shared;
            int trackId = multitrackType >= 0 ? r.u8("videoTrackId") : 0;
            BodyReader t = r;
            if (multitrackType > 0) {
                ByteBuffer slice = r.slice(r.u24("sizeOfVideoTrack"), "video track data");
                t = new BodyReader(slice, SPEC);
            }
            int cts = packetType[0] == CODED_FRAMES && fourCc.hasCompositionTime() ? t.si24("CompositionTime") : 0;
            tracks.add(new VideoTrack(fourCc, trackId, cts, t.rest()));
        } while (multitrackType > 0 && r.remaining() > 0);
        ExVideoData d = new ExVideoData(frameType, packetType[0], modEx, multitrackType, -1, tracks);
        in.position(r.end);
        return d;
    }

    /** The first (or only) track; null for a command frame. */
    @Override
    public VideoTrack track() {
        return tracks.isEmpty() ? null : tracks.get(0);
    }

    /**
     * The FourCC of the first (or only) track; null for a command frame.
     *
     * @since 0.2.0
     */
    @Override
    public FourCc fourCc() {
        return tracks.isEmpty() ? null : tracks.get(0).fourCc();
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

    private boolean hasCts(VideoTrack t) {
        return videoPacketType == CODED_FRAMES && t.fourCc().hasCompositionTime();
    }

    @Override
    public int encodedSize() {
        int n = 1;
        for (ModEx m : modEx) {
            n += m.encodedSize();
        }
        if (videoCommand != -1) {
            return n + 1;
        }
        if (videoMultitrackType >= 0) {
            n += 1 + (videoMultitrackType != 2 ? 4 : 0);
            for (VideoTrack t : tracks) {
                n += (videoMultitrackType == 2 ? 4 : 0) + 1 + (videoMultitrackType != 0 ? 3 : 0) + (hasCts(t) ? 3 : 0)
                        + t.data().remaining();
            }
            return n;
        }
        return n + 4 + (hasCts(tracks.get(0)) ? 3 : 0) + tracks.get(0).data().remaining();
    }

    @Override
    public void writeTo(ByteBuffer out) {
        int outer = videoMultitrackType >= 0 ? MULTITRACK : videoPacketType;
        out.put((byte) (0x80 | frameType << 4 | (modEx.isEmpty() ? outer : MOD_EX)));
        for (int i = 0; i < modEx.size(); i++) {
            modEx.get(i).writeTo(out, i + 1 < modEx.size() ? MOD_EX : outer);
        }
        if (videoCommand != -1) {
            out.put((byte) videoCommand);
            return;
        }
        if (videoMultitrackType >= 0) {
            out.put((byte) (videoMultitrackType << 4 | videoPacketType));
            if (videoMultitrackType != 2) {
                BigEndian.putIntRelative(out, tracks.get(0).fourCc().value());
            }
        } else {
            BigEndian.putIntRelative(out, tracks.get(0).fourCc().value());
        }
        for (VideoTrack t : tracks) {
            if (videoMultitrackType == 2) {
                BigEndian.putIntRelative(out, t.fourCc().value());
            }
            if (videoMultitrackType >= 0) {
                out.put((byte) t.trackId());
            }
            if (videoMultitrackType > 0) {
                BigEndian.putMediumRelative(out, (hasCts(t) ? 3 : 0) + t.data().remaining());
            }
            if (hasCts(t)) {
                BigEndian.putMediumRelative(out, t.compositionTime() & 0xFF_FFFF);
            }
            ExAudioData.put(out, t.data());
        }
    }

    private static boolean sameCodec(List<VideoTrack> tracks) {
        for (VideoTrack t : tracks) {
            if (!t.fourCc().equals(tracks.get(0).fourCc())) {
                return false;
            }
        }
        return true;
    }

    private static boolean badCompositionTime(int packetType, List<VideoTrack> tracks) {
        for (VideoTrack t : tracks) {
            if (t.compositionTime() != 0 && !(packetType == CODED_FRAMES && t.fourCc().hasCompositionTime())) {
                return true;
            }
        }
        return false;
    }
}
