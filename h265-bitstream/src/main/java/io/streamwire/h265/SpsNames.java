package io.streamwire.h265;

/**
 * The names ffmpeg 5.1 gives what an SPS codes (libavutil's pixel format and colour property names,
 * as ffprobe prints them), and the arithmetic behind the frame rate.
 *
 * <p>Stateless and thread-safe.
 */
final class SpsNames {
    private static final String[] PRIMARIES = {"reserved", "bt709", "unknown", "reserved", "bt470m", "bt470bg", "smpte170m",
        "smpte240m", "film", "bt2020", "smpte428", "smpte431", "smpte432"};
    private static final String[] TRANSFER = {"reserved", "bt709", "unknown", "reserved", "bt470m", "bt470bg", "smpte170m",
        "smpte240m", "linear", "log100", "log316", "iec61966-2-4", "bt1361e", "iec61966-2-1", "bt2020-10", "bt2020-12",
        "smpte2084", "smpte428", "arib-std-b67"};
    private static final String[] MATRIX = {"gbr", "bt709", "unknown", "reserved", "fcc", "bt470bg", "smpte170m", "smpte240m",
        "ycgco", "bt2020nc", "bt2020c", "smpte2085", "chroma-derived-nc", "chroma-derived-c", "ictcp"};

    private SpsNames() {}

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** colour_primaries as ffprobe names it; values ffmpeg does not know are "unknown" (it resets them to unspecified). */
    static String primaries(int v) {
        return v == 22 ? "ebu3213" : v < PRIMARIES.length ? PRIMARIES[v] : "unknown";
    }

    /** transfer_characteristics as ffprobe names it. */
    static String transfer(int v) {
        return v < TRANSFER.length ? TRANSFER[v] : "unknown";
    }

    /** matrix_coeffs as ffprobe names it. */
    static String matrix(int v) {
        return v < MATRIX.length ? MATRIX[v] : "unknown";
    }

    /**
     * ffmpeg 5.1's map_pixel_format() and the VUI adjustments after it (libavcodec/hevc_ps.c): see
     * {@link HevcSps#pixelFormat()}.
     */
    static String pixelFormat(int chromaFormatIdc, int depthLuma, int depthChroma, boolean fullRange, int matrixCoeffs) {
        if (chromaFormatIdc != 0 && depthChroma != depthLuma) {
            return null;
        }
        if (depthLuma != 8 && depthLuma != 9 && depthLuma != 10 && depthLuma != 12) {
            return null;
        }
        String suffix = depthLuma == 8 ? "" : depthLuma + "le";
        switch (chromaFormatIdc) {
            case 0:
                return "gray" + suffix;
            case 1:
                return fullRange && depthLuma == 8 ? "yuvj420p" : "yuv420p" + suffix;
            case 2:
                return "yuv422p" + suffix;
            default:
                return matrixCoeffs == 0 && depthLuma != 9 ? "gbrp" + suffix : "yuv444p" + suffix;
        }
    }
}
