/**
 * AAC transport syntax: ADTS (ISO/IEC 14496-3:2019 Annex 1.A, ISO/IEC 13818-7:2006 §6.2).
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] adts_fixed_header / adts_variable_header ({@link io.streamwire.aac.AdtsHeader})</li>
 *   <li>[ ] adts_error_check / adts_header_error_check (CRC, raw data block positions)</li>
 *   <li>[ ] ADTS stream reader with resync and ID3 skipping</li>
 *   <li>[ ] AudioSpecificConfig (§1.6.2.1), conversions, LOAS/LATM (§1.7)</li>
 * </ul>
 *
 * <p>Errors are {@link io.streamwire.aac.AacException}s carrying the byte offset and the field.
 */
package io.streamwire.aac;
