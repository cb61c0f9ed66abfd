package io.streamwire.flv;

/**
 * A four-character code naming a codec in Enhanced RTMP (veovera, v1 and v2, "VideoFourCc" and
 * "AudioFourCc"), stored as the big-endian UI32 of its ASCII bytes. Unknown codes are kept.
 *
 * @param value the UI32, e.g. 0x68766331 for "hvc1"
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record FourCc(int value) {
    /** H.264. */
    public static final FourCc AVC1 = of("avc1");
    /** H.265. */
    public static final FourCc HVC1 = of("hvc1");
    /** AV1. */
    public static final FourCc AV01 = of("av01");
    /** VP8. */
    public static final FourCc VP08 = of("vp08");
    /** VP9. */
    public static final FourCc VP09 = of("vp09");
    /** Opus. */
    public static final FourCc OPUS = of("Opus");
    /** FLAC. */
    public static final FourCc FLAC = of("fLaC");
    /** AC-3. */
    public static final FourCc AC3 = of("ac-3");
    /** E-AC-3. */
    public static final FourCc EAC3 = of("ec-3");
    /** MP3. */
    public static final FourCc MP3 = of(".mp3");
    /** AAC. */
    public static final FourCc MP4A = of("mp4a");

    /** The code of four ASCII characters. */
    public static FourCc of(String code) {
        if (code.length() != 4) {
            throw new IllegalArgumentException("FourCC \"" + code + "\" is not 4 characters");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            char c = code.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("FourCC \"" + code + "\" is not 8-bit");
            }
            v = v << 8 | c;
        }
        return new FourCc(v);
    }

    /** Whether this is one of the codes the Enhanced RTMP v2 spec defines. */
    public boolean isKnown() {
        return equals(AVC1) || equals(HVC1) || equals(AV01) || equals(VP08) || equals(VP09) || equals(OPUS)
                || equals(FLAC) || equals(AC3) || equals(EAC3) || equals(MP3) || equals(MP4A);
    }

    /** Whether coded frames of this codec carry an SI24 composition time (avc1, hvc1). */
    public boolean hasCompositionTime() {
        return equals(AVC1) || equals(HVC1);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = value >>> shift & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return s.toString();
    }
}
