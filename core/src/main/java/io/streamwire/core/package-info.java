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
 * <p>Checklist of what the contract covers:
 * <ul>
 *   <li>[x] one unchecked root with module, offset, field and spec reference</li>
 *   <li>[x] shared truncated / limit / unsupported subtypes (limit name, limit, actual)</li>
 *   <li>[x] one push-decoder interface and lifecycle (feed, endOfInput, reset, position)</li>
 *   <li>[x] one anomaly shape (kind enum per module, offset, detail) and one interest vocabulary</li>
 *   <li>[x] one big-endian access and one bit reader (u(n), ue(v), se(v), RBSP emulation prevention)</li>
 * </ul>
 *
 * <p>Package {@code io.streamwire.core.internal} (big-endian byte access, the bit reader, the
 * lifecycle state) is exported to Streamwire modules only and is not public API.
 */
package io.streamwire.core;
