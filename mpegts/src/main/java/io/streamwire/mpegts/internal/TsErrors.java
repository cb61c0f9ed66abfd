package io.streamwire.mpegts.internal;

import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.UnsupportedFeatureException;

/** The shared core exceptions made with this module's name. Not API; stateless and thread-safe. */
public final class TsErrors {
    /** The module name every exception of this module carries. */
    public static final String MODULE = "mpegts";

    private TsErrors() {}

    /** A structure given whole to a one-shot parse ends before its syntax does. */
    public static TruncatedInputException truncated(String field, String problem, long offset, String specRef) {
        return new TruncatedInputException(MODULE, field, problem, offset, specRef);
    }

    /** Valid input this module does not implement. */
    public static UnsupportedFeatureException unsupported(String field, String problem, long offset, String specRef) {
        return new UnsupportedFeatureException(MODULE, field, problem, offset, specRef);
    }
}
