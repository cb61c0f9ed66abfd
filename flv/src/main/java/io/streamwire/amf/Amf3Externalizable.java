package io.streamwire.amf;

import java.util.Objects;

/**
 * AMF3 externalizable object (marker 0x0A with the externalizable trait flag), AMF3 §3.12: the body
 * is class-specific. The reader decodes it only through a registered
 * {@link Amf3Reader.ExternalizableReader}; the writer writes {@code body} back as one AMF3 value,
 * which is the form of {@code flex.messaging.io.ArrayCollection} and {@code ObjectProxy}.
 *
 * @param className the class name
 * @param body what the registered reader returned
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Externalizable(String className, Amf3Value body) implements Amf3Value {
    /** Checks for null. */
    public Amf3Externalizable {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(body, "body");
    }
}
