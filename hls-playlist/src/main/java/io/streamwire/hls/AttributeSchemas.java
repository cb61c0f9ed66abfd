package io.streamwire.hls;

import static io.streamwire.hls.AttributeType.DECIMAL_FLOAT;
import static io.streamwire.hls.AttributeType.DECIMAL_INTEGER;
import static io.streamwire.hls.AttributeType.DECIMAL_RESOLUTION;
import static io.streamwire.hls.AttributeType.ENUMERATED_STRING;
import static io.streamwire.hls.AttributeType.HEXADECIMAL_SEQUENCE;
import static io.streamwire.hls.AttributeType.QUOTED_STRING;
import static io.streamwire.hls.AttributeType.SIGNED_DECIMAL_FLOAT;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes each tag defines, RFC 8216bis §4.4: type, and whether REQUIRED. Attributes not
 * listed are allowed (clients ignore them) and kept.
 *
 * <p>Immutable and thread-safe.
 */
final class AttributeSchemas {
    private AttributeSchemas() {}

    record Spec(AttributeType type, boolean required) {}

    private static final Map<TagName, Map<String, Spec>> SCHEMAS = new EnumMap<>(TagName.class);

    private static Map<String, Spec> tag(TagName t, Object... nameTypeRequired) {
        Map<String, Spec> m = new LinkedHashMap<>();
        for (int i = 0; i < nameTypeRequired.length; i += 3) {
            m.put((String) nameTypeRequired[i], new Spec((AttributeType) nameTypeRequired[i + 1], (Boolean) nameTypeRequired[i + 2]));
        }
        SCHEMAS.put(t, m);
        return m;
    }

