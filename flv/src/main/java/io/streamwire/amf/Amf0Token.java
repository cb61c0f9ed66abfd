package io.streamwire.amf;

/**
 * What {@link Amf0TokenReader#next()} met. Containers open with a {@code *_START} token and close
 * with {@link #OBJECT_END} (objects, ECMA arrays, typed objects: the wire's object-end marker) or
 * {@link #STRICT_ARRAY_END} (synthesised after the declared count of values). Inside an object,
 * each value is preceded by {@link #PROPERTY_NAME}.
 *
 * @since 0.1.0
 */
public enum Amf0Token {
    /** 0x00 number: {@link Amf0TokenReader#number()}. */
    NUMBER,
    /** 0x01 boolean: {@link Amf0TokenReader#bool()}. */
    BOOLEAN,
    /** 0x02 string or 0x0C long string: {@link Amf0TokenReader#string()}. */
    STRING,
    /** 0x03 anonymous object start. */
    OBJECT_START,
    /** 0x05 null. */
    NULL,
    /** 0x06 undefined. */
    UNDEFINED,
    /** 0x07 reference: {@link Amf0TokenReader#referenceIndex()}. */
    REFERENCE,
    /** 0x08 ECMA array start: {@link Amf0TokenReader#count()} is the (unreliable) count hint. */
    ECMA_ARRAY_START,
    /** 0x09 object end, closing an object, ECMA array or typed object. */
    OBJECT_END,
    /** 0x0A strict array start: {@link Amf0TokenReader#count()} values follow. */
    STRICT_ARRAY_START,
    /** End of a strict array after its declared count (no wire marker). */
    STRICT_ARRAY_END,
    /** 0x0B date: {@link Amf0TokenReader#number()} and {@link Amf0TokenReader#timeZone()}. */
    DATE,
    /** 0x0D unsupported. */
    UNSUPPORTED,
    /** 0x0F XML document: {@link Amf0TokenReader#string()}. */
    XML_DOCUMENT,
    /** 0x10 typed object start: the class name is {@link Amf0TokenReader#string()}. */
    TYPED_OBJECT_START,
    /** 0x11 avmplus-object: the AMF3 value is {@link Amf0TokenReader#amf3Value()}. */
    AVMPLUS,
    /** A property name inside an object, ECMA array or typed object: {@link Amf0TokenReader#string()}. */
    PROPERTY_NAME,
    /** No bytes remain at the top level. */
    END_OF_INPUT
}
