package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Colour information box {@code colr} of colour_type {@code nclx}, ISO/IEC 14496-12:2022 §12.1.5
 * (the code points are those of ISO/IEC 23091-2, as in the codecs' VUI):
 * <pre>
 * unsigned int(32) colour_type = 'nclx'; unsigned int(16) colour_primaries;
 * unsigned int(16) transfer_characteristics; unsigned int(16) matrix_coefficients;
 * unsigned int(1) full_range_flag; unsigned int(7) reserved = 0;
 * </pre>
 *
 * @param colourPrimaries colour_primaries, e.g. 1 = BT.709
 * @param transferCharacteristics transfer_characteristics, e.g. 1 = BT.709, 16 = PQ
 * @param matrixCoefficients matrix_coefficients, e.g. 1 = BT.709
 * @param fullRangeFlag full_range_flag
 *
 * @implNote Other colour types (ICC profiles {@code rICC}/{@code prof}, QuickTime's {@code nclc}) are
 *     kept as a {@link RawBox}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record ColourInformationBox(int colourPrimaries, int transferCharacteristics, int matrixCoefficients,
        boolean fullRangeFlag) implements Box {
    private static final int NCLX = BoxType.of("nclx").value();

    /** Checks the components. */
    public ColourInformationBox {
        for (int v : new int[] {colourPrimaries, transferCharacteristics, matrixCoefficients}) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException("16-bit field out of range: " + v);
            }
        }
    }

    @Override
    public BoxType type() {
        return BoxType.COLR;
    }

    static ColourInformationBox parse(Payload p) {
        if (p.i32("colour_type") != NCLX) {
            return null;
        }
        int primaries = p.u16("colour_primaries");
        int transfer = p.u16("transfer_characteristics");
        int matrix = p.u16("matrix_coefficients");
        int last = p.u8("full_range_flag");
        if ((last & 0x7F) != 0) {
            return null;
        }
        return new ColourInformationBox(primaries, transfer, matrix, last != 0);
    }

    @Override
    public int payloadSize() {
        return 11;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        BigEndian.putIntRelative(out, NCLX);
        BigEndian.putShortRelative(out, (short) colourPrimaries);
        BigEndian.putShortRelative(out, (short) transferCharacteristics);
        BigEndian.putShortRelative(out, (short) matrixCoefficients);
        out.put((byte) (fullRangeFlag ? 0x80 : 0));
    }
}
