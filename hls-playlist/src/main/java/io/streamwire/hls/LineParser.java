package io.streamwire.hls;

import static io.streamwire.hls.HlsAnomalyKind.DEFINE;
import static io.streamwire.hls.HlsAnomalyKind.LONE_CARRIAGE_RETURN;
import static io.streamwire.hls.HlsAnomalyKind.MALFORMED_TAG;
import static io.streamwire.hls.HlsAnomalyKind.MALFORMED_UTF8;
import static io.streamwire.hls.HlsAnomalyKind.VARIABLE;
import static io.streamwire.hls.HlsAnomalyKind.WHITE_SPACE;

import io.streamwire.core.LimitExceededException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns lines (terminators removed) into {@link PlaylistLine}s, applying variable substitution and
 * recording each kept line's position for diagnostics. Shared by the whole-input parse and the
 * push {@link PlaylistDecoder}. In lenient mode problems go to a sink when one is given (the
 * decoder's listener, as they are found) or else into the result's list.
 *
 * <p>Not thread-safe.
 */
final class LineParser {
    private final PlaylistParser config;
    private final boolean strict;
    private final PlaylistLimits limits;
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    /** "#EXTINF:" read as a little-endian long. */
    private static final long EXTINF_PREFIX = 0x3A464E4954584523L;
    private final LineList lines;
    private final SegmentBuilder segments;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Where lenient problems go as they are found, or null to collect them in {@link #diagnostics}. */
    private final Consumer<Diagnostic> sink;
    private final Variables variables;
    /** Where a lenient attribute list parse notes its first white space. */
    private final int[] whiteSpace = new int[1];
    private static final String SPEC_WHITE_SPACE = "RFC 8216bis §4.1";
    private int[] lineNumbers;
    private long[] offsets;
    /** Each line's {@link PlaylistValidator#KIND_URI kind}, so later passes skip the segment lines unread. */
    private byte[] kinds;
    /** The longest EXTINF duration, in microseconds. */
    private long maxExtinfMicros;
    private final DurationCache durations = new DurationCache();
    private boolean sawDefine;
    private int multivariantTags;
    private final MediaPlaylist.Summary summary = new MediaPlaylist.Summary();
    private int mediaTags;

    /**
     * {@code expectedLines} presizes the line list (a hint, capped by the entry limit); {@code sink}
     * receives lenient problems as they are found (null: they are returned by {@link #finish()}).
     */
    LineParser(PlaylistParser config, int expectedLines, Consumer<Diagnostic> sink) {
        this.config = config;
        this.sink = sink;
        int capacity = Math.max(64, Math.min(expectedLines, Math.min(config.limits().maxEntries(), 1 << 20)));
        this.lines = new LineList(capacity);
        this.segments = new SegmentBuilder(lines, summary, capacity / 2);
        this.lineNumbers = new int[capacity];
        this.offsets = new long[capacity];
        this.kinds = new byte[capacity];
        this.strict = config.isStrict();
        this.limits = config.limits();
        this.variables = new Variables(limits.maxVariableExpansion());
    }

    private void problem(HlsAnomalyKind kind, String field, String problem, int line, int column, long offset,
            String specRef) {
        report(new Diagnostic(kind, field, problem, line, column, offset + Math.max(0, column - 1), specRef));
    }

    private void report(Diagnostic d) {
        if (strict) {
            throw d.toException();
        }
        if (sink != null) {
            sink.accept(d);
        } else {
            diagnostics.add(d);
        }
    }

    /**
     * The text of a line of bytes: ISO-8859-1 when every byte is ASCII, else UTF-8 (§4.1). Malformed
     * UTF-8 is an error in strict mode and is read as U+FFFD in lenient mode.
     */
    String decode(byte[] b, int from, int length, boolean nonAscii, int lineNo, long offset) {
        if (!nonAscii) {
            return new String(b, from, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, length)).toString();
        } catch (CharacterCodingException e) {
            problem(MALFORMED_UTF8, "line", "is not valid UTF-8", lineNo, 1, offset, "RFC 8216bis §4.1");
            return new String(b, from, length, StandardCharsets.UTF_8);
        }
    }

    /** A limit passed on line {@code lineNo}; {@code what} is what was counted. */
    private static LimitExceededException exceeded(int lineNo, String what, String setting, long limit, long actual,
            long offset) {
        return PlaylistLimits.exceeded("line " + lineNo + " " + what, setting, limit, actual, offset);
    }

    /** One line without its terminator; {@code offset} is where it starts. */
    void line(String text, int lineNo, long offset) {
        int n = text.length();
        if (n == 0) {
            return;
        }
        int cr = text.indexOf('\r');
        if (cr >= 0) {
            problem(LONE_CARRIAGE_RETURN, "line", "holds a carriage return not followed by a line feed",
                    lineNo, cr + 1, offset, "RFC 8216bis §4.1");
            line(text.substring(0, cr), lineNo, offset);
            line(text.substring(cr + 1), lineNo, offset + cr + 1);
            return;
        }
        PlaylistLine parsed;
        char c0 = text.charAt(0);
        if (c0 == '#') {
            if (n >= 4 && text.charAt(1) == 'E' && text.charAt(2) == 'X' && text.charAt(3) == 'T') {
                parsed = tag(text, lineNo, offset);
            } else {
                parsed = new Comment(text.substring(1));
            }
        } else if (c0 == ' ' || c0 == '\t') {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                return; // §4.1: blank lines are ignored; white space only counts as blank
            }
            problem(WHITE_SPACE, "URI", "has leading white space", lineNo, 1, offset, "RFC 8216bis §4.1");
            if (trimmed.charAt(0) == '#') {
                line(trimmed, lineNo, offset);
                return;
            }
            parsed = uriLine(uri(trimmed, lineNo, offset), lineNo, offset);
        } else {
            parsed = uriLine(uri(text, lineNo, offset), lineNo, offset);
        }
        if (parsed == null) {
            return;
        }
        add(parsed, lineNo, offset);
    }

    /**
     * The two commonest lines, a URI line and {@code #EXTINF:<decimal>,<title>}, straight from ASCII
     * bytes (no carriage return, no white space around a URI, no variable to substitute): the same
     * lines as {@link #line} gives for them, without the intermediate line string. Returns false
     * (nothing done) for any other line, which then takes {@link #line}.
     */
    boolean asciiLine(byte[] b, int start, int stop, int lineNo, long offset) {
        int n = stop - start;
        if (n == 0) {
            return false;
        }
        byte c0 = b[start];
        if (c0 == '#') {
            return n > 8 && (long) LONGS.get(b, start) == EXTINF_PREFIX && extinf(b, start + 8, stop, lineNo, offset);
        }
        byte last = b[stop - 1];
        if (c0 == ' ' || c0 == '\t' || last == ' ' || last == '\t' || (sawDefine && config.substitutesVariables())) {
            return false;
        }
        String text = new String(b, start, n, StandardCharsets.ISO_8859_1);
        Uri uri;
        try {
            uri = new Uri(text); // checks for a carriage return
        } catch (IllegalArgumentException e) {
            line(text, lineNo, offset);
            return true;
        }
        segments.uri(uri, append(uri, lineNo, offset, PlaylistValidator.KIND_URI));
        return true;
    }

    private boolean extinf(byte[] b, int from, int stop, int lineNo, long offset) {
        boolean digit = false;
        boolean dot = false;
        int comma = -1;
        for (int i = from; i < stop; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else if (c == ',') {
                comma = i;
                break;
            } else {
                return false;
            }
        }
        if (comma < 0 || !digit || comma - from > 16) {
            return false;
        }
        String title = "";
        if (comma + 1 < stop) {
            for (int i = comma + 1; i < stop; i++) {
                if (b[i] == '\r') {
                    return false;
                }
            }
            title = new String(b, comma + 1, stop - comma - 1, StandardCharsets.ISO_8859_1);
        }
        String duration = durations.text(b, from, comma);
        Extinf e = title.isEmpty() ? durations.untitled() : new Extinf(duration, title);
        mediaTags++; // EXTINF: a media segment tag
        maxExtinfMicros = Math.max(maxExtinfMicros, durations.micros());
        append(e, lineNo, offset, PlaylistValidator.KIND_EXTINF);
        segments.extinf(e);
        return true;
    }

    private void add(PlaylistLine parsed, int lineNo, long offset) {
        TagName t = parsed instanceof Uri ? null : parsed.tagName();
        if (t != null) {
            TagName.Scope s = t.scope();
            if (s == TagName.Scope.MULTIVARIANT) {
                multivariantTags++;
            } else if ((s == TagName.Scope.MEDIA || s == TagName.Scope.SEGMENT) && t.form() != TagName.Form.RAW) {
                mediaTags++;
            }
        }
        summary.accept(parsed);
        byte kind = PlaylistValidator.KIND_OTHER;
        if (parsed instanceof Uri) {
            kind = PlaylistValidator.KIND_URI;
        } else if (parsed instanceof Extinf e) {
            kind = PlaylistValidator.KIND_EXTINF;
            maxExtinfMicros = Math.max(maxExtinfMicros, Decimals.parseMicros(e.duration()));
        }
        segments.accept(parsed, append(parsed, lineNo, offset, kind));
    }

    /** Adds the line and its position; returns its index. */
    private int append(PlaylistLine parsed, int lineNo, long offset, byte kind) {
        int size = lines.size();
        if (size >= limits.maxEntries()) {
            throw exceeded(lineNo, "entry count", "maxEntries", limits.maxEntries(), size + 1L, offset);
        }
        if (size == lineNumbers.length) {
            lineNumbers = Arrays.copyOf(lineNumbers, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
            kinds = Arrays.copyOf(kinds, size * 2);
        }
        kinds[size] = kind;
        lineNumbers[size] = lineNo;
        offsets[size] = offset;
        lines.append(parsed);
        return size;
    }

    private Uri uriLine(String value, int lineNo, long offset) {
        if (!Uri.isValid(value)) {
            problem(VARIABLE, "URI", "'" + value + "' is empty or starts with '#' after variable substitution",
                    lineNo, 1, offset, "RFC 8216bis §4.3");
            return null;
        }
        return new Uri(value);
    }

    private String uri(String text, int lineNo, long offset) {
        String end = text;
        int last = end.length() - 1;
        if (end.charAt(last) == ' ' || end.charAt(last) == '\t') {
            int first = endOfText(end); // column of the first trailing white space, 1-based: first + 1
            problem(WHITE_SPACE, "URI", "has trailing white space", lineNo, first + 1, offset, "RFC 8216bis §4.1");
            end = end.stripTrailing();
        }
        return substitute(end, "URI", lineNo, 1, offset);
    }

    private String substitute(String text, String field, int lineNo, int column, long offset) {
        if (!sawDefine || !config.substitutesVariables()) {
            return text;
        }
        try {
            return variables.substitute(text);
        } catch (Variables.Undefined u) {
            problem(VARIABLE, field, "refers to undefined variable {$" + u.name + "}", lineNo, column + u.index,
                    offset, "RFC 8216bis §4.3");
            return text;
        } catch (LimitExceededException e) {
            throw exceeded(lineNo, "variable expansion", "maxVariableExpansion", e.limit(), e.actual(), offset + column - 1);
        }
    }

    private PlaylistTag tag(String text, int lineNo, long offset) {
        if (text.startsWith("#EXTINF:")) {
            // fast path for the most common line: no intermediate value string
            int comma = text.indexOf(',', 8);
            if (comma > 8) {
                // Extinf's constructor checks the duration is a decimal (and the title has no line
                // break): one scan instead of two; anything else takes the general path below
                try {
                    return new Extinf(text.substring(8, comma), text.substring(comma + 1));
                } catch (IllegalArgumentException notDecimal) {
                    // general path: strict error or lenient diagnostic with line and column
                }
            }
        }
        int colon = text.indexOf(':');
        String name = colon < 0 ? text.substring(1) : text.substring(1, colon);
        String value = colon < 0 ? null : text.substring(colon + 1);
        TagName tagName = name.equals("EXTINF") ? TagName.EXTINF : TagName.of(name);
        if (tagName == TagName.UNKNOWN && isWhiteSpace(name.charAt(name.length() - 1))) {
            // "#EXT-X-ENDLIST " or "#EXT-X-VERSION :3": a known tag with white space after its name
            String trimmed = name.substring(0, endOfText(name));
            TagName known = TagName.of(trimmed);
            if (known != TagName.UNKNOWN) {
                problem(WHITE_SPACE, trimmed, "name is followed by white space", lineNo, 2 + trimmed.length(), offset,
                        SPEC_WHITE_SPACE);
                name = trimmed;
                tagName = known;
            }
        }
        int valueColumn = colon + 2;
        if (value != null && !value.isEmpty() && tagName != TagName.UNKNOWN
                && (tagName.form() != TagName.Form.EXTINF || value.indexOf(',') < 0)) {
            // §4.1: no white space around a known tag's value (an EXTINF title is the rest of the line)
            int end = value.length();
            if (isWhiteSpace(value.charAt(end - 1))) {
                end = endOfText(value);
                problem(WHITE_SPACE, name, "value is followed by white space", lineNo, valueColumn + end, offset,
                        SPEC_WHITE_SPACE);
            }
            int start = 0;
            while (start < end && isWhiteSpace(value.charAt(start))) {
                start++;
            }
            if (start > 0) {
                problem(WHITE_SPACE, name, "value is preceded by white space", lineNo, valueColumn, offset,
                        SPEC_WHITE_SPACE);
                valueColumn += start;
            }
            if (start > 0 || end < value.length()) {
                value = value.substring(start, end);
            }
        }
        switch (tagName.form()) {
            case NONE:
                if (value != null) {
                    problem(MALFORMED_TAG, name, "takes no value", lineNo, valueColumn, offset, tagName.specRef());
                }
                return MarkerTag.of(tagName);
            case INTEGER: {
                String v = value == null ? "" : value;
                if (!strict) {
                    v = v.strip();
                }
                if (!AttributeType.isDecimalInteger(v, 0, v.length()) || v.length() > 18) {
                    problem(MALFORMED_TAG, name, "value '" + value + "' is not a decimal-integer", lineNo, valueColumn,
                            offset, tagName.specRef());
                    return new UnknownTag(name, value);
                }
                return new IntegerTag(tagName, Long.parseLong(v));
            }
            case EXTINF: {
                String v = value == null ? "" : value;
                int comma = v.indexOf(',');
                String duration = comma < 0 ? v : v.substring(0, comma);
                String title = comma < 0 ? "" : v.substring(comma + 1);
                if (comma < 0) {
                    problem(MALFORMED_TAG, name, "has no ',' after the duration", lineNo, valueColumn, offset,
                            tagName.specRef());
                }
                int durationEnd = endOfText(duration);
                int durationStart = 0;
                while (durationStart < durationEnd && isWhiteSpace(duration.charAt(durationStart))) {
                    durationStart++;
                }
                if (durationStart > 0 || durationEnd < duration.length()) {
                    problem(WHITE_SPACE, name, "duration has white space around it", lineNo,
                            valueColumn + (durationStart > 0 ? 0 : durationEnd), offset, SPEC_WHITE_SPACE);
                    duration = duration.substring(durationStart, durationEnd);
                }
                if (!strict) {
                    duration = duration.strip();
                }
                if (!AttributeType.isDecimal(duration, 0)) {
                    problem(MALFORMED_TAG, name, "duration '" + duration + "' is not a decimal-floating-point",
                            lineNo, valueColumn, offset, tagName.specRef());
                    return new UnknownTag(name, value);
                }
                return new Extinf(duration, title);
            }
            case BYTERANGE: {
                ByteRange r = value == null ? null : ByteRange.tryParse(strict ? value : value.strip());
                if (r == null) {
                    problem(MALFORMED_TAG, name, "value '" + value + "' is not <n>[@<o>]", lineNo, valueColumn, offset,
                            tagName.specRef());
                    return new UnknownTag(name, value);
                }
                return r;
            }
            case DATE_TIME: {
                if (value == null || ProgramDateTime.parseOrNull(value) == null) {
                    problem(MALFORMED_TAG, name, "value '" + value + "' is not an ISO 8601 date-time with time zone",
                            lineNo, valueColumn, offset, tagName.specRef());
                    return new UnknownTag(name, value);
                }
                return new ProgramDateTime(value);
            }
            case ENUM: {
                if (value == null || !AttributeType.ENUMERATED_STRING.accepts(value, false)) {
                    problem(MALFORMED_TAG, name, "value '" + value + "' is not an enumerated-string", lineNo,
                            valueColumn, offset, tagName.specRef());
                    return new UnknownTag(name, value);
                }
                return new PlaylistType(value);
            }
            case ATTRIBUTES: {
                AttributeList attributes;
                int[] whiteSpace = strict ? null : this.whiteSpace;
                try {
                    attributes = AttributeList.parse(value == null ? "" : value, strict, limits.maxAttributes(), whiteSpace);
                } catch (LimitExceededException e) {
                    throw exceeded(lineNo, name + " attribute count", "maxAttributes", e.limit(), e.actual(),
                            offset + valueColumn - 1 + e.offset());
                } catch (PlaylistException e) {
                    problem(MALFORMED_TAG, e.field(), e.problem(), lineNo, valueColumn + e.column() - 1, offset,
                            "RFC 8216bis §4.2");
                    return new UnknownTag(name, value);
                }
                if (whiteSpace != null && whiteSpace[0] >= 0) {
                    problem(WHITE_SPACE, name, "attribute list has white space outside a quoted-string", lineNo,
                            valueColumn + whiteSpace[0], offset, "RFC 8216bis §4.2");
                }
                if (tagName == TagName.EXT_X_DEFINE) {
                    define(attributes, lineNo, offset);
                } else if (sawDefine && config.substitutesVariables()) {
                    attributes = substitute(attributes, lineNo, valueColumn, offset);
                }
                return AttributeTag.of(tagName, attributes);
            }
            case RAW:
                return tagName == TagName.UNKNOWN ? new UnknownTag(name, value) : new RawTag(tagName, value);
            default:
                throw new IllegalStateException(tagName.form().name());
        }
    }

    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /** The length of {@code text} without its trailing spaces and tabs. */
    private static int endOfText(String text) {
        int end = text.length();
        while (end > 0 && isWhiteSpace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private AttributeList substitute(AttributeList attributes, int lineNo, int column, long offset) {
        AttributeList.Builder b = null;
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            if ((a.quoted() || a.value().startsWith("0x") || a.value().startsWith("0X")) && a.value().contains("{$")) {
                String v = substitute(a.value(), a.name(), lineNo, column, offset);
                if (!v.equals(a.value())) {
                    if (b == null) {
                        b = attributes.toBuilder();
                    }
                    try {
                        b.set(new Attribute(a.name(), v, a.quoted()));
                    } catch (IllegalArgumentException e) {
                        problem(VARIABLE, a.name(), "substituted value holds a character not allowed there", lineNo,
                                column, offset, "RFC 8216bis §4.3");
                    }
                }
            }
        }
        return b == null ? attributes : b.build();
    }

    private void define(AttributeList a, int lineNo, long offset) {
        sawDefine = true;
        String spec = "RFC 8216bis §4.4.2.3";
        String name = a.quotedString("NAME");
        String imp = a.quotedString("IMPORT");
        String query = a.quotedString("QUERYPARAM");
        int forms = (name != null ? 1 : 0) + (imp != null ? 1 : 0) + (query != null ? 1 : 0);
        if (forms != 1) {
            problem(DEFINE, "EXT-X-DEFINE", "needs exactly one of NAME, IMPORT, QUERYPARAM", lineNo, 1, offset, spec);
            return;
        }
        String var = name != null ? name : imp != null ? imp : query;
        if (!Variables.validName(var)) {
            problem(DEFINE, "EXT-X-DEFINE", "variable name '" + var + "' is not [a-zA-Z0-9_-]+", lineNo, 1, offset, spec);
            return;
        }
        if (variables.has(var)) {
            problem(DEFINE, "EXT-X-DEFINE", "defines " + var + " twice", lineNo, 1, offset, spec);
            return;
        }
        if (variables.size() >= limits.maxVariables()) {
            throw exceeded(lineNo, "EXT-X-DEFINE count", "maxVariables", limits.maxVariables(), variables.size() + 1L, offset);
        }
        String value;
        if (name != null) {
            value = a.quotedString("VALUE");
            if (value == null) {
                problem(DEFINE, "EXT-X-DEFINE", "NAME " + var + " has no VALUE", lineNo, 1, offset, spec);
                return;
            }
        } else if (imp != null) {
            value = config.parentVariables().get(imp);
            if (value == null) {
                problem(DEFINE, "EXT-X-DEFINE", "IMPORT " + imp + " is not defined by the multivariant playlist",
                        lineNo, 1, offset, spec);
                return;
            }
        } else {
            value = Variables.queryParam(config.playlistUrl(), query);
            if (value == null) {
                problem(DEFINE, "EXT-X-DEFINE", "QUERYPARAM " + query + " is not in the playlist URL", lineNo, 1, offset, spec);
                return;
            }
        }
        variables.put(var, value);
    }

    /**
     * Builds the playlist, runs the rules of {@link PlaylistValidator}, and returns the result (its
     * diagnostics are empty when a sink took them).
     */
    ParseResult finish() {
        Playlist playlist = multivariantTags > mediaTags ? new MultivariantPlaylist(lines)
                : new MediaPlaylist(lines, summary, segments);
        PlaylistValidator.Positions positions = new PlaylistValidator.Positions(lineNumbers, offsets, kinds, maxExtinfMicros);
        for (Diagnostic d : PlaylistValidator.validate(playlist, positions)) {
            report(d);
        }
        return new ParseResult(playlist, diagnostics);
    }
}
