package io.streamwire.hls;

import static io.streamwire.hls.HlsAnomalyKind.ATTRIBUTE;
import static io.streamwire.hls.HlsAnomalyKind.DEFINE;
import static io.streamwire.hls.HlsAnomalyKind.REFERENCE;
import static io.streamwire.hls.HlsAnomalyKind.STRUCTURE;
import static io.streamwire.hls.HlsAnomalyKind.TIMING;
import static io.streamwire.hls.HlsAnomalyKind.VERSION;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a playlist against the rules of RFC 8216bis: EXTM3U first (§4.4.1.1); tags that may appear
 * once (§4.4); media and multivariant tags not mixed (§4.1); attribute types, REQUIRED attributes
 * and duplicate attribute names (§4.2, §4.4); EXT-X-TARGETDURATION present and every EXTINF rounded
 * at most it (§4.4.3.1); EXT-X-MEDIA-SEQUENCE and DISCONTINUITY-SEQUENCE before the first segment
 * (§4.4.3.2-3); EXTINF before every segment URI (§4.4.4.1); implicit byte-range offsets only after
 * a range of the same resource (§4.4.4.2); EXT-X-KEY method rules (§4.4.4.4); EXT-X-MAP byte range
 * with offset (§4.4.4.5); DATERANGE rules (§4.4.5.1); LL-HLS: EXT-X-PART needs EXT-X-PART-INF, part
 * durations at most PART-TARGET, PART-HOLD-BACK present and at least 3 × PART-TARGET, HOLD-BACK at
 * least 3 × target duration, CAN-SKIP-UNTIL at least 6 × target duration (§4.4.3.7-8, §4.4.4.9);
 * EXT-X-STREAM-INF followed by a URI and its AUDIO/VIDEO/SUBTITLES/CLOSED-CAPTIONS groups defined
 * by EXT-X-MEDIA of that TYPE (§4.4.6.2.1); EXT-X-MEDIA rules (§4.4.6.1); EXT-X-VERSION at least
 * what the features need (§8).
 *
 * <p>The parser runs the same rules (strict mode throws the first, lenient mode returns them); call
 * {@link #validate(Playlist)} for a playlist built in code.
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class PlaylistValidator {
    private PlaylistValidator() {}

    /** Where each line came from: 1-based line numbers and offsets, by index in {@code lines()}. */
    /**
     * What the parser learnt about the lines: 1-based line numbers and offsets, each line's kind
     * ({@link #KIND_URI}, {@link #KIND_EXTINF} or {@link #KIND_OTHER}), by index in {@code lines()},
     * and the longest EXTINF duration in microseconds.
     */
    record Positions(int[] lineNumbers, long[] offsets, byte[] kinds, long maxExtinfMicros) {}

    static final byte KIND_OTHER = 0;
    static final byte KIND_URI = 1;
    static final byte KIND_EXTINF = 2;
    private static final byte KIND_UNKNOWN = -1;

    /** Every rule violation of {@code playlist}, in line order; empty when it follows the spec. */
    public static List<Diagnostic> validate(Playlist playlist) {
        return validate(playlist, null);
    }

    static List<Diagnostic> validate(Playlist playlist, Positions positions) {
        return new Run(playlist, positions).run();
    }

    private static final Set<TagName> ONCE = java.util.EnumSet.of(TagName.EXTM3U, TagName.EXT_X_VERSION, TagName.EXT_X_TARGETDURATION,
            TagName.EXT_X_MEDIA_SEQUENCE, TagName.EXT_X_DISCONTINUITY_SEQUENCE, TagName.EXT_X_PLAYLIST_TYPE,
            TagName.EXT_X_ENDLIST, TagName.EXT_X_I_FRAMES_ONLY, TagName.EXT_X_PART_INF, TagName.EXT_X_SERVER_CONTROL,
            TagName.EXT_X_INDEPENDENT_SEGMENTS, TagName.EXT_X_START, TagName.EXT_X_SKIP, TagName.EXT_X_CONTENT_STEERING);

    private static final class Run {
        private final Playlist playlist;
        private final Positions positions;
        private final List<Diagnostic> out = new ArrayList<>();
        private final List<PlaylistLine> lines;
        private final boolean media;

        Run(Playlist playlist, Positions positions) {
            this.playlist = playlist;
            this.positions = positions;
            this.lines = playlist.lines();
            this.media = playlist instanceof MediaPlaylist;
        }

        void report(HlsAnomalyKind kind, int index, String field, String problem, String specRef) {
            report(kind, index, 1, field, problem, specRef);
        }

        void report(HlsAnomalyKind kind, int index, int column, String field, String problem, String specRef) {
            int line = 0;
            long offset = -1;
            if (positions != null && index >= 0 && index < lines.size()) {
                line = positions.lineNumbers()[index];
                offset = positions.offsets()[index] + column - 1;
            } else if (positions != null) {
                line = 1;
                column = 1;
                offset = 0;
            } else {
                column = 0;
            }
            out.add(new Diagnostic(kind, field, problem, line, column, offset, specRef));
        }

        List<Diagnostic> run() {
            if (lines.isEmpty() || !MarkerTag.EXTM3U.equals(lines.get(0))) {
                report(STRUCTURE, 0, "EXTM3U", "is not the first line", "RFC 8216bis §4.4.1.1");
            }
            Map<TagName, Integer> seen = new EnumMap<>(TagName.class);
            int n = lines.size();
            byte[] kinds = positions == null ? null : positions.kinds();
            for (int i = 0; i < n; i++) {
                if (kinds != null && kinds[i] != KIND_OTHER) {
                    continue; // a URI or EXTINF line: nothing to check here, and no need to read it
                }
                PlaylistLine line = lines.get(i);
                if (line instanceof Uri || line instanceof Extinf) {
                    continue;
                }
                TagName name = line.tagName();
                if (name != null) {
                    if (ONCE.contains(name) && seen.put(name, i) != null) {
                        report(STRUCTURE, i, name.text(), "appears more than once", name.specRef());
                    }
                    if (name.form() == TagName.Form.ATTRIBUTES && name != TagName.UNKNOWN) {
                        attributes(i, (AttributeTag) line);
                    }
                    TagName.Scope scope = name.scope();
                    if (media && scope == TagName.Scope.MULTIVARIANT) {
                        report(STRUCTURE, i, name.text(), "is a multivariant playlist tag in a media playlist",
                                "RFC 8216bis §4.1");
                    } else if (!media && (scope == TagName.Scope.MEDIA || scope == TagName.Scope.SEGMENT)
                            && name.form() != TagName.Form.RAW) {
                        report(STRUCTURE, i, name.text(), "is a media playlist tag in a multivariant playlist",
                                "RFC 8216bis §4.1");
                    }
                }
            }
            if (media) {
                media(seen);
            } else {
                multivariant();
            }
            int needed = Versions.minimumVersion(playlist, positions == null ? null : positions.kinds());
            int declared = playlist.version();
            if (declared < needed) {
                Integer at = seen.get(TagName.EXT_X_VERSION);
                report(VERSION, at == null ? 0 : at, "EXT-X-VERSION", (at == null ? "is absent (1)" : "is " + declared)
                        + " but the playlist's features need " + needed, "RFC 8216bis §8");
            }
            out.sort((a, b) -> Integer.compare(a.line(), b.line()));
            return out;
        }

        private int columnOf(int index, AttributeTag tag, String attribute) {
            StringBuilder b = new StringBuilder();
            tag.appendTo(b);
            int at = b.indexOf(":" + attribute + "=");
            if (at < 0) {
                at = b.indexOf("," + attribute + "=");
            }
            return at < 0 ? 1 : at + 2;
        }

        private void attributes(int i, AttributeTag tag) {
            TagName name = tag.tagName();
            Map<String, AttributeSchemas.Spec> schema = AttributeSchemas.of(name);
            AttributeList list = tag.attributes();
            Set<String> names = list.size() > 1 ? new HashSet<>() : null;
            for (int k = 0; k < list.size(); k++) {
                Attribute a = list.get(k);
                if (names != null && !names.add(a.name())) {
                    report(ATTRIBUTE, i, columnOf(i, tag, a.name()), a.name(), "appears twice in " + name.text(),
                            "RFC 8216bis §4.2");
                }
                AttributeSchemas.Spec spec = schema.get(a.name());
                if (spec != null && spec.type() == AttributeType.ENUMERATED_STRING && !a.quoted()
                        && AttributeSchemas.ENUM_VALUES.containsKey(a.name())
                        && !AttributeSchemas.ENUM_VALUES.get(a.name()).contains(a.value())) {
                    report(ATTRIBUTE, i, columnOf(i, tag, a.name()), a.name(),
                            "of " + name.text() + " is '" + a.value() + "', not one of "
                            + new java.util.TreeSet<>(AttributeSchemas.ENUM_VALUES.get(a.name())), name.specRef());
                }
                if (spec != null && !spec.type().accepts(a.value(), a.quoted())
                        && !(a.name().equals("CLOSED-CAPTIONS") && !a.quoted() && a.value().equals("NONE"))) {
                    report(ATTRIBUTE, i, columnOf(i, tag, a.name()), a.name(), "of " + name.text() + " is not a "
                            + spec.type().name().toLowerCase().replace('_', '-') + ": '" + a.value() + "'", name.specRef());
                }
            }
            for (Map.Entry<String, AttributeSchemas.Spec> e : schema.entrySet()) {
                if (e.getValue().required() && !list.has(e.getKey())) {
                    if (name == TagName.EXT_X_KEY && e.getKey().equals("URI")) {
                        continue;
                    }
                    report(ATTRIBUTE, i, e.getKey(), "is REQUIRED in " + name.text(), name.specRef());
                }
            }
            if (tag instanceof Key k) {
                String method = k.method();
                if (method != null && !method.equals("NONE") && !method.equals("AES-128") && !method.equals("SAMPLE-AES")
                        && !method.equals("SAMPLE-AES-CTR")) {
                    report(ATTRIBUTE, i, "METHOD", "'" + method + "' is not NONE, AES-128, SAMPLE-AES or SAMPLE-AES-CTR",
                            name.specRef());
                }
                if (k.isNone() && list.size() > 1) {
                    report(ATTRIBUTE, i, "METHOD", "NONE takes no other attributes", name.specRef());
                }
                if (k.isNone() && k.session()) {
                    report(ATTRIBUTE, i, "METHOD", "NONE is not allowed in EXT-X-SESSION-KEY", name.specRef());
                }
                if (method != null && !k.isNone() && k.uri() == null) {
                    report(ATTRIBUTE, i, "URI", "is REQUIRED unless METHOD is NONE", name.specRef());
                }
                String iv = list.value("IV");
                if (iv != null && AttributeType.HEXADECIMAL_SEQUENCE.accepts(iv, list.find("IV").quoted()) && iv.length() != 34) {
                    report(ATTRIBUTE, i, "IV", "is not 128 bits", name.specRef());
                }
            } else if (tag instanceof SegmentMap m) {
                String br = list.quotedString("BYTERANGE");
                if (br != null && (m.byteRange() == null || !m.byteRange().hasOffset())) {
                    report(ATTRIBUTE, i, "BYTERANGE", "must be <n>@<o>", name.specRef());
                }
            } else if (tag instanceof Part p) {
                String br = list.quotedString("BYTERANGE");
                if (br != null && p.byteRange() == null) {
                    report(ATTRIBUTE, i, "BYTERANGE", "is not <n>[@<o>]", name.specRef());
                }
            } else if (tag instanceof PreloadHint h) {
                if (h.type() != null && !h.type().equals("PART") && !h.type().equals("MAP")) {
                    report(ATTRIBUTE, i, "TYPE", "'" + h.type() + "' is not PART or MAP", name.specRef());
                }
            } else if (tag instanceof Media m) {
                media(i, m);
            } else if (tag instanceof Define d && d.importName() != null && !media) {
                report(DEFINE, i, "IMPORT", "is only allowed in a media playlist", name.specRef());
            } else if (tag instanceof DateRange d) {
                dateRange(i, d);
            }
        }

        private void media(int i, Media m) {
            String spec = TagName.EXT_X_MEDIA.specRef();
            String type = m.type();
            if (type != null && !Set.of("AUDIO", "VIDEO", "SUBTITLES", "CLOSED-CAPTIONS").contains(type)) {
                report(ATTRIBUTE, i, "TYPE", "'" + type + "' is not AUDIO, VIDEO, SUBTITLES or CLOSED-CAPTIONS", spec);
            }
            if ("CLOSED-CAPTIONS".equals(type)) {
                if (m.uri() != null) {
                    report(ATTRIBUTE, i, "URI", "must not be present for CLOSED-CAPTIONS", spec);
                }
                if (m.instreamId() == null) {
                    report(ATTRIBUTE, i, "INSTREAM-ID", "is REQUIRED for CLOSED-CAPTIONS", spec);
                }
            } else if (m.instreamId() != null) {
                report(ATTRIBUTE, i, "INSTREAM-ID", "is only for CLOSED-CAPTIONS", spec);
            }
            if ("SUBTITLES".equals(type) && m.uri() == null) {
                report(ATTRIBUTE, i, "URI", "is REQUIRED for SUBTITLES", spec);
            }
            String autoselect = m.attributes().enumeratedString("AUTOSELECT");
            if (m.isDefault() && autoselect != null && !autoselect.equals("YES")) {
                report(ATTRIBUTE, i, "AUTOSELECT", "must be YES when DEFAULT is YES", spec);
            }
        }

        private void dateRange(int i, DateRange d) {
            String spec = TagName.EXT_X_DATERANGE.specRef();
            if (d.startDate() != null && d.startInstant() == null) {
                report(ATTRIBUTE, i, "START-DATE", "is not an ISO 8601 date-time", spec);
            }
            if (d.endDate() != null) {
                java.time.Instant end = ProgramDateTime.parseOrNull(d.endDate());
                if (end == null) {
                    report(ATTRIBUTE, i, "END-DATE", "is not an ISO 8601 date-time", spec);
                } else if (d.startInstant() != null && end.isBefore(d.startInstant())) {
                    report(ATTRIBUTE, i, "END-DATE", "is before START-DATE", spec);
                }
            }
            if (d.endOnNext()) {
                if (d.classAttribute() == null) {
                    report(ATTRIBUTE, i, "END-ON-NEXT", "needs a CLASS attribute", spec);
                }
                if (d.attributes().has("DURATION") || d.attributes().has("END-DATE")) {
                    report(ATTRIBUTE, i, "END-ON-NEXT", "excludes DURATION and END-DATE", spec);
                }
            }
        }

        private String uriAt(int index) {
            return ((Uri) lines.get(index)).value();
        }

        private static long roundedSeconds(long micros) {
            return micros / 1_000_000 + (micros % 1_000_000 >= 500_000 ? 1 : 0);
        }

        private void media(Map<TagName, Integer> seen) {
            MediaPlaylist m = (MediaPlaylist) playlist;
            long target = m.targetDuration();
            if (!seen.containsKey(TagName.EXT_X_TARGETDURATION)) {
                report(STRUCTURE, 0, "EXT-X-TARGETDURATION", "is missing", TagName.EXT_X_TARGETDURATION.specRef());
            }
            int firstUri = -1;
            int n = lines.size();
            boolean extinf = false;
            int extinfAt = -1;
            boolean range = false;
            String lastRangeUri = null;
            boolean rangeWithoutOffset = false;
            int rangeAt = -1;
            boolean pdt = false;
            int dateRangeAt = -1;
            String memoText = null;
            long memoMicros = 0;
            PartInf partInf = m.partInf();
            double partTarget = partInf == null ? Double.NaN : partInf.partTarget();
            byte[] kinds = positions == null ? null : positions.kinds();
            // the parser knows the longest EXTINF: when it rounds within the target, none is above it
            boolean checkDurations = target >= 0 && (kinds == null || roundedSeconds(positions.maxExtinfMicros()) > target);
            for (int i = 0; i < n; i++) {
                byte kind = kinds == null ? KIND_UNKNOWN : kinds[i];
                if (kind == KIND_EXTINF) {
                    extinf = true;
                    extinfAt = i;
                    continue;
                }
                PlaylistLine l = kind == KIND_URI ? null : lines.get(i);
                if (kind == KIND_URI || l instanceof Uri) {
                    // the URI line itself is read only when a rule needs its value
                    if (firstUri < 0) {
                        firstUri = i;
                    }
                    if (!extinf) {
                        report(STRUCTURE, i, "EXTINF", "is missing before media segment " + uriAt(i), TagName.EXTINF.specRef());
                    } else if (checkDurations) {
                        String d = ((Extinf) lines.get(extinfAt)).duration();
                        long micros;
                        if (d == memoText) { // the parser hands out one string per distinct duration
                            micros = memoMicros;
                        } else {
                            micros = Decimals.parseMicros(d);
                            memoText = d;
                            memoMicros = micros;
                        }
                        if (roundedSeconds(micros) > target) {
                            report(TIMING, extinfAt, 9, "EXTINF", "duration " + d + " rounds above EXT-X-TARGETDURATION "
                                    + target, TagName.EXT_X_TARGETDURATION.specRef());
                        }
                    }
                    if (rangeWithoutOffset && !uriAt(i).equals(lastRangeUri)) {
                        report(REFERENCE, rangeAt, "EXT-X-BYTERANGE",
                                "has no offset but the previous segment is not a sub-range of "
                                + uriAt(i), TagName.EXT_X_BYTERANGE.specRef());
                    }
                    lastRangeUri = range ? uriAt(i) : null;
                    extinf = false;
                    range = false;
                    rangeWithoutOffset = false;
                } else if (l instanceof Extinf) {
                    extinf = true;
                    extinfAt = i;
                } else if (l instanceof ByteRange r) {
                    range = true;
                    rangeWithoutOffset = !r.hasOffset();
                    rangeAt = i;
                } else if (l instanceof ProgramDateTime) {
                    pdt = true;
                } else if (l instanceof DateRange) {
                    dateRangeAt = dateRangeAt < 0 ? i : dateRangeAt;
                } else if (l instanceof Part p) {
                    if (partInf == null) {
                        report(STRUCTURE, i, "EXT-X-PART", "needs EXT-X-PART-INF in the playlist",
                                TagName.EXT_X_PART_INF.specRef());
                    } else if (p.duration() > partTarget) {
                        report(TIMING, i, "DURATION", "of EXT-X-PART " + p.duration() + " exceeds PART-TARGET " + partTarget,
                                TagName.EXT_X_PART.specRef());
                    }
                } else if (l instanceof IntegerTag t && firstUri >= 0 && (t.tagName() == TagName.EXT_X_MEDIA_SEQUENCE
                        || t.tagName() == TagName.EXT_X_DISCONTINUITY_SEQUENCE)) {
                    report(STRUCTURE, i, t.name(), "appears after the first media segment", t.tagName().specRef());
                }
            }
            if (extinf) {
                report(STRUCTURE, extinfAt, "EXTINF", "is not followed by a media segment URI", TagName.EXTINF.specRef());
            }
            if (dateRangeAt >= 0 && !pdt) {
                report(STRUCTURE, dateRangeAt, "EXT-X-DATERANGE", "needs an EXT-X-PROGRAM-DATE-TIME in the playlist",
                        TagName.EXT_X_DATERANGE.specRef());
            }
            PlaylistType type = m.playlistType();
            if (type != null && !type.isKnown()) {
                report(ATTRIBUTE, seen.get(TagName.EXT_X_PLAYLIST_TYPE), "EXT-X-PLAYLIST-TYPE",
                        "'" + type.value() + "' is not EVENT or VOD",
                        TagName.EXT_X_PLAYLIST_TYPE.specRef());
            }
            ServerControl sc = m.serverControl();
            Integer scAt = seen.get(TagName.EXT_X_SERVER_CONTROL);
            String spec = TagName.EXT_X_SERVER_CONTROL.specRef();
            if (partInf != null && !Double.isNaN(partTarget)) {
                double phb = sc == null ? Double.NaN : sc.partHoldBack();
                if (Double.isNaN(phb)) {
                    report(ATTRIBUTE, scAt == null ? seen.get(TagName.EXT_X_PART_INF) : scAt, "PART-HOLD-BACK",
                            "is REQUIRED when EXT-X-PART-INF is present", spec);
                } else if (phb < 3 * partTarget) {
                    report(TIMING, scAt, "PART-HOLD-BACK", phb + " is less than 3 × PART-TARGET " + partTarget, spec);
                }
            }
            if (sc != null && target >= 0) {
                double hb = sc.holdBack();
                if (!Double.isNaN(hb) && hb < 3 * target) {
                    report(TIMING, scAt, "HOLD-BACK", hb + " is less than 3 × EXT-X-TARGETDURATION " + target, spec);
                }
                double skip = sc.canSkipUntil();
                if (!Double.isNaN(skip) && skip < 6 * target) {
                    report(TIMING, scAt, "CAN-SKIP-UNTIL", skip + " is less than 6 × EXT-X-TARGETDURATION " + target, spec);
                }
            }
        }

        private void multivariant() {
            Map<String, Set<String>> groups = new HashMap<>();
            Map<String, Set<String>> namesInGroup = new HashMap<>();
            int n = lines.size();
            for (int i = 0; i < n; i++) {
                if (lines.get(i) instanceof Media m && m.type() != null && m.groupId() != null) {
                    groups.computeIfAbsent(m.type(), k -> new HashSet<>()).add(m.groupId());
                    String name = m.nameAttribute();
                    if (name != null && !namesInGroup.computeIfAbsent(m.type() + "/" + m.groupId(), k -> new HashSet<>()).add(name)) {
                        report(ATTRIBUTE, i, "NAME", "'" + name + "' appears twice in group " + m.groupId(),
                                TagName.EXT_X_MEDIA.specRef());
                    }
                }
            }
            StreamInf pending = null;
            int pendingAt = -1;
            for (int i = 0; i < n; i++) {
                PlaylistLine l = lines.get(i);
                if (l instanceof StreamInf s && !s.iFrame()) {
                    if (pending != null) {
                        report(STRUCTURE, pendingAt, "EXT-X-STREAM-INF", "is not followed by a URI line",
                                TagName.EXT_X_STREAM_INF.specRef());
                    }
                    pending = s;
                    pendingAt = i;
                    group(i, s, "AUDIO", "AUDIO", groups);
                    group(i, s, "VIDEO", "VIDEO", groups);
                    group(i, s, "SUBTITLES", "SUBTITLES", groups);
                    Attribute cc = s.attributes().find("CLOSED-CAPTIONS");
                    if (cc != null && cc.quoted()) {
                        group(i, s, "CLOSED-CAPTIONS", "CLOSED-CAPTIONS", groups);
                    }
                } else if (l instanceof StreamInf s) {
                    group(i, s, "VIDEO", "VIDEO", groups);
                } else if (l instanceof Uri u) {
                    if (pending == null) {
                        report(STRUCTURE, i, "URI", "'" + u.value() + "' does not follow EXT-X-STREAM-INF",
                                TagName.EXT_X_STREAM_INF.specRef());
                    }
                    pending = null;
                }
            }
            if (pending != null) {
                report(STRUCTURE, pendingAt, "EXT-X-STREAM-INF", "is not followed by a URI line",
                        TagName.EXT_X_STREAM_INF.specRef());
            }
        }

        private void group(int i, StreamInf s, String attribute, String type, Map<String, Set<String>> groups) {
            String id = s.attributes().quotedString(attribute);
            if (id != null && !groups.getOrDefault(type, Set.of()).contains(id)) {
                report(REFERENCE, i, attribute, "group '" + id + "' has no EXT-X-MEDIA of TYPE=" + type,
                        "RFC 8216bis §4.4.6.2.1");
            }
        }
    }
}
