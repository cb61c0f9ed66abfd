/** H.264 / AVC NAL unit layer (ITU-T H.264 (08/2021)). */
module io.streamwire.h264 {
    requires transitive io.streamwire.core;
    exports io.streamwire.h264;
}
