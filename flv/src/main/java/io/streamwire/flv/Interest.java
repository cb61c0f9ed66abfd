package io.streamwire.flv;

/**
 * A listener's answer to a unit's header: take its body, or let the decoder skip it without
 * buffering anything.
 *
 * @since 0.1.0
 */
public enum Interest {
    /** Deliver the body. */
    ACCEPT,
    /** Skip the body. */
    IGNORE
}
