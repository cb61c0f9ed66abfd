package io.streamwire.flv;

/**
 * FLV input went past one of the {@link FlvLimits}; the message names the setting to change.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class FlvLimitExceededException extends FlvException {
    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limit;
    private final long actual;

    /**
     * @param field the spec element
     * @param limitName the {@link FlvLimits} component
     * @param limit the configured value
     * @param actual the value in the input
     * @param offset stream offset
     * @param specRef spec section, or null
     */
    public FlvLimitExceededException(String field, String limitName, long limit, long actual, long offset, String specRef) {
        super(field, actual + " exceeds the limit " + limit + " (see FlvLimits." + limitName + "())", offset, specRef);
        this.limitName = limitName;
        this.limit = limit;
        this.actual = actual;
    }

    /** Name of the {@link FlvLimits} component. */
    public String limitName() {
        return limitName;
    }

    /** The configured limit. */
    public long limit() {
        return limit;
    }

    /** The value found in the input. */
    public long actual() {
        return actual;
    }
}
