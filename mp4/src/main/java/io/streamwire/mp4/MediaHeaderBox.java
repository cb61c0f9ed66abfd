package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Media header box {@code mdhd}, ISO/IEC 14496-12:2022 §8.4.2, a full box of version 0 or 1:
 * <pre>
 * uint(32|64) creation_time, modification_time; uint(32) timescale; uint(32|64) duration;
 * bit(1) pad = 0; unsigned int(5)[3] language; unsigned int(16) pre_defined = 0;
 * </pre>
 *
 * @param version 0 or 1
 * @param flags 24 bits, 0
 * @param creationTime seconds since 1904-01-01 UTC
 * @param modificationTime seconds since 1904-01-01 UTC
 * @param timescale media ticks per second, 0..2^32-1
 * @param duration in media ticks
 * @param language the 15-bit packed ISO 639-2/T code (each letter minus 0x60 in 5 bits), see {@link #languageCode()}
 *
 * @implNote pad and pre_defined are read past and written as zeros.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record MediaHeaderBox(int version, int flags, long creationTime, long modificationTime, long timescale,
        long duration, int language) implements Box {
    /** {@code und} packed: undetermined language. */
    public static final int LANGUAGE_UND = packLanguage("und");

    /** Checks the components. */
    public MediaHeaderBox {
        Boxes.checkVersionFlags(version, 1, flags);
        Boxes.checkU32("timescale", timescale);
        if (language < 0 || language > 0x7FFF) {
            throw new IllegalArgumentException("language is 15 bits: " + language);
        }
        if (version == 0) {
            Boxes.checkU32("creation_time", creationTime);
            Boxes.checkU32("modification_time", modificationTime);
            Boxes.checkU32("duration", duration);
        }
    }

    /** A version-0 header with zero times. */
    public static MediaHeaderBox of(long timescale, long duration, String language) {
        return new MediaHeaderBox(0, 0, 0, 0, timescale, duration, packLanguage(language));
    }

    /** Packs a three-letter lower-case ISO 639-2/T code. */
    public static int packLanguage(String code) {
        if (code.length() != 3) {
            throw new IllegalArgumentException("ISO 639-2/T codes have 3 letters: " + code);
        }
        int v = 0;
        for (int i = 0; i < 3; i++) {
            int c = code.charAt(i) - 0x60;
            if (c < 1 || c > 26) {
                throw new IllegalArgumentException("not a lower-case letter code: " + code);
            }
            v = v << 5 | c;
        }
        return v;
    }

    /** The three letters of {@link #language()}. */
    public String languageCode() {
        return new String(new char[] {(char) ((language >> 10 & 0x1F) + 0x60), (char) ((language >> 5 & 0x1F) + 0x60),
            (char) ((language & 0x1F) + 0x60)});
    }

    @Override
    public BoxType type() {
        return BoxType.MDHD;
    }

    static MediaHeaderBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version > 1) {
            return null;
        }
        long creation = p.u32or64(version, "creation_time");
        long modification = p.u32or64(version, "modification_time");
        long timescale = p.u32("timescale");
        long duration = p.u32or64(version, "duration");
        int language = p.u16("language") & 0x7FFF;
        p.skip(2, "pre_defined");
        return new MediaHeaderBox(version, flags, creation, modification, timescale, duration, language);
    }

    @Override
    public int payloadSize() {
        return version == 1 ? 36 : 24;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionAndTimes(out, version, flags, creationTime, modificationTime, timescale, duration);
        BigEndian.putShortRelative(out, (short) language);
        Boxes.putZeros(out, 2);
    }
}
