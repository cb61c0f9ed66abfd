/** ISO base media file format: MP4, fragmented MP4 and CMAF (ISO/IEC 14496-12 (2022), 14496-14, 23000-19). */
module io.streamwire.mp4 {
    requires transitive io.streamwire.core;
    exports io.streamwire.mp4;
}
