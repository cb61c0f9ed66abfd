package io.streamwire.h264;

import io.streamwire.core.StreamwireException;

/** The rule every parse test and fuzz target checks: malformed input raises only this module's errors. */
final class ModuleErrors {
    private ModuleErrors() {}

    /**
     * Returns normally when {@code e} carries module {@code "h264"} (an {@link H264Exception} or one
     * of core's shared subtypes raised here); otherwise throws an {@link AssertionError} with it as
     * the cause.
     */
    static void requireH264(StreamwireException e) {
        if (!"h264".equals(e.module())) {
            throw new AssertionError("a StreamwireException of module " + e.module() + " escaped", e);
        }
    }
}
