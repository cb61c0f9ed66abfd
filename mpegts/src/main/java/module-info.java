/** MPEG-2 transport streams (ISO/IEC 13818-1) and SCTE 35 splice sections. */
module io.streamwire.mpegts {
    requires transitive io.streamwire.core;
    exports io.streamwire.mpegts;
    exports io.streamwire.mpegts.psi;
    exports io.streamwire.mpegts.pes;
}
