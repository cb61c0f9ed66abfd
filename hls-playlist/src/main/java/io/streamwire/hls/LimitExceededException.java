package io.streamwire.hls;

/**
 * A playlist passed one of the {@link PlaylistLimits}. The message names the setting to raise.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class LimitExceededException extends PlaylistException {
    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limit;
    private final long actual;

    /**
     * @param limitName the {@link PlaylistLimits} component, e.g. {@code "maxLineLength"}
     * @param limit its value
     * @param actual what the input needed (at least)
     */
    public LimitExceededException(String limitName, long limit, long actual, long offset, int line, int column) {
        super(limitName, actual + " exceeds the limit " + limit + " (see PlaylistLimits." + limitName + "())",
                offset, line, column, null);
        this.limitName = limitName;
        this.limit = limit;
        this.actual = actual;
    }

    /** The limit's name. */
    public String limitName() {
        return limitName;
    }

    /** The limit's value. */
    public long limit() {
        return limit;
    }

    /** What the input needed, at least. */
    public long actual() {
        return actual;
    }
}
