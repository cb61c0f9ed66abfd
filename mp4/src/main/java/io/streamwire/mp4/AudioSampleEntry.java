package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Audio sample entry, ISO/IEC 14496-12:2022 §12.2.3 (version 0), used by {@code mp4a} (ISO/IEC
 * 14496-14 §6.7, with {@link EsdsBox}) and {@code Opus} (Opus in ISOBMFF v0.6.8 §4.3.1, with
 * {@link OpusSpecificBox}):
 * <pre>
 * const unsigned int(8)[6] reserved = 0; unsigned int(16) data_reference_index;
 * const unsigned int(32)[2] reserved = 0; template unsigned int(16) channelcount = 2;
 * template unsigned int(16) samplesize = 16; unsigned int(16) pre_defined = 0;
 * const unsigned int(16) reserved = 0; template unsigned int(32) samplerate = rate &lt;&lt; 16;
 * Box[] children;   // esds, dOps, btrt, …
 * </pre>
 *
 * @param type the sample entry type (codec)
 * @param dataReferenceIndex 1-based index into {@code dref}
 * @param channelcount channels, 0..65535
 * @param samplesize bits per sample, 16
 * @param samplerate sampling rate, 16.16 (as the 32-bit field reads, 0..2^32-1)
 * @param children the boxes after the fixed fields
 *
 * @implNote QuickTime sound descriptions of version 1 and 2 (a non-zero first reserved word) and
 *     entries with other non-zero reserved fields are kept as a {@link RawBox}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record AudioSampleEntry(BoxType type, int dataReferenceIndex, int channelcount, int samplesize, long samplerate,
        List<Box> children) implements Box {
    /** Checks the components; copies the list. */
    public AudioSampleEntry {
        Objects.requireNonNull(type, "type");
        children = List.copyOf(children);
        for (int v : new int[] {dataReferenceIndex, channelcount, samplesize}) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException("16-bit field out of range: " + v);
            }
        }
        Boxes.checkU32("samplerate", samplerate);
    }

    /**
     * An entry with data_reference_index 1 and 16-bit samples.
     *
     * @param sampleRateHz the rate written in the 16.16 field (rates of 65,536 Hz and more are written as 0, as for Opus)
     */
    public static AudioSampleEntry of(BoxType type, int channels, int sampleRateHz, Box... children) {
        return new AudioSampleEntry(type, 1, channels, 16, sampleRateHz > 0xFFFF ? 0 : (long) sampleRateHz << 16, List.of(children));
    }

    /** The first child of {@code type}, or null. */
    public Box child(BoxType childType) {
        return Boxes.first(children, childType);
    }

    /** The integer part of the samplerate field, in Hz. */
    public int sampleRateHz() {
        return (int) (samplerate >>> 16);
    }

    /** The RFC 6381 codec string: {@code mp4a.40.2} (from esds), {@code opus}, or the entry type. */
    public String codecString() {
        if (type.equals(BoxType.OPUS)) {
            return "opus";
        }
        Box esds = child(BoxType.ESDS);
        if (esds instanceof EsdsBox e) {
            return e.codecString();
        }
        return type.toString();
    }

    static AudioSampleEntry parse(Payload p, int depth) {
        if (p.i32("reserved") != 0 || p.u16("reserved") != 0) {
            return null;
        }
        int dri = p.u16("data_reference_index");
        if (p.i32("reserved") != 0 || p.i32("reserved") != 0) {
            return null;
        }
        int channels = p.u16("channelcount");
        int sampleSize = p.u16("samplesize");
        if (p.u16("pre_defined") != 0 || p.u16("reserved") != 0) {
            return null;
        }
        long rate = p.u32("samplerate");
        List<Box> children = BoxParser.children(p, depth + 1, false, false);
        return new AudioSampleEntry(p.header.type(), dri, channels, sampleSize, rate, children);
    }

    @Override
    public int payloadSize() {
        return 28 + Boxes.sizeOf(children);
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putZeros(out, 6);
        BigEndian.putShortRelative(out, (short) dataReferenceIndex);
        Boxes.putZeros(out, 8);
        BigEndian.putShortRelative(out, (short) channelcount);
        BigEndian.putShortRelative(out, (short) samplesize);
        Boxes.putZeros(out, 4);
        BigEndian.putIntRelative(out, (int) samplerate);
        for (Box b : children) {
            b.writeTo(out);
        }
    }
}
