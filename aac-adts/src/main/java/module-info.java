/**
 * AAC audio transport: ADTS frames and headers (ISO/IEC 14496-3 Annex 1.A, ISO/IEC 13818-7),
 * AudioSpecificConfig and LOAS/LATM (ISO/IEC 14496-3 §1.6, §1.7); errors, the decoder lifecycle
 * and the byte and bit readers come from {@code io.streamwire.core}.
 */
module io.streamwire.aac {
    requires transitive io.streamwire.core;
    exports io.streamwire.aac;
}
