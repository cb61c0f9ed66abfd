package io.streamwire.amf;

/**
 * One AMF3 value: Adobe "Action Message Format -- AMF 3" (2013), §3.
 *
 * <p>One record per type marker. Strings, traits and complex values that the input shares by
 * reference come out of {@link Amf3Reader} as shared instances; a reference to a value that is
 * still being read (a cycle) stays an {@link Amf3Reference}. {@link Amf3Writer} writes repeated
 * strings and traits (by equality) and complex values (by identity) back as references.
 *
 * <p>Implementations are immutable and thread-safe (array components are defensive copies).
 *
 * @since 0.1.0
 */
public sealed interface Amf3Value
        permits Amf3Undefined, Amf3Null, Amf3Boolean, Amf3Integer, Amf3Double, Amf3String, Amf3XmlDocument,
                Amf3Date, Amf3Array, Amf3Object, Amf3Xml, Amf3ByteArray, Amf3VectorInt, Amf3VectorUint,
                Amf3VectorDouble, Amf3VectorObject, Amf3Dictionary, Amf3Reference, Amf3Externalizable {
}
