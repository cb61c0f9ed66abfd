package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds CMAF header (init segment) boxes, ISO/IEC 23000-19:2020 §7.3.1: {@code ftyp} then a
 * {@code moov} with {@code mvhd}, one {@code trak} per track ({@code tkhd}, optional
 * {@code edts/elst}, {@code mdia} with {@code mdhd}, {@code hdlr}, {@code minf} with
 * {@code vmhd}/{@code smhd}, {@code dinf/dref}, and an {@code stbl} holding the sample entry in
 * {@code stsd} and empty {@code stts}, {@code stsc}, {@code stsz}, {@code stco}), and {@code mvex}
 * with one {@code trex} per track (ISO/IEC 14496-12:2022 §8.8.1).
 *
 * <pre>{@code
 * VisualSampleEntry avc1 = VisualSampleEntry.of(BoxType.AVC1, 1280, 720, CodecConfigurationBox.avcC(avcCBytes));
 * AudioSampleEntry mp4a = AudioSampleEntry.of(BoxType.MP4A, 2, 48000, EsdsBox.forAudio(2, asc, 0, 128000, 128000));
 * byte[] init = InitSegment.toByteArray(List.of(CmafTrack.video(1, 90000, avc1), CmafTrack.audio(2, 48000, mp4a)));
 * }</pre>
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.2.0
 */
public final class InitSegment {
    private InitSegment() {}

    /** ftyp major brand {@code iso6}, compatible {@code iso6}, {@code cmfc} (CMAF, §7.2) and {@code mp41}. */
    public static final FileTypeBox FTYP = FileTypeBox.ftyp("iso6", 0, "iso6", "cmfc", "mp41");

    /** The ftyp and moov boxes for {@code tracks}. */
    public static List<Box> boxes(List<CmafTrack> tracks) {
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("an init segment needs a track");
        }
        List<Box> moov = new ArrayList<>();
        long next = 1;
        for (CmafTrack t : tracks) {
            next = Math.max(next, t.trackId() + 1);
        }
        moov.add(MovieHeaderBox.of(1000, 0, Math.min(next, 0xFFFF_FFFFL)));
        List<Box> trex = new ArrayList<>();
        for (CmafTrack t : tracks) {
            moov.add(trak(t));
            trex.add(TrackExtendsBox.of(t.trackId()));
        }
        moov.add(new ContainerBox(BoxType.MVEX, trex));
        return List.of(FTYP, new ContainerBox(BoxType.MOOV, moov));
    }

    /** The init segment in a new array. */
    public static byte[] toByteArray(List<CmafTrack> tracks) {
        return Boxes.toByteArray(boxes(tracks));
    }

    /** Writes the init segment at the position of {@code out}; returns the bytes written. */
    public static int write(List<CmafTrack> tracks, ByteBuffer out) {
        List<Box> boxes = boxes(tracks);
        int size = (int) Boxes.encodedSize(boxes);
        Boxes.write(boxes, out);
        return size;
    }

    static ContainerBox trak(CmafTrack t) {
        boolean video = t.handlerType().equals(BoxType.VIDE);
        boolean audio = t.handlerType().equals(BoxType.SOUN);
        int width = 0;
        int height = 0;
        if (t.sampleEntry() instanceof VisualSampleEntry v) {
            width = v.width();
            height = v.height();
        }
        List<Box> trak = new ArrayList<>();
        trak.add(TrackHeaderBox.of(t.trackId(), 0, audio, width, height));
        if (t.mediaTime() >= 0) {
            trak.add(ContainerBox.of(BoxType.EDTS, EditListBox.shift(0, t.mediaTime())));
        }
        Box header = video ? VideoMediaHeaderBox.DEFAULT : audio ? SoundMediaHeaderBox.DEFAULT
                : RawBox.of(BoxType.NMHD, new byte[4]);
        ContainerBox stbl = ContainerBox.of(BoxType.STBL, SampleDescriptionBox.of(t.sampleEntry()), TimeToSampleBox.empty(),
                SampleToChunkBox.empty(), SampleSizeBox.empty(), ChunkOffsetBox.empty());
        ContainerBox minf = ContainerBox.of(BoxType.MINF, header, ContainerBox.of(BoxType.DINF, DataReferenceBox.SELF_CONTAINED), stbl);
        String name = video ? "VideoHandler" : audio ? "SoundHandler" : "Handler";
        trak.add(ContainerBox.of(BoxType.MDIA, MediaHeaderBox.of(t.timescale(), 0, t.language()),
                HandlerBox.of(t.handlerType(), name), minf));
        return new ContainerBox(BoxType.TRAK, trak);
    }
}
