package io.streamwire.rtmp;

/**
 * Input declared or required more than a setting of {@link RtmpLimits} allows. Thrown before
 * anything of the declared size is allocated.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class RtmpLimitExceededException extends RtmpException {
    private static final long serialVersionUID = 1L;

    private final String limitName;
    private final long limit;
    private final long actual;

    /**
     * @param field the spec element whose value is past the limit
     * @param limitName the {@link RtmpLimits} component, e.g. {@code "maxMessageLength"}
     * @param limit the configured limit
     * @param actual the value seen
     * @param offset byte offset from the start of the stream, or -1
     * @param specRef the spec section, or null
     */
    public RtmpLimitExceededException(String field, String limitName, long limit, long actual, long offset, String specRef) {
        super(field, actual + " is past the limit " + limit + " (see RtmpLimits." + limitName + "())", offset, specRef);
        this.limitName = limitName;
        this.limit = limit;
        this.actual = actual;
    }

    /** The {@link RtmpLimits} component that was exceeded. */
    public String limitName() {
        return limitName;
    }

    /** The configured limit. */
    public long limit() {
        return limit;
    }

    /** The value the input declared or needed. */
    public long actual() {
        return actual;
    }
}
