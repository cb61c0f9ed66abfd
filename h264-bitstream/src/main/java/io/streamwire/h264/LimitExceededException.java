package io.streamwire.h264;

/**
 * A length or count in the input is larger than a configured {@link H264Limits} setting; raised
 * before anything of the declared size is allocated.
 *
 * <p>Immutable once thrown.
 *
 * @since 0.1.0
 */
public final class LimitExceededException extends H264Exception {
    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limit;
    private final long actual;

    /**
     * @param limitName the {@link H264Limits} accessor to raise, e.g. {@code "H264Limits.maxNalSize()"}
     * @param limit the configured value
     * @param actual the value met in the input (at least)
     * @param offset byte offset from the start of the stream
     */
    public LimitExceededException(String field, String limitName, long limit, long actual, long offset) {
        super(field, actual + " exceeds the limit " + limit + " (see " + limitName + ")", offset, null);
        this.limitName = limitName;
        this.limit = limit;
        this.actual = actual;
    }

    /** The setting to change, e.g. {@code "H264Limits.maxNalSize()"}. */
    public String limitName() {
        return limitName;
    }

    /** The configured limit. */
    public long limit() {
        return limit;
    }

    /** The value met in the input. */
    public long actual() {
        return actual;
    }
}
