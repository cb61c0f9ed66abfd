package io.streamwire.mp4;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;

/**
 * Root of the errors this module raises for malformed ISO BMFF input: a box size below its header
 * or past its parent, a count past its spec bound or past the bytes of its box, a sample table that
 * does not add up. Catch it to catch one module; the shared subtypes of {@link StreamwireException}
 * say why input was refused whatever module refused it: {@link TruncatedInputException} (the input
 * ends inside a box header or payload), {@link LimitExceededException} (names the {@link Mp4Limits}
 * setting) and {@link io.streamwire.core.UnsupportedFeatureException}. All of them carry
 * {@link #module()} {@code "mp4"}.
 *
 * <p>Carries the byte offset of the problem counted from the start of the stream, the box path and
 * element it concerns ({@link #field()}, e.g. {@code "moov/trak[1]/mdia/minf/stbl/stsz sample_count"};
 * {@link #boxPath()} gives the path alone) and the spec reference. Messages read
 * {@code "moov/trak[1]/mdia/minf/stbl/stsz sample_count 1000 entries need 4000 bytes, 12 remain in
 * the box at offset 41; ISO/IEC 14496-12:2022 §8.7.3.2"}. Paths name each box by its four-character
 * code; boxes that repeat under one parent (trak, traf, trun, sample entries) carry their 1-based
 * index among the siblings of that type in brackets.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.2.0
 */
public class Mp4Exception extends StreamwireException {
    private static final long serialVersionUID = 1L;

    /** The name every exception of this module carries in {@link #module()}. */
    static final String MODULE = "mp4";

    private final String boxPath;

    /**
     * @param boxPath the path of the box at fault, e.g. {@code "moov/trak[1]/mdia/minf/stbl/stsz"}
     *     ({@code ""} above the top level)
     * @param element the syntax element, e.g. {@code "sample_count"}, or null for the box as a whole
     * @param problem what is wrong with it, e.g. {@code "1000 entries need 4000 bytes, 12 remain"}
     * @param offset byte offset from the start of the stream, or -1 when unknown
     * @param specRef the spec section, e.g. {@code "ISO/IEC 14496-12:2022 §8.7.3"}, or null
     */
    public Mp4Exception(String boxPath, String element, String problem, long offset, String specRef) {
        super(MODULE, field(boxPath, element), problem, offset, specRef);
        this.boxPath = boxPath;
    }

    /** The path of the box at fault, e.g. {@code "moov/trak[1]/mdia/minf/stbl/stsz"}; empty above the top level. */
    public String boxPath() {
        return boxPath;
    }

    static String field(String boxPath, String element) {
        if (boxPath == null || boxPath.isEmpty()) {
            return element == null ? "box" : element;
        }
        return element == null ? boxPath : boxPath + " " + element;
    }

    /** A {@link LimitExceededException} of this module naming {@code Mp4Limits.<setting>()}. */
    static LimitExceededException limit(String boxPath, String element, String setting, long limit, long actual, long offset) {
        return new LimitExceededException(MODULE, field(boxPath, element), "Mp4Limits." + setting + "()", limit, actual, offset);
    }

    /** A {@link TruncatedInputException} of this module. */
    static TruncatedInputException truncated(String boxPath, String element, String problem, long offset, String specRef) {
        return new TruncatedInputException(MODULE, field(boxPath, element), problem, offset, specRef);
    }
}
