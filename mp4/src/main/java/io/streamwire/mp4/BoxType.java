package io.streamwire.mp4;

import java.nio.charset.StandardCharsets;

/**
 * A box type: the four-character code of ISO/IEC 14496-12:2022 §4.2 ({@code unsigned int(32) type}),
 * also used for brands (§4.3) and handler types (§8.4.3). Every 32-bit value is kept, so unknown
 * types survive a round trip; {@link #toString()} prints printable codes as text and others as hex.
 *
 * @param value the 32 bits, first character in the high byte
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record BoxType(int value) {
    /** {@code uuid}: the extended type follows the header (§4.2). */
    public static final BoxType UUID = of("uuid");
    public static final BoxType FTYP = of("ftyp");
    public static final BoxType STYP = of("styp");
    public static final BoxType MOOV = of("moov");
    public static final BoxType MVHD = of("mvhd");
    public static final BoxType TRAK = of("trak");
    public static final BoxType TKHD = of("tkhd");
    public static final BoxType EDTS = of("edts");
    public static final BoxType ELST = of("elst");
    public static final BoxType MDIA = of("mdia");
    public static final BoxType MDHD = of("mdhd");
    public static final BoxType HDLR = of("hdlr");
    public static final BoxType MINF = of("minf");
    public static final BoxType VMHD = of("vmhd");
    public static final BoxType SMHD = of("smhd");
    public static final BoxType NMHD = of("nmhd");
    public static final BoxType DINF = of("dinf");
    public static final BoxType DREF = of("dref");
    public static final BoxType URL = of("url ");
    public static final BoxType STBL = of("stbl");
    public static final BoxType STSD = of("stsd");
    public static final BoxType STTS = of("stts");
    public static final BoxType CTTS = of("ctts");
    public static final BoxType STSS = of("stss");
    public static final BoxType STSZ = of("stsz");
    public static final BoxType STSC = of("stsc");
    public static final BoxType STCO = of("stco");
    public static final BoxType CO64 = of("co64");
    public static final BoxType MVEX = of("mvex");
    public static final BoxType TREX = of("trex");
    public static final BoxType MOOF = of("moof");
    public static final BoxType MFHD = of("mfhd");
    public static final BoxType TRAF = of("traf");
    public static final BoxType TFHD = of("tfhd");
    public static final BoxType TFDT = of("tfdt");
    public static final BoxType TRUN = of("trun");
    public static final BoxType MDAT = of("mdat");
    public static final BoxType FREE = of("free");
    public static final BoxType SKIP = of("skip");
    public static final BoxType UDTA = of("udta");
    public static final BoxType MFRA = of("mfra");
    public static final BoxType SIDX = of("sidx");
    public static final BoxType PRFT = of("prft");
    public static final BoxType EMSG = of("emsg");
    public static final BoxType AVC1 = of("avc1");
    public static final BoxType AVC3 = of("avc3");
    public static final BoxType AVCC = of("avcC");
    public static final BoxType HVC1 = of("hvc1");
    public static final BoxType HEV1 = of("hev1");
    public static final BoxType HVCC = of("hvcC");
    public static final BoxType AV01 = of("av01");
    public static final BoxType AV1C = of("av1C");
    public static final BoxType MP4A = of("mp4a");
    public static final BoxType ESDS = of("esds");
    public static final BoxType OPUS = of("Opus");
    public static final BoxType DOPS = of("dOps");
    public static final BoxType COLR = of("colr");
    public static final BoxType PASP = of("pasp");
    public static final BoxType BTRT = of("btrt");
    /** Handler type of video tracks (§12.1.2). */
    public static final BoxType VIDE = of("vide");
    /** Handler type of audio tracks (§12.2.2). */
    public static final BoxType SOUN = of("soun");

    /**
     * The type whose four characters are {@code code} (ISO 8859-1).
     *
     * @throws IllegalArgumentException unless {@code code} is 4 characters of 0..255
     */
    public static BoxType of(String code) {
        if (code.length() != 4) {
            throw new IllegalArgumentException("a four-character code has 4 characters: \"" + code + "\"");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            char c = code.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("not ISO 8859-1: \"" + code + "\"");
            }
            v = v << 8 | c;
        }
        return new BoxType(v);
    }

    /**
     * True for the boxes that hold only other boxes (§8.2.1 moov, §8.3.1 trak, §8.4.1 mdia, §8.4.4 minf,
     * §8.7.1 dinf, §8.5.1 stbl, §8.6.5 edts, §8.8.1 mvex, §8.8.4 moof, §8.8.6 traf, §8.8.9 mfra):
     * the ones {@link Mp4BoxDecoder} descends into by default.
     */
    public boolean isContainer() {
        return isContainer(value);
    }

    static boolean isContainer(int v) {
        return v == MOOV.value || v == TRAK.value || v == MDIA.value || v == MINF.value || v == DINF.value
                || v == STBL.value || v == EDTS.value || v == MVEX.value || v == MOOF.value || v == TRAF.value
                || v == MFRA.value;
    }

    /** The four characters, or {@code 0x…} hex when one of them is not printable ASCII. */
    @Override
    public String toString() {
        return toString(value);
    }

    static String toString(int v) {
        byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        for (byte c : b) {
            if (c < 0x20 || c > 0x7E) {
                return String.format("0x%08x", v);
            }
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
