package io.streamwire.hls;

import io.streamwire.core.StreamwireException;

/**
 * Root of the errors the hls-playlist module raises for a playlist that is malformed or breaks a
 * rule of the spec (module {@code "hls"}). A playlist past one of the {@link PlaylistLimits} raises
 * the shared {@link io.streamwire.core.LimitExceededException} instead; {@code catch
 * (StreamwireException e)} catches both.
 *
 * <p>Beside the {@link #offset() offset} (bytes from the start of the playlist; chars for
 * {@code String} input), the {@link #field() tag or attribute} and the {@link #specRef() spec
 * section}, it carries the 1-based {@link #line()} and {@link #column()}. Messages read
 * {@code "<field> <problem> at line <l>, column <c> at offset <n>; <spec reference>"}, e.g.
 * {@code "EXTINF duration 5 rounds above EXT-X-TARGETDURATION 4 at line 3, column 9 at offset 38; RFC 8216bis §4.4.3.1"}.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class PlaylistException extends StreamwireException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String problem;

    /**
     * An error without a line and column.
     *
     * @param field the tag or attribute at fault, e.g. {@code "EXT-X-TARGETDURATION"}
     * @param problem what is wrong, e.g. {@code "is missing"}
     * @param offset offset from the start of the playlist, or -1 when unknown
     * @param specRef the spec section, e.g. {@code "RFC 8216bis §4.4.3.1"}, or null
     */
    public PlaylistException(String field, String problem, long offset, String specRef) {
        this(field, problem, offset, 0, 0, specRef);
    }

    /**
     * @param field the tag or attribute at fault, e.g. {@code "EXT-X-TARGETDURATION"}
     * @param problem what is wrong, e.g. {@code "is missing"}
     * @param offset offset from the start of the playlist, or -1 when unknown
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param specRef the spec section, e.g. {@code "RFC 8216bis §4.4.3.1"}, or null
     */
    public PlaylistException(String field, String problem, long offset, int line, int column, String specRef) {
        super("hls", field, problem + (line > 0 ? " at line " + line + ", column " + column
                : column > 0 ? " at column " + column : ""), offset, specRef);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position (the message's text after the field). */
    String problem() {
        return problem;
    }
}
