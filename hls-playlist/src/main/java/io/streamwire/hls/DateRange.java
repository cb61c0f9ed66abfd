package io.streamwire.hls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * EXT-X-DATERANGE, RFC 8216bis §4.4.5.1: a range of time with attributes, SCTE-35 splice
 * information (§4.4.5.1.1) and the X- client attributes used for interstitials (Apple HLS
 * interstitials: X-ASSET-URI, X-ASSET-LIST, X-RESUME-OFFSET, X-PLAYOUT-LIMIT, X-SNAP, X-RESTRICT, ...).
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record DateRange(AttributeList attributes) implements AttributeTag {
    public DateRange {
        Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_DATERANGE;
    }

    /** ID. */
    public String id() {
        return attributes.quotedString("ID");
    }

    /** CLASS, or null. */
    public String classAttribute() {
        return attributes.quotedString("CLASS");
    }

    /** START-DATE as written, or null. */
    public String startDate() {
        return attributes.quotedString("START-DATE");
    }

    /** START-DATE as an instant, or null. */
    public Instant startInstant() {
        String v = startDate();
        return v == null ? null : ProgramDateTime.parseOrNull(v);
    }

    /** CUE (PRE, POST, ONCE, comma separated), or null. */
    public String cue() {
        return attributes.quotedString("CUE");
    }

    /** END-DATE as written, or null. */
    public String endDate() {
        return attributes.quotedString("END-DATE");
    }

    /** DURATION in seconds, NaN when absent. */
    public double duration() {
        return attributes.decimalFloat("DURATION");
    }

    /** PLANNED-DURATION in seconds, NaN when absent. */
    public double plannedDuration() {
        return attributes.decimalFloat("PLANNED-DURATION");
    }

    /** END-ON-NEXT=YES. */
    public boolean endOnNext() {
        return "YES".equals(attributes.enumeratedString("END-ON-NEXT"));
    }

    /** SCTE35-CMD bytes, or null. */
    public byte[] scte35Cmd() {
        return attributes.hexadecimalSequence("SCTE35-CMD");
    }

    /** SCTE35-OUT bytes, or null. */
    public byte[] scte35Out() {
        return attributes.hexadecimalSequence("SCTE35-OUT");
    }

    /** SCTE35-IN bytes, or null. */
    public byte[] scte35In() {
        return attributes.hexadecimalSequence("SCTE35-IN");
    }

    /** The client-defined attributes (names starting {@code X-}), in order. */
    public List<Attribute> clientAttributes() {
        List<Attribute> out = new ArrayList<>();
        for (Attribute a : attributes.asList()) {
            if (a.name().startsWith("X-")) {
                out.add(a);
            }
        }
        return out;
    }

    /** Whether CLASS is {@code com.apple.hls.interstitial}. */
    public boolean isInterstitial() {
        return "com.apple.hls.interstitial".equals(classAttribute());
    }

    /** Interstitial X-ASSET-URI, or null. */
    public String assetUri() {
        return attributes.quotedString("X-ASSET-URI");
    }

    /** Interstitial X-ASSET-LIST, or null. */
    public String assetList() {
        return attributes.quotedString("X-ASSET-LIST");
    }

    /** Interstitial X-RESUME-OFFSET in seconds, NaN when absent. */
    public double resumeOffset() {
        return attributes.decimalFloat("X-RESUME-OFFSET");
    }

    /** Interstitial X-PLAYOUT-LIMIT in seconds, NaN when absent. */
    public double playoutLimit() {
        return attributes.decimalFloat("X-PLAYOUT-LIMIT");
    }

    /** Interstitial X-SNAP (OUT, IN), or null. */
    public String snap() {
        return attributes.quotedString("X-SNAP");
    }

    /** Interstitial X-RESTRICT (SKIP, JUMP), or null. */
    public String restrict() {
        return attributes.quotedString("X-RESTRICT");
    }
}
