/**
 * Action Message Format: AMF0 (Adobe "Action Message Format -- AMF 0", 2007) and AMF3 (Adobe
 * "Action Message Format -- AMF 3", 2013), the script-data format of FLV and of RTMP commands.
 *
 * <p>Two APIs for AMF0: a value tree ({@link io.streamwire.amf.Amf0Value}, a sealed interface with
 * one record per type marker; {@link io.streamwire.amf.Amf0Reader},
 * {@link io.streamwire.amf.Amf0Writer}) and a streaming token reader
 * ({@link io.streamwire.amf.Amf0TokenReader}) that walks an RTMP command or onMetaData without
 * building a tree and without allocating. {@link io.streamwire.amf.Amf0Command} reads and writes
 * RTMP command bodies (name, transaction id, command object, arguments).
 *
 * <p>Supported structures:
 * <ul>
 *   <li>[x] AMF0 markers 0x00-0x11: number, boolean, string, object, null, undefined, reference
 *       (table, cycles), ECMA array (count as hint), object end, strict array, date (time zone kept),
 *       long string, unsupported, XML document, typed object, avmplus switch; 0x04/0x0E rejected</li>
 *   <li>[x] AMF0 token reader and writer (zero allocation)</li>
 *   <li>[x] AMF3 values with the string, object and traits reference tables
 *       ({@link io.streamwire.amf.Amf3Reader}, {@link io.streamwire.amf.Amf3Writer})</li>
 * </ul>
 *
 * <p>Errors are {@link io.streamwire.core.StreamwireException}s with module {@code "amf"}, the byte
 * offset and the field: {@link io.streamwire.amf.AmfException} for malformed input, the shared
 * {@link io.streamwire.core.TruncatedInputException},
 * {@link io.streamwire.core.LimitExceededException} (past a limit of
 * {@link io.streamwire.amf.AmfLimits}) and {@link io.streamwire.core.UnsupportedFeatureException}
 * (an externalizable AMF3 class with no registered reader). This package uses nothing of
 * {@code io.streamwire.flv}.
 */
package io.streamwire.amf;
