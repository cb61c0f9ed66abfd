/** MPEG-2 transport streams (ISO/IEC 13818-1). */
module io.streamwire.mpegts {
    exports io.streamwire.mpegts;
}
