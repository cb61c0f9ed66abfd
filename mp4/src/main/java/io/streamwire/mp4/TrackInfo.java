package io.streamwire.mp4;

import java.util.List;

/**
 * What the readers take from a {@code trak} (ISO/IEC 14496-12:2022 §8.3): the track's identity,
 * timescale, sample entries and the shift its edit list puts on media times.
 *
 * @param trackId track_ID (tkhd)
 * @param handlerType handler_type (hdlr): {@code vide}, {@code soun}, …
 * @param timescale media ticks per second (mdhd)
 * @param sampleEntries the stsd entries, in order (sample_description_index is 1-based in this list)
 * @param timeOffset ticks added to media times to place them on the presentation timeline: the
 *     leading empty edits' duration (converted from the movie timescale, rounded to nearest) minus
 *     the first media edit's media_time; 0 without an edit list
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record TrackInfo(long trackId, BoxType handlerType, long timescale, List<Box> sampleEntries, long timeOffset) {
    /** Copies the list. */
    public TrackInfo {
        sampleEntries = List.copyOf(sampleEntries);
    }

    static final String TRAK_SPEC = "ISO/IEC 14496-12:2022 §8.3.1";

    /**
     * Reads a trak.
     *
     * @param movieTimescale mvhd timescale, for edit durations
     * @param path the trak's path, for errors
     */
    static TrackInfo of(ContainerBox trak, long movieTimescale, String path) {
        List<Box> t = List.of(trak);
        Box tkhd = Boxes.find(t, "trak", "tkhd");
        Box mdhd = Boxes.find(t, "trak", "mdia", "mdhd");
        Box hdlr = Boxes.find(t, "trak", "mdia", "hdlr");
        Box stsd = Boxes.find(t, "trak", "mdia", "minf", "stbl", "stsd");
        if (!(tkhd instanceof TrackHeaderBox th)) {
            throw new Mp4Exception(path + "/tkhd", null, "missing or of an unknown version", -1, TRAK_SPEC);
        }
        if (!(mdhd instanceof MediaHeaderBox mh) || mh.timescale() == 0) {
            throw new Mp4Exception(path + "/mdia/mdhd", "timescale", "missing, 0 or of an unknown version", -1, TRAK_SPEC);
        }
        if (!(stsd instanceof SampleDescriptionBox sd)) {
            throw new Mp4Exception(path + "/mdia/minf/stbl/stsd", null, "missing or of an unknown version", -1, TRAK_SPEC);
        }
        BoxType handler = hdlr instanceof HandlerBox h ? h.handlerType() : new BoxType(0);
        long offset = 0;
        if (Boxes.find(t, "trak", "edts", "elst") instanceof EditListBox elst) {
            long empty = 0;
            for (EditListBox.Entry e : elst.entries()) {
                if (e.mediaTime() == -1) {
                    empty += e.editDuration();
                    continue;
                }
                long emptyTicks = movieTimescale == 0 ? 0
                        : Math.round((double) empty * mh.timescale() / movieTimescale);
                offset = emptyTicks - e.mediaTime();
                break;
            }
        }
        return new TrackInfo(th.trackId(), handler, mh.timescale(), sd.entries(), offset);
    }
}
