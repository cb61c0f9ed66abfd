package io.streamwire.hls;

/**
 * Root of every error the hls-playlist module raises for a playlist that is malformed, past a limit
 * or breaks a rule of the spec.
 *
 * <p>Carries the byte offset from the start of the playlist, the 1-based line and column, the tag
 * or attribute at fault and the spec section. Messages read
 * {@code "<field> <problem> at line <l>, column <c> (offset <n>); <spec reference>"}.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class PlaylistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final int line;
    private final int column;
    private final String field;
    private final String specRef;

    /**
     * @param field the tag or attribute at fault, e.g. {@code "EXT-X-TARGETDURATION"}
     * @param problem what is wrong, e.g. {@code "is missing"}
     * @param offset byte offset from the start of the playlist, or -1 when unknown
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param specRef the spec section, e.g. {@code "RFC 8216 §4.3.3.1"}, or null
     */
    public PlaylistException(String field, String problem, long offset, int line, int column, String specRef) {
        super(field + " " + problem + (line > 0 ? " at line " + line + ", column " + column : "")
                + (offset >= 0 ? " (offset " + offset + ")" : "") + (specRef != null ? "; " + specRef : ""));
        this.offset = offset;
        this.line = line;
        this.column = column;
        this.field = field;
        this.specRef = specRef;
    }

    /** Byte offset from the start of the playlist, or -1 when unknown. */
    public long offset() {
        return offset;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The tag or attribute at fault. */
    public String field() {
        return field;
    }

    /** The spec section, or null. */
    public String specRef() {
        return specRef;
    }
}
