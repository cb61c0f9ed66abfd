package io.streamwire.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs single-structure writers and parsers on buffers of either byte order: every format here is
 * big-endian whatever {@link ByteBuffer#order()} the caller's buffer has, and the library must not
 * change that order.
 *
 * <p>Thread-safe.
 */
public final class ByteOrders {
    private ByteOrders() {}

    /**
     * The bytes {@code writer} puts at the position of a big-endian heap buffer of {@code capacity}
     * bytes, after checking that it puts the same bytes into little-endian heap and direct buffers and
     * leaves their order as it was. {@code writer} runs three times, so it must not depend on state
     * kept between runs.
     */
    public static byte[] writtenInEveryOrder(int capacity, Consumer<ByteBuffer> writer) {
        byte[] big = written(ByteBuffer.allocate(capacity), writer);
        for (ByteBuffer little : List.of(ByteBuffer.allocate(capacity), ByteBuffer.allocateDirect(capacity))) {
            String kind = little.isDirect() ? "direct little-endian" : "heap little-endian";
            byte[] bytes = written(little.order(ByteOrder.LITTLE_ENDIAN), writer);
            if (!Arrays.equals(bytes, big)) {
                throw new AssertionError(kind + " buffer got " + hex(bytes) + ", big-endian got " + hex(big));
            }
            if (little.order() != ByteOrder.LITTLE_ENDIAN) {
                throw new AssertionError(kind + " buffer's order was changed to " + little.order());
            }
        }
        return big;
    }

    /**
     * What {@code parser} returns for {@code bytes} in each {@link Chunks.Kind} of buffer (in
     * {@code Kind} order), after checking that each moved the position by the same amount and left
     * the buffer's order as it was.
     */
    public static <T> List<T> parsedFromEveryKind(byte[] bytes, Function<ByteBuffer, T> parser) {
        List<T> results = new ArrayList<>();
        int consumed = -1;
        for (Chunks.Kind kind : Chunks.Kind.values()) {
            ByteBuffer in = kind.wrap(bytes);
            ByteOrder order = in.order();
            int start = in.position();
            results.add(parser.apply(in));
            if (in.order() != order) {
                throw new AssertionError(kind + " buffer's order was changed to " + in.order());
            }
            if (consumed >= 0 && in.position() - start != consumed) {
                throw new AssertionError(kind + " buffer: " + (in.position() - start) + " bytes consumed, " + consumed
                        + " from " + Chunks.Kind.values()[0]);
            }
            consumed = in.position() - start;
        }
        return results;
    }

    private static byte[] written(ByteBuffer out, Consumer<ByteBuffer> writer) {
        writer.accept(out);
        byte[] bytes = new byte[out.position()];
        out.get(0, bytes);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
