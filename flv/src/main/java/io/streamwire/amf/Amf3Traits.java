package io.streamwire.amf;

import java.util.List;
import java.util.Objects;

/**
 * AMF3 traits of an object: class name, sealed member names, dynamic and externalizable flags,
 * AMF3 §3.12 (U29O-traits).
 *
 * @param className the class name, "" for an anonymous object
 * @param sealedMemberNames sealed member names in wire order (unmodifiable copy)
 * @param dynamic whether dynamic members follow the sealed ones
 * @param externalizable whether the body is class-specific (then no members)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Traits(String className, List<String> sealedMemberNames, boolean dynamic, boolean externalizable) {
    /** Anonymous dynamic object traits. */
    public static final Amf3Traits ANONYMOUS = new Amf3Traits("", List.of(), true, false);

    /** Copies the names. */
    public Amf3Traits {
        Objects.requireNonNull(className, "className");
        sealedMemberNames = List.copyOf(sealedMemberNames);
        if (externalizable && (dynamic || !sealedMemberNames.isEmpty())) {
            throw new IllegalArgumentException("externalizable traits have no members");
        }
    }
}
