package io.streamwire.core;

/**
 * A length or count in the input is larger than a configured limit; raised before anything of the
 * declared size is allocated. The message names the setting to change, e.g.
 * {@code "flv DataSize 20000000 exceeds the limit 16777216 (see FlvLimits.maxTagSize()) at offset 13"}.
 *
 * <p>Immutable once thrown.
 *
 * @since 0.1.0
 */
public final class LimitExceededException extends StreamwireException {
    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limit;
    private final long actual;

    /**
     * @param module the module that raised it (see {@link StreamwireException#module()})
     * @param field the spec element whose value is too large
     * @param limitName the setting to raise, e.g. {@code "FlvLimits.maxTagSize()"}
     * @param limit the configured value
     * @param actual the value met in the input (at least)
     * @param offset byte offset from the start of the stream
     */
    public LimitExceededException(String module, String field, String limitName, long limit, long actual, long offset) {
        super(module, field, actual + " exceeds the limit " + limit + " (see " + limitName + ")", offset, null);
        this.limitName = limitName;
        this.limit = limit;
        this.actual = actual;
    }

    /** The setting to change, e.g. {@code "FlvLimits.maxTagSize()"}. */
    public String limitName() {
        return limitName;
    }

    /** The configured limit. */
    public long limit() {
        return limit;
    }

    /** The value met in the input (at least this much). */
    public long actual() {
        return actual;
    }
}
