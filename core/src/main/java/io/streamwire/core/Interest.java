package io.streamwire.core;

/**
 * A listener's answer when a unit (a tag body, a NAL unit, a PES packet, a message) starts: how it
 * wants the unit's bytes. Every decoder with such a choice uses this vocabulary; one that cannot
 * deliver a unit in fragments says in its Javadoc what it does with {@link #FRAGMENTS}.
 *
 * @since 0.1.0
 */
public enum Interest {
    /** The whole unit in one buffer (reassembled across feeds within the decoder's limits). */
    WHOLE,
    /** The unit's pieces as they arrive, zero-copy, the last one marked. Nothing is buffered. */
    FRAGMENTS,
    /** Nothing: the decoder skips the unit without buffering it. */
    IGNORE
}
