/**
 * Action Message Format: AMF0 (Adobe AMF0 specification, 2007) and AMF3 (Adobe AMF3
 * specification, 2013), the script-data format of FLV and of RTMP commands.
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[ ] AMF0 values and token stream; AMF3 values with the three reference tables</li>
 * </ul>
 *
 * <p>Errors are {@link io.streamwire.amf.AmfException}s carrying the byte offset and the field.
 */
package io.streamwire.amf;
