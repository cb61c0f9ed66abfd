package io.streamwire.aac;

/**
 * A length or count in the input is larger than an {@link AacLimits} setting allows.
 *
 * <p>Thrown before anything of the declared size is allocated or buffered. The message names the
 * setting to change, e.g. {@code "see AacLimits.maxId3TagSize()"}.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class LimitExceededException extends AacException {
    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limit;
    private final long actual;

    /**
     * @param field the spec element whose value is too large
     * @param limitName the {@link AacLimits} component, e.g. {@code "maxFrameSize"}
     * @param limit the configured limit
     * @param actual the value found in the input
     * @param offset byte offset from the start of the stream
     * @param specRef the spec section, or null
     */
    public LimitExceededException(String field, String limitName, long limit, long actual, long offset, String specRef) {
        super(field, actual + " exceeds the limit " + limit + " (see AacLimits." + limitName + "())", offset, specRef);
        this.limitName = limitName;
        this.limit = limit;
        this.actual = actual;
    }

    /** The {@link AacLimits} component that was exceeded. */
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
