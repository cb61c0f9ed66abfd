package io.streamwire.core;

/**
 * Root of every error a Streamwire module raises for input that is malformed, truncated, past a
 * limit or not supported. Unchecked, like Netty's {@code DecoderException}: parsers run on event
 * loops, where a checked exception only gets wrapped.
 *
 * <p>The family has two axes:
 * <ul>
 *   <li>each module has its own root for malformed input of its formats ({@code FlvException},
 *       {@code TsException}, {@code H264Exception}, …), so a caller can catch one module;</li>
 *   <li>three shared subtypes say why input was refused whatever module refused it:
 *       {@link TruncatedInputException}, {@link LimitExceededException} and
 *       {@link UnsupportedFeatureException}, so one {@code catch (LimitExceededException e)} works
 *       for every module. {@link #module()} names the module that raised any of them.</li>
 * </ul>
 * {@code catch (StreamwireException e)} catches all of them.
 *
 * <p>Every instance carries the byte {@link #offset()} of the problem counted from the start of the
 * stream (across feeds), the spec {@link #field()} it concerns and the spec reference
 * ({@link #specRef()}). Messages read {@code "<field> <problem> at offset <n>; <spec reference>"},
 * e.g. {@code "sps log2_max_frame_num_minus4 13 out of range (expected: 0..12) at offset 41;
 * ITU-T H.264 (08/2021) §7.4.2.1.1"}.
 *
 * <p>Immutable once thrown; safe to hand to another thread.
 *
 * @since 0.1.0
 */
public class StreamwireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String module;
    private final long offset;
    private final String field;
    private final String specRef;

    /**
     * @param module the module that raised it, e.g. {@code "h264"} (see {@link #module()})
     * @param field the spec element at fault, e.g. {@code "adts sampling_frequency_index"}
     * @param problem what is wrong with it, e.g. {@code "15 is forbidden"}
     * @param offset byte offset from the start of the stream, or -1 when unknown
     * @param specRef the spec section, e.g. {@code "ISO/IEC 14496-3 §1.A.2.2.1"}, or null
     */
    protected StreamwireException(String module, String field, String problem, long offset, String specRef) {
        super(field + " " + problem + (offset >= 0 ? " at offset " + offset : "")
                + (specRef != null ? "; " + specRef : ""));
        this.module = module;
        this.offset = offset;
        this.field = field;
        this.specRef = specRef;
    }

    /**
     * The module that raised it: {@code "flv"}, {@code "amf"}, {@code "rtmp"}, {@code "mpegts"},
     * {@code "hls"}, {@code "h264"}, {@code "h265"}, {@code "aac"} or {@code "mp4"}.
     */
    public String module() {
        return module;
    }

    /** Byte offset of the problem from the start of the stream, or -1 when unknown. */
    public long offset() {
        return offset;
    }

    /** The spec element at fault, e.g. {@code "sps log2_max_frame_num_minus4"}. */
    public String field() {
        return field;
    }

    /** The spec section that defines the element, or null. */
    public String specRef() {
        return specRef;
    }
}