    static {
        final boolean R = true;
        final boolean O = false;
        tag(TagName.EXT_X_DEFINE, "NAME", QUOTED_STRING, O, "VALUE", QUOTED_STRING, O, "IMPORT", QUOTED_STRING, O,
                "QUERYPARAM", QUOTED_STRING, O);
        tag(TagName.EXT_X_START, "TIME-OFFSET", SIGNED_DECIMAL_FLOAT, R, "PRECISE", ENUMERATED_STRING, O);
        Object[] key = {"METHOD", ENUMERATED_STRING, R, "URI", QUOTED_STRING, O, "IV", HEXADECIMAL_SEQUENCE, O,
            "KEYFORMAT", QUOTED_STRING, O, "KEYFORMATVERSIONS", QUOTED_STRING, O};
        tag(TagName.EXT_X_KEY, key);
        tag(TagName.EXT_X_SESSION_KEY, key);
        tag(TagName.EXT_X_MAP, "URI", QUOTED_STRING, R, "BYTERANGE", QUOTED_STRING, O);
        tag(TagName.EXT_X_PART, "URI", QUOTED_STRING, R, "DURATION", DECIMAL_FLOAT, R, "INDEPENDENT", ENUMERATED_STRING, O,
                "BYTERANGE", QUOTED_STRING, O, "GAP", ENUMERATED_STRING, O);
        tag(TagName.EXT_X_PART_INF, "PART-TARGET", DECIMAL_FLOAT, R);
        tag(TagName.EXT_X_SERVER_CONTROL, "CAN-SKIP-UNTIL", DECIMAL_FLOAT, O, "CAN-SKIP-DATERANGES", ENUMERATED_STRING, O,
                "HOLD-BACK", DECIMAL_FLOAT, O, "PART-HOLD-BACK", DECIMAL_FLOAT, O, "CAN-BLOCK-RELOAD", ENUMERATED_STRING, O);
        tag(TagName.EXT_X_DATERANGE, "ID", QUOTED_STRING, R, "CLASS", QUOTED_STRING, O, "START-DATE", QUOTED_STRING, R,
                "CUE", QUOTED_STRING, O, "END-DATE", QUOTED_STRING, O, "DURATION", DECIMAL_FLOAT, O,
                "PLANNED-DURATION", DECIMAL_FLOAT, O, "END-ON-NEXT", ENUMERATED_STRING, O,
                "SCTE35-CMD", HEXADECIMAL_SEQUENCE, O, "SCTE35-OUT", HEXADECIMAL_SEQUENCE, O, "SCTE35-IN", HEXADECIMAL_SEQUENCE, O);
        tag(TagName.EXT_X_SKIP, "SKIPPED-SEGMENTS", DECIMAL_INTEGER, R, "RECENTLY-REMOVED-DATERANGES", QUOTED_STRING, O);
        tag(TagName.EXT_X_PRELOAD_HINT, "TYPE", ENUMERATED_STRING, R, "URI", QUOTED_STRING, R,
                "BYTERANGE-START", DECIMAL_INTEGER, O, "BYTERANGE-LENGTH", DECIMAL_INTEGER, O);
        tag(TagName.EXT_X_RENDITION_REPORT, "URI", QUOTED_STRING, R, "LAST-MSN", DECIMAL_INTEGER, O, "LAST-PART", DECIMAL_INTEGER, O);
        tag(TagName.EXT_X_MEDIA, "TYPE", ENUMERATED_STRING, R, "URI", QUOTED_STRING, O, "GROUP-ID", QUOTED_STRING, R,
                "LANGUAGE", QUOTED_STRING, O, "ASSOC-LANGUAGE", QUOTED_STRING, O, "NAME", QUOTED_STRING, R,
                "STABLE-RENDITION-ID", QUOTED_STRING, O, "DEFAULT", ENUMERATED_STRING, O, "AUTOSELECT", ENUMERATED_STRING, O,
                "FORCED", ENUMERATED_STRING, O, "INSTREAM-ID", QUOTED_STRING, O, "BIT-DEPTH", DECIMAL_INTEGER, O,
                "SAMPLE-RATE", DECIMAL_INTEGER, O, "CHARACTERISTICS", QUOTED_STRING, O, "CHANNELS", QUOTED_STRING, O);
        Object[] common = {"BANDWIDTH", DECIMAL_INTEGER, R, "AVERAGE-BANDWIDTH", DECIMAL_INTEGER, O, "SCORE", DECIMAL_FLOAT, O,
            "CODECS", QUOTED_STRING, O, "SUPPLEMENTAL-CODECS", QUOTED_STRING, O, "RESOLUTION", DECIMAL_RESOLUTION, O,
            "HDCP-LEVEL", ENUMERATED_STRING, O, "ALLOWED-CPC", QUOTED_STRING, O, "VIDEO-RANGE", ENUMERATED_STRING, O,
            "REQ-VIDEO-LAYOUT", QUOTED_STRING, O, "STABLE-VARIANT-ID", QUOTED_STRING, O, "VIDEO", QUOTED_STRING, O,
            "PATHWAY-ID", QUOTED_STRING, O, "PROGRAM-ID", DECIMAL_INTEGER, O};
        Map<String, Spec> stream = tag(TagName.EXT_X_STREAM_INF, common);
        stream.put("FRAME-RATE", new Spec(DECIMAL_FLOAT, O));
        stream.put("AUDIO", new Spec(QUOTED_STRING, O));
        stream.put("SUBTITLES", new Spec(QUOTED_STRING, O));
        Map<String, Spec> iframe = tag(TagName.EXT_X_I_FRAME_STREAM_INF, common);
        iframe.put("URI", new Spec(QUOTED_STRING, R));
        tag(TagName.EXT_X_SESSION_DATA, "DATA-ID", QUOTED_STRING, R, "VALUE", QUOTED_STRING, O, "URI", QUOTED_STRING, O,
                "FORMAT", ENUMERATED_STRING, O, "LANGUAGE", QUOTED_STRING, O);
        tag(TagName.EXT_X_CONTENT_STEERING, "SERVER-URI", QUOTED_STRING, R, "PATHWAY-ID", QUOTED_STRING, O);
    }

    /** The values an enumerated-string attribute may take (by attribute name; the same in every tag). */
    static final Map<String, java.util.Set<String>> ENUM_VALUES = Map.ofEntries(
            Map.entry("PRECISE", java.util.Set.of("YES", "NO")),
            Map.entry("INDEPENDENT", java.util.Set.of("YES")),
            Map.entry("GAP", java.util.Set.of("YES")),
            Map.entry("CAN-SKIP-DATERANGES", java.util.Set.of("YES")),
            Map.entry("CAN-BLOCK-RELOAD", java.util.Set.of("YES")),
            Map.entry("END-ON-NEXT", java.util.Set.of("YES")),
            Map.entry("DEFAULT", java.util.Set.of("YES", "NO")),
            Map.entry("AUTOSELECT", java.util.Set.of("YES", "NO")),
            Map.entry("FORCED", java.util.Set.of("YES", "NO")),
            Map.entry("HDCP-LEVEL", java.util.Set.of("TYPE-0", "TYPE-1", "NONE")),
            Map.entry("VIDEO-RANGE", java.util.Set.of("SDR", "HLG", "PQ")),
            Map.entry("FORMAT", java.util.Set.of("JSON", "RAW")));

    /** The schema of {@code tag}, empty for tags without attribute lists. */
    static Map<String, Spec> of(TagName tag) {
        return SCHEMAS.getOrDefault(tag, Map.of());
    }
}
