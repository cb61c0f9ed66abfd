/**
 * What every Streamwire module shares.
 *
 * <ul>
 *   <li>{@link io.streamwire.core.StreamwireException}, the unchecked root of every error, with
 *       the shared subtypes {@link io.streamwire.core.TruncatedInputException},
 *       {@link io.streamwire.core.LimitExceededException} and
 *       {@link io.streamwire.core.UnsupportedFeatureException}; each module adds its own root
 *       for malformed input.</li>
 *   <li>{@link io.streamwire.core.StreamDecoder}, the push-decoder contract and its one
 *       lifecycle; {@link io.streamwire.core.DecoderListener} and
 *       {@link io.streamwire.core.Anomaly}, the one shape of recoverable problems;
 *       {@link io.streamwire.core.Interest}, a listener's answer when a unit starts.</li>
 * </ul>
 *
 * <p>Package {@code io.streamwire.core.internal} (big-endian byte access, the bit reader, the
 * lifecycle state) is exported to Streamwire modules only and is not public API.
 */
package io.streamwire.core;
