package io.streamwire.h265;

import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What the parameter set, slice header and SEI fuzz targets check for every input: only a
 * {@link StreamwireException} of module "h265" escapes, and the outcome (the record, or the error's
 * type, field, offset and message, and the buffer's position) is the same from a heap buffer, a slice of a
 * larger array with bytes after the NAL unit, and a direct buffer.
 */
final class ParameterSetFuzzing {
    private ParameterSetFuzzing() {}

    /** The outcome of one parse as text. */
    static String outcome(ByteBuffer nal, Function<ByteBuffer, Object> parse) {
        int p = nal.position();
        try {
            Object value = parse.apply(nal);
            return value + " position " + (nal.position() - p);
        } catch (StreamwireException e) {
            FixtureNals.requireH265(e);
            return e.getClass().getSimpleName() + " " + e.field() + " " + e.offset() + " " + e.getMessage() + " position "
                    + (nal.position() - p);
        }
    }

    /** Parses {@code nal} from three kinds of buffer and requires one outcome; returns it. */
    static String sameInEveryBufferKind(byte[] nal, Function<ByteBuffer, Object> parse) {
        byte[] padded = new byte[nal.length + 27];
        Arrays.fill(padded, (byte) 0xFF);
        System.arraycopy(nal, 0, padded, 3, nal.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(nal.length).put(nal).flip();
        String heap = outcome(ByteBuffer.wrap(nal), parse);
        for (ByteBuffer b : List.of(ByteBuffer.wrap(padded, 3, nal.length).slice(),
                ByteBuffer.wrap(padded).position(3).limit(3 + nal.length), direct)) {
            String other = outcome(b, parse);
            if (!other.equals(heap)) {
                throw new AssertionError(java.util.HexFormat.of().formatHex(nal) + ": " + heap + " but " + other);
            }
        }
        return heap;
    }

    /** The fuzz input behind a forced two-byte NAL unit header of {@code type}. */
    static byte[] withHeader(int type, byte[] data) {
        byte[] nal = new byte[data.length + 2];
        nal[0] = (byte) (type << 1);
        nal[1] = 1;
        System.arraycopy(data, 0, nal, 2, data.length);
        return nal;
    }
}
