package io.streamwire.mpegts.internal;

import io.streamwire.mpegts.StreamType;
import java.nio.ByteBuffer;

/**
 * The payload probe behind {@link StreamType#probe}: finds two consecutive audio frames (ADTS,
 * LATM/LOAS, AC-3, E-AC-3) whose sync words and frame lengths agree, reading their headers directly
 * (this module does not depend on the codec modules). Not API.
 *
 * <p>Stateless and thread-safe.
 */
public final class PayloadProbe {
    /** ADTS fixed + variable header without CRC (ISO/IEC 14496-3 §1.A.2.2). */
    private static final int ADTS_HEADER = 7;
    /** syncword 0x2B7 (11 bits) + audioMuxLengthBytes (13 bits) (ISO/IEC 14496-3 §1.7.2). */
    private static final int LOAS_HEADER = 3;
    /** syncword, crc1 / frame size, fscod..., bsid: enough of syncinfo() and bsi() to size a frame (A/52). */
    private static final int AC3_HEADER = 6;
    /** AC-3 nominal bit rates in kbit/s by frmsizecod / 2 (ATSC A/52 Table 5.18). */
    private static final int[] AC3_KBPS = {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 576, 640};

    private PayloadProbe() {}

    /** See {@link StreamType#probe}. */
    public static StreamType probe(ByteBuffer payload) {
        int end = payload.limit();
        for (int i = payload.position(); i + 2 <= end; i++) {
            int b0 = payload.get(i) & 0xFF;
            if (b0 == 0xFF) {
                if (adts(payload, i, end)) {
                    return StreamType.AAC_ADTS;
                }
            } else if (b0 == 0x56) {
                if (loas(payload, i, end)) {
                    return StreamType.AAC_LATM;
                }
            } else if (b0 == 0x0B) {
                StreamType t = dolby(payload, i, end);
                if (t != null) {
                    return t;
                }
            }
        }
        return StreamType.OTHER;
    }

    /** aac_frame_length of a plausible ADTS header at {@code i}, or -1. */
    private static int adtsLength(ByteBuffer b, int i, int end) {
        if (end - i < ADTS_HEADER || (b.get(i) & 0xFF) != 0xFF || (b.get(i + 1) & 0xF6) != 0xF0) {
            return -1; // syncword 0xFFF, layer '00'
        }
        int samplingFrequencyIndex = (b.get(i + 2) >>> 2) & 0x0F;
        if (samplingFrequencyIndex > 12) {
            return -1; // 13, 14 reserved, 15 (escape) not allowed in ADTS
        }
        int length = ((b.get(i + 3) & 0x03) << 11) | ((b.get(i + 4) & 0xFF) << 3) | ((b.get(i + 5) & 0xFF) >>> 5);
        int header = (b.get(i + 1) & 0x01) != 0 ? ADTS_HEADER : ADTS_HEADER + 2; // protection_absent 0: CRC
        return length >= header ? length : -1;
    }

    private static boolean adts(ByteBuffer b, int i, int end) {
        int length = adtsLength(b, i, end);
        if (length < 0 || length > end - i) {
            return false;
        }
        int next = i + length;
        // the next frame: same ID, profile and sampling_frequency_index
        return adtsLength(b, next, end) >= 0 && ((b.get(i + 1) ^ b.get(next + 1)) & 0x08) == 0
                && ((b.get(i + 2) ^ b.get(next + 2)) & 0xFC) == 0;
    }

    /** Bytes of a LOAS AudioMuxElement frame at {@code i} (3 + audioMuxLengthBytes), or -1. */
    private static int loasLength(ByteBuffer b, int i, int end) {
        if (end - i < LOAS_HEADER || (b.get(i) & 0xFF) != 0x56 || (b.get(i + 1) & 0xE0) != 0xE0) {
            return -1;
        }
        int audioMuxLengthBytes = ((b.get(i + 1) & 0x1F) << 8) | (b.get(i + 2) & 0xFF);
        return audioMuxLengthBytes > 0 ? LOAS_HEADER + audioMuxLengthBytes : -1;
    }

    private static boolean loas(ByteBuffer b, int i, int end) {
        int length = loasLength(b, i, end);
        return length > 0 && length <= end - i && loasLength(b, i + length, end) > 0;
    }

    /** AC-3 or E-AC-3 when two frames chain from {@code i}, else null. */
    private static StreamType dolby(ByteBuffer b, int i, int end) {
        int length = dolbyLength(b, i, end);
        if (length < 0 || length > end - i) {
            return null;
        }
        int next = i + length;
        int nextLength = dolbyLength(b, next, end);
        if (nextLength < 0) {
            return null;
        }
        boolean ac3 = bsid(b, i) <= 10;
        if (ac3 && bsid(b, next) <= 10) {
            return ((b.get(i + 4) ^ b.get(next + 4)) & 0xC0) == 0 ? StreamType.AC3 : null; // same fscod
        }
        // E-AC-3 frames, or an AC-3 core followed by an E-AC-3 dependent substream (an E-AC-3 bit stream)
        return bsid(b, next) > 10 ? StreamType.EAC3 : null;
    }

    /** bsid (5 bits), at the same place in AC-3 and E-AC-3. */
    private static int bsid(ByteBuffer b, int i) {
        return (b.get(i + 5) & 0xFF) >>> 3;
    }

    /** Bytes of the AC-3 or E-AC-3 syncframe at {@code i}, or -1 when its header is not plausible. */
    private static int dolbyLength(ByteBuffer b, int i, int end) {
        if (end - i < AC3_HEADER || (b.get(i) & 0xFF) != 0x0B || (b.get(i + 1) & 0xFF) != 0x77) {
            return -1;
        }
        int bsid = bsid(b, i);
        int fscod = (b.get(i + 4) & 0xFF) >>> 6;
        if (bsid <= 10) {
            // AC-3: fscod(2) frmsizecod(6) after syncword and crc1 (A/52 §5.4.1.3-4)
            int frmsizecod = b.get(i + 4) & 0x3F;
            if (fscod == 3 || frmsizecod > 37) {
                return -1;
            }
            int kbps = AC3_KBPS[frmsizecod >>> 1];
            int words = switch (fscod) {
                case 0 -> 2 * kbps; // 48 kHz
                case 1 -> kbps * 320 / 147 + (frmsizecod & 1); // 44.1 kHz
                default -> 3 * kbps; // 32 kHz
            };
            return 2 * words;
        }
        if (bsid > 16) {
            return -1;
        }
        // E-AC-3: strmtyp(2) substreamid(3) frmsiz(11), then fscod(2) fscod2/numblkscod(2) (A/52 §E.1.2.2)
        int strmtyp = (b.get(i + 2) & 0xFF) >>> 6;
        int fscod2 = (b.get(i + 4) >>> 4) & 0x03;
        if (strmtyp == 3 || (fscod == 3 && fscod2 == 3)) {
            return -1;
        }
        int frmsiz = ((b.get(i + 2) & 0x07) << 8) | (b.get(i + 3) & 0xFF);
        int length = 2 * (frmsiz + 1);
        return length >= AC3_HEADER ? length : -1;
    }
}
