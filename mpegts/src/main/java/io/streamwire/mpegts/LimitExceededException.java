package io.streamwire.mpegts;

/**
 * A length or count in the input is larger than a {@link TsLimits} setting allows; raised before
 * anything of that size is allocated.
 *
 * <p>Immutable once thrown.
 *
 * @since 0.1.0
 */
public class LimitExceededException extends TsException {
    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limit;
    private final long actual;

    /**
     * @param field the spec element whose value is too large
     * @param limitName the {@link TsLimits} accessor to raise, e.g. {@code "maxPesSize"}
     * @param limit the configured limit
     * @param actual the value found in the input
     * @param offset stream offset of the element
     * @param specRef the spec section, or null
     */
    public LimitExceededException(String field, String limitName, long limit, long actual, long offset, String specRef) {
        super(field, actual + " exceeds the limit " + limit + " (see TsLimits." + limitName + "())", offset, specRef);
        this.limitName = limitName;
        this.limit = limit;
        this.actual = actual;
    }

    /** The {@link TsLimits} setting that was exceeded. */
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
