/**
 * H.265 / HEVC NAL unit layer: ITU-T H.265 (v9, 09/2023) and the HEVC parts of ISO/IEC 14496-15 (2022).
 *
 * <p>Supported structures (checklist; filled in as they land):
 * <ul>
 *   <li>[ ] NAL unit header (§7.3.1.2)</li>
 * </ul>
 */
package io.streamwire.h265;
