package io.streamwire.aac;

/**
 * Root of every error the aac-adts module raises for input that is malformed, truncated, past a limit or
 * not supported.
 *
 * <p>Carries the byte offset of the problem counted from the start of the stream (across feeds), the
 * spec field it concerns and the spec reference. Messages read
 * {@code "<field> <problem> at offset <n>; <spec reference>"}. Unchecked, like Netty's and Kafka's
 * codec exceptions: parsers are called from event loops where a checked exception only gets wrapped.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class AacException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String field;
    private final String specRef;

    /**
     * @param field the spec element at fault, e.g. {@code "adts sampling_frequency_index"}
     * @param problem what is wrong with it, e.g. {@code "15 is forbidden"}
     * @param offset byte offset from the start of the stream, or -1 when unknown
     * @param specRef the spec section, e.g. {@code "ISO/IEC 14496-3 §1.A.2.2.1"}, or null
     */
    public AacException(String field, String problem, long offset, String specRef) {
        super(field + " " + problem + (offset >= 0 ? " at offset " + offset : "")
                + (specRef != null ? "; " + specRef : ""));
        this.offset = offset;
        this.field = field;
        this.specRef = specRef;
    }

    /** Byte offset of the problem from the start of the stream, or -1 when unknown. */
    public long offset() {
        return offset;
    }

    /** The spec element at fault. */
    public String field() {
        return field;
    }

    /** The spec section that defines the element, or null. */
    public String specRef() {
        return specRef;
    }
}
