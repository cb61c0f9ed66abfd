package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * A box that holds only other boxes: moov (ISO/IEC 14496-12:2022 §8.2.1), trak (§8.3.1), edts
 * (§8.6.5), mdia (§8.4.1), minf (§8.4.4), dinf (§8.7.1), stbl (§8.5.1), mvex (§8.8.1), moof (§8.8.4),
 * traf (§8.8.6), mfra (§8.8.9).
 *
 * @param type the container's type
 * @param children the boxes inside, in order
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record ContainerBox(BoxType type, List<Box> children) implements Box {
    /** Checks the components; copies the list. */
    public ContainerBox {
        Objects.requireNonNull(type, "type");
        children = List.copyOf(children);
    }

    /** A container of {@code type} holding {@code children}. */
    public static ContainerBox of(BoxType type, Box... children) {
        return new ContainerBox(type, List.of(children));
    }

    /** The first child of {@code type}, or null. */
    public Box child(BoxType childType) {
        return Boxes.first(children, childType);
    }

    /** Every child of {@code type}, in order. */
    public List<Box> children(BoxType childType) {
        return Boxes.all(children, childType);
    }

    @Override
    public int payloadSize() {
        return Boxes.sizeOf(children);
    }

    @Override
    public void writePayload(ByteBuffer out) {
        for (Box b : children) {
            b.writeTo(out);
        }
    }
}
