package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Visual sample entry, ISO/IEC 14496-12:2022 §12.1.3 ({@code avc1}/{@code avc3}: ISO/IEC 14496-15
 * §5.4.2; {@code hvc1}/{@code hev1}: §8.4.1; {@code av01}: AV1-ISOBMFF v1.2.0 §2.2):
 * <pre>
 * const unsigned int(8)[6] reserved = 0; unsigned int(16) data_reference_index;
 * unsigned int(16) pre_defined = 0; const unsigned int(16) reserved = 0; unsigned int(32)[3] pre_defined = 0;
 * unsigned int(16) width; unsigned int(16) height;
 * template unsigned int(32) horizresolution = 0x00480000, vertresolution = 0x00480000;
 * const unsigned int(32) reserved = 0; template unsigned int(16) frame_count = 1;
 * uint(8)[32] compressorname; template unsigned int(16) depth = 0x0018; int(16) pre_defined = -1;
 * Box[] children;   // avcC / hvcC / av1C, colr, pasp, btrt, …
 * </pre>
 *
 * @param type the sample entry type (codec)
 * @param dataReferenceIndex 1-based index into {@code dref}
 * @param width width in pixels, 0..65535
 * @param height height in pixels, 0..65535
 * @param horizresolution pixels per inch, 16.16
 * @param vertresolution pixels per inch, 16.16
 * @param frameCount frames per sample, normally 1
 * @param compressorname the informative name, at most 31 bytes of UTF-8
 * @param depth 0x0018: colour without alpha
 * @param children the boxes after the fixed fields
 *
 * @implNote An entry whose reserved or pre_defined fields are not the spec's constants, or whose
 *     compressorname has bytes past its length, is kept as a {@link RawBox} so that it is written
 *     back unchanged.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record VisualSampleEntry(BoxType type, int dataReferenceIndex, int width, int height, int horizresolution,
        int vertresolution, int frameCount, String compressorname, int depth, List<Box> children) implements Box {
    /** Checks the components; copies the list. */
    public VisualSampleEntry {
        Objects.requireNonNull(type, "type");
        children = List.copyOf(children);
        for (int v : new int[] {dataReferenceIndex, width, height, frameCount, depth}) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException("16-bit field out of range: " + v);
            }
        }
        if (compressorname.getBytes(StandardCharsets.UTF_8).length > 31) {
            throw new IllegalArgumentException("compressorname over 31 bytes: " + compressorname);
        }
    }

    /**
     * An entry with the spec's defaults (72 dpi, one frame per sample, depth 0x18, no compressor name).
     *
     * @param children the configuration box first ({@code avcC}, {@code hvcC} or {@code av1C}), then
     *     {@code colr}, {@code pasp}, {@code btrt} as wanted
     */
    public static VisualSampleEntry of(BoxType type, int width, int height, Box... children) {
        return new VisualSampleEntry(type, 1, width, height, 0x480000, 0x480000, 1, "", 0x18, List.of(children));
    }

    /** The first child of {@code type}, or null. */
    public Box child(BoxType childType) {
        return Boxes.first(children, childType);
    }

    /**
     * The RFC 6381 codec string from the configuration box: {@code avc1.64001F}, {@code hvc1.1.6.L93.B0},
     * {@code av01.0.04M.08}; the entry type alone when there is no configuration box.
     */
    public String codecString() {
        for (Box b : children) {
            if (b instanceof CodecConfigurationBox c) {
                return c.codecString(type);
            }
        }
        return type.toString();
    }

    static VisualSampleEntry parse(Payload p, int depth) {
        if (p.i32("reserved") != 0 || p.u16("reserved") != 0) {
            return null;
        }
        int dri = p.u16("data_reference_index");
        if (p.u16("pre_defined") != 0 || p.u16("reserved") != 0 || p.i32("pre_defined") != 0
                || p.i32("pre_defined") != 0 || p.i32("pre_defined") != 0) {
            return null;
        }
        int width = p.u16("width");
        int height = p.u16("height");
        int hres = p.i32("horizresolution");
        int vres = p.i32("vertresolution");
        if (p.i32("reserved") != 0) {
            return null;
        }
        int frameCount = p.u16("frame_count");
        ByteBuffer name = p.bytes(32, "compressorname");
        int len = Math.min(31, name.get(0) & 0xFF);
        for (int i = 1 + len; i < 32; i++) {
            if (name.get(i) != 0) {
                return null;
            }
        }
        byte[] text = new byte[len];
        name.get(1, text);
        String compressor = new String(text, StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(compressor.getBytes(StandardCharsets.UTF_8), text) || (name.get(0) & 0xFF) > 31) {
            return null;
        }
        int d = p.u16("depth");
        if (p.u16("pre_defined") != 0xFFFF) {
            return null;
        }
        List<Box> children = BoxParser.children(p, depth + 1, false, false);
        return new VisualSampleEntry(p.header.type(), dri, width, height, hres, vres, frameCount, compressor, d,
                new ArrayList<>(children));
    }

    @Override
    public int payloadSize() {
        return 78 + Boxes.sizeOf(children);
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putZeros(out, 6);
        BigEndian.putShortRelative(out, (short) dataReferenceIndex);
        Boxes.putZeros(out, 16);
        BigEndian.putShortRelative(out, (short) width);
        BigEndian.putShortRelative(out, (short) height);
        BigEndian.putIntRelative(out, horizresolution);
        BigEndian.putIntRelative(out, vertresolution);
        Boxes.putZeros(out, 4);
        BigEndian.putShortRelative(out, (short) frameCount);
        byte[] name = compressorname.getBytes(StandardCharsets.UTF_8);
        out.put((byte) name.length).put(name);
        Boxes.putZeros(out, 31 - name.length);
        BigEndian.putShortRelative(out, (short) depth);
        BigEndian.putShortRelative(out, (short) -1);
        for (Box b : children) {
            b.writeTo(out);
        }
    }
}
