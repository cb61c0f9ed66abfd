package io.streamwire.amf;

import io.streamwire.amf.internal.Props;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * AMF3 object (marker 0x0A): traits, sealed member values in trait order, then dynamic members,
 * AMF3 §3.12.
 *
 * @param traits the class name, sealed member names and flags
 * @param sealedValues one value per {@code traits.sealedMemberNames()} entry (unmodifiable copy)
 * @param dynamicMembers dynamic members in wire order (unmodifiable copy); empty unless dynamic
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf3Object(Amf3Traits traits, List<Amf3Value> sealedValues, Map<String, Amf3Value> dynamicMembers) implements Amf3Value {
    /** Checks that values match the traits. */
    public Amf3Object {
        Objects.requireNonNull(traits, "traits");
        if (traits.externalizable()) {
            throw new IllegalArgumentException("externalizable traits belong to Amf3Externalizable");
        }
        sealedValues = List.copyOf(sealedValues);
        dynamicMembers = Props.copy(dynamicMembers);
        if (sealedValues.size() != traits.sealedMemberNames().size() || (!traits.dynamic() && !dynamicMembers.isEmpty())) {
            throw new IllegalArgumentException("members do not match traits " + traits);
        }
    }

    /** An anonymous dynamic object. */
    public static Amf3Object anonymous(Map<String, ? extends Amf3Value> members) {
        return new Amf3Object(Amf3Traits.ANONYMOUS, List.of(), Props.copy(members));
    }

    /** The sealed or dynamic member, or null. */
    public Amf3Value get(String name) {
        int i = traits.sealedMemberNames().indexOf(name);
        return i >= 0 ? sealedValues.get(i) : dynamicMembers.get(name);
    }
}
