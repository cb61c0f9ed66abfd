package io.streamwire.amf;

/**
 * AMF input went past one of the {@link AmfLimits}: nesting depth, element count, string length or
 * reference-table size. The message names the setting to change.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class AmfLimitExceededException extends AmfException {
    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limit;
    private final long actual;

    /**
     * @param field the spec element whose length or count is too large
     * @param limitName the {@link AmfLimits} component, e.g. {@code "maxDepth"}
     * @param limit the configured value
     * @param actual the value met in the input
     * @param offset stream offset of the element
     * @param specRef spec section, or null
     */
    public AmfLimitExceededException(String field, String limitName, long limit, long actual, long offset, String specRef) {
        super(field, actual + " exceeds the limit " + limit + " (see AmfLimits." + limitName + "())", offset, specRef);
        this.limitName = limitName;
        this.limit = limit;
        this.actual = actual;
    }

    /** Name of the {@link AmfLimits} component that was exceeded. */
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
