package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Handler reference box {@code hdlr}, ISO/IEC 14496-12:2022 §8.4.3, a full box of version 0:
 * <pre>
 * unsigned int(32) pre_defined = 0; unsigned int(32) handler_type; const unsigned int(32)[3] reserved = 0;
 * utf8string name;
 * </pre>
 *
 * @param version 0
 * @param flags 24 bits, 0
 * @param preDefined pre_defined (0 in ISO files; QuickTime writes the component type {@code mhlr} there)
 * @param handlerType handler_type: {@code vide}, {@code soun}, {@code meta}, {@code text}, …
 * @param name the bytes of name as stored, terminator included when present (read-only; see {@link #nameString()})
 *
 * @implNote The name is kept as bytes because writers disagree on its form (null-terminated UTF-8
 *     per the spec, a counted string in QuickTime files, none at all); the reserved fields are read
 *     past and written as zeros.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record HandlerBox(int version, int flags, int preDefined, BoxType handlerType, ByteBuffer name) implements Box {
    /** Checks the components; keeps a read-only view of the name. */
    public HandlerBox {
        Boxes.checkVersionFlags(version, 0, flags);
        Objects.requireNonNull(handlerType, "handlerType");
        name = name.slice().asReadOnlyBuffer();
    }

    /** A handler of {@code handlerType} whose name is {@code name}, null-terminated. */
    public static HandlerBox of(BoxType handlerType, String name) {
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        return new HandlerBox(0, 0, 0, handlerType, ByteBuffer.wrap(java.util.Arrays.copyOf(text, text.length + 1)));
    }

    /** The name decoded as UTF-8 up to its first null byte. */
    public String nameString() {
        ByteBuffer n = name.duplicate();
        int end = n.position();
        while (end < n.limit() && n.get(end) != 0) {
            end++;
        }
        byte[] a = new byte[end - n.position()];
        n.get(a);
        return new String(a, StandardCharsets.UTF_8);
    }

    @Override
    public BoxType type() {
        return BoxType.HDLR;
    }

    static HandlerBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        int preDefined = p.i32("pre_defined");
        BoxType handler = new BoxType(p.i32("handler_type"));
        p.skip(12, "reserved");
        return new HandlerBox(version, flags, preDefined, handler, p.rest());
    }

    @Override
    public int payloadSize() {
        return 24 + name.remaining();
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, preDefined);
        BigEndian.putIntRelative(out, handlerType.value());
        Boxes.putZeros(out, 12);
        out.put(name.duplicate());
    }
}
