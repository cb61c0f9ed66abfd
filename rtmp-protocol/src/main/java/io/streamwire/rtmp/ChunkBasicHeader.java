package io.streamwire.rtmp;

import java.nio.ByteBuffer;

/**
 * The chunk basic header: Adobe RTMP Specification 1.0 §5.3.1.1. One, two or three bytes carry
 * the chunk type (fmt) and the chunk stream ID.
 *
 * <pre>
 * 1 byte:  fmt (2) | cs id (6)             cs id 2..63
 * 2 bytes: fmt (2) | 0 (6) | cs id - 64 (8)   cs id 64..319
 * 3 bytes: fmt (2) | 1 (6) | cs id - 64 (16, little-endian)   cs id 64..65599
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param fmt fmt, 2 bits: chunk message header type 0..3
 * @param chunkStreamId cs id, 2..65599 (0 and 1 select the longer forms, so they are not ids)
 *
 * @since 0.1.0
 */
public record ChunkBasicHeader(int fmt, int chunkStreamId) {
    /** The smallest chunk stream ID. */
    public static final int MIN_CHUNK_STREAM_ID = 2;
    /** The largest chunk stream ID, 65599. */
    public static final int MAX_CHUNK_STREAM_ID = 65599;

    /** Checks ranges. */
    public ChunkBasicHeader {
        if (fmt >>> 2 != 0 || chunkStreamId < MIN_CHUNK_STREAM_ID || chunkStreamId > MAX_CHUNK_STREAM_ID) {
            throw new IllegalArgumentException("fmt " + fmt + " / cs id " + chunkStreamId + " out of range");
        }
    }

    /**
     * Length of the basic header starting at the buffer's position, from its first byte.
     *
     * @return 1, 2 or 3, or -1 when no byte remains; the position does not move
     */
    public static int peekLength(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return -1;
        }
        return length(in.get(in.position()));
    }

    /**
     * Parses a basic header at the buffer's position.
     *
     * @return the header with the position moved past it, or null with the position unchanged when
     *     the buffer ends inside it (every byte pattern is a valid basic header)
     */
    public static ChunkBasicHeader tryParse(ByteBuffer in) {
        int length = peekLength(in);
        if (length < 0 || in.remaining() < length) {
            return null;
        }
        int at = in.position();
        int id = chunkStreamId(in, at, length);
        in.position(at + length);
        return new ChunkBasicHeader((in.get(at) & 0xFF) >>> 6, id);
    }

    /**
     * Length of a basic header from its first byte: 1, 2 or 3. With {@link #chunkStreamId}, the one
     * place the basic header is decoded ({@link #tryParse} and the {@link ChunkDecoder}, which reads
     * it without allocating).
     */
    static int length(int firstByte) {
        int low6 = firstByte & 0x3F;
        return low6 == 0 ? 2 : low6 == 1 ? 3 : 1;
    }

    /** The chunk stream ID of the basic header of {@code length} bytes at index {@code at} of {@code in}. */
    static int chunkStreamId(ByteBuffer in, int at, int length) {
        return switch (length) {
            case 1 -> in.get(at) & 0x3F;
            case 2 -> 64 + (in.get(at + 1) & 0xFF);
            case 3 -> 64 + (in.get(at + 1) & 0xFF) + ((in.get(at + 2) & 0xFF) << 8);
            default -> throw new IllegalStateException("basic header length " + length);
        };
    }

    /** Bytes this header takes in its shortest form: 1, 2 or 3. */
    public int encodedSize() {
        return chunkStreamId <= 63 ? 1 : chunkStreamId <= 319 ? 2 : 3;
    }

    /** Writes the shortest form at the buffer's position and moves the position past it. */
    public void writeTo(ByteBuffer out) {
        switch (encodedSize()) {
            case 1 -> out.put((byte) (fmt << 6 | chunkStreamId));
            case 2 -> out.put((byte) (fmt << 6)).put((byte) (chunkStreamId - 64));
            default -> {
                int rest = chunkStreamId - 64;
                out.put((byte) (fmt << 6 | 1)).put((byte) rest).put((byte) (rest >>> 8));
            }
        }
    }
}
