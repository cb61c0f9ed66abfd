/** H.265 / HEVC NAL unit layer (ITU-T H.265 (09/2023), ISO/IEC 14496-15). */
module io.streamwire.h265 {
    requires transitive io.streamwire.core;
    exports io.streamwire.h265;
}
