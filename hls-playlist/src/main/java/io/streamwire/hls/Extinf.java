package io.streamwire.hls;

/**
 * EXTINF, RFC 8216bis §4.4.4.1: {@code #EXTINF:<duration>,[<title>]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param duration the duration in seconds as decimal text (kept as written, so no float noise)
 * @param title the title after the comma, empty when none
 * @since 0.1.0
 */
public record Extinf(String duration, String title) implements PlaylistTag {
    public Extinf {
        if (!AttributeType.isDecimal(duration, 0)) {
            throw new IllegalArgumentException("EXTINF duration '" + duration + "' is not a decimal");
        }
        Checks.noLineBreak(title, "title");
    }

    /** An EXTINF of {@code seconds}, written without float noise. */
    public static Extinf of(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("EXTINF duration " + seconds + " is negative");
        }
        return new Extinf(Decimals.format(seconds), "");
    }

    /** The duration in seconds. */
    public double durationSeconds() {
        return Double.parseDouble(duration);
    }

    /** Whether the duration has a fraction (needs EXT-X-VERSION 3, §7). */
    public boolean isFractional() {
        int dot = duration.indexOf('.');
        if (dot < 0) {
            return false;
        }
        for (int i = dot + 1; i < duration.length(); i++) {
            if (duration.charAt(i) != '0') {
                return true;
            }
        }
        return dot + 1 < duration.length();
    }

    @Override
    public TagName tagName() {
        return TagName.EXTINF;
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append("#EXTINF:").append(duration).append(',').append(title);
    }
}
