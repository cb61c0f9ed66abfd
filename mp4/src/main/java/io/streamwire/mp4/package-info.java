/**
 * ISO base media file format: ISO/IEC 14496-12 (2022) boxes, ISO/IEC 14496-14 (MP4), ISO/IEC 23000-19 (CMAF).
 *
 * <p>Supported structures (checklist; filled in as they land):
 * <ul>
 *   <li>[ ] box header (§4.2)</li>
 * </ul>
 */
package io.streamwire.mp4;
