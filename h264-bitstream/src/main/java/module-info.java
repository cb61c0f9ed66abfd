/** H.264 / AVC NAL unit layer (ITU-T H.264 (08/2021)). */
module io.streamwire.h264 {
    exports io.streamwire.h264;
}
