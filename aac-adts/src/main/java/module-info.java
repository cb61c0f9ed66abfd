/**
 * AAC audio transport: ADTS frames and headers (ISO/IEC 14496-3 Annex 1.A, ISO/IEC 13818-7).
 */
module io.streamwire.aac {
    requires transitive io.streamwire.core;
    exports io.streamwire.aac;
}
