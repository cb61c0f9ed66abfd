package io.streamwire.flv;

import io.streamwire.amf.Amf0Value;
import io.streamwire.amf.Amf0Writer;
import io.streamwire.core.internal.BigEndian;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.List;

/**
 * Writes an FLV file or stream tag by tag to a blocking {@link WritableByteChannel} (or an
 * {@link OutputStream}): the FLV header and PreviousTagSize0 before the first tag, then each tag
 * header, its body and its PreviousTagSize. Adobe FLV/F4V specification v10.1, Annex E.2 (header),
 * E.3 (body, PreviousTagSize) and E.4.1 (tag header). It takes what an RTMP server session hands
 * out, as it is: the message type id (8 audio, 9 video, 18 script data, RTMP 1.0 §7.1.4-5 and
 * §7.1.2 use the FLV TagType values), the {@code long} timestamp and the body.
 *
 * <pre>{@code
 * FlvStreamWriter flv = FlvStreamWriter.of(FileChannel.open(path, CREATE, WRITE, TRUNCATE_EXISTING), true, true);
 * flv.writeScriptData(timestamp, data.values());     // onData: "@setDataFrame" is dropped here
 * flv.writeTag(messageTypeId, timestamp, body);      // onMedia: body as received, not moved
 * flv.close();
 * }</pre>
 *
 * <p>Timestamps: a timestamp is written modulo 2^32, its bits 0-23 in Timestamp and bits 24-31 in
 * TimestampExtended (E.4.1), so the 24-bit field never overflows into the wrong value past
 * 4 h 39 min 37 s (2^24 ms). Modulo 2^32 is RTMP's own rule (RTMP 1.0 §4: timestamps are 32
 * bits and roll over after 2^32 ms, about 49.7 days), so the RTMP timestamps of a session (0..2^32-1) are written unchanged.
 * The specification calls Timestamp with TimestampExtended an SI32: values from 2^31 ms (24.8 days)
 * set its top bit, which ffmpeg and {@link FlvTagHeader#timestampUnsigned()} read as unsigned and a
 * reader that follows SI32 reads as negative. A negative timestamp is a programmer error.
 *
 * <p>Script data: {@link #writeScriptData(long, List)} and {@link #writeScriptData(long, ByteBuffer)}
 * drop a leading {@code "@setDataFrame"} string, the RTMP wrapper encoders send with onMetaData
 * (a file's script tag starts with {@code "onMetaData"}), and write the rest as it is.
 *
 * <p>Every tag is written with a gathering write when the channel is a {@link GatheringByteChannel}
 * (header, body, PreviousTagSize; the body is not copied) and else in three writes; wrap an
 * {@code OutputStream} in a {@code BufferedOutputStream} to avoid small writes. A tag whose body
 * cannot be written (16 MiB or more, a TagType out of range) is refused before any byte is written.
 * An {@link IOException} leaves the output wherever the channel stopped.
 *
 * @implNote The channel must be blocking: the writer loops until every byte is written and would
 *     spin on a non-blocking channel that accepts nothing. This class is the I/O convenience around
 *     {@link FlvHeader#writeTo} and {@link FlvTagHeader#writeTo}; use {@link FlvWriter} to write
 *     into your own buffers.
 *
 * <p>Not thread-safe; use it from one thread at a time.
 *
 * @since 0.2.0
 */
public final class FlvStreamWriter implements Closeable {
    private static final int SET_DATA_FRAME_LENGTH = 16; // string marker, UI16 length, "@setDataFrame"
    private static final byte[] SET_DATA_FRAME = Amf0Writer.encode(Amf0Value.of("@setDataFrame"));

    private final WritableByteChannel out;
    private final FlvHeader header;
    private final ByteBuffer tagHeader = ByteBuffer.allocate(FlvTagHeader.LENGTH);
    private final ByteBuffer trailer = ByteBuffer.allocate(4);
    private final ByteBuffer[] parts = new ByteBuffer[3];
    private boolean headerWritten;
    private long bytesWritten;
    private long tagsWritten;

    private FlvStreamWriter(WritableByteChannel out, FlvHeader header) {
        this.out = out;
        this.header = header;
    }

    /**
     * A writer to {@code out} whose header announces audio and/or video (TypeFlagsAudio,
     * TypeFlagsVideo). Nothing is written until the first tag, {@link #flushHeader()} or {@link #close()}.
     *
     * @param out a blocking channel, closed by {@link #close()}
     */
    public static FlvStreamWriter of(WritableByteChannel out, boolean audio, boolean video) {
        return new FlvStreamWriter(out, FlvHeader.of(audio, video));
    }

    /** A writer to {@code out} (closed by {@link #close()}), as {@link #of(WritableByteChannel, boolean, boolean)}. */
    public static FlvStreamWriter of(OutputStream out, boolean audio, boolean video) {
        return of(Channels.newChannel(out), audio, video);
    }

    /**
     * Writes one tag: TagType {@code messageTypeId}, the timestamp (modulo 2^32, see the class
     * comment), StreamID 0, the body's remaining bytes and the PreviousTagSize. The body's
     * position is not changed. Writes the FLV header first if it was not written yet.
     *
     * @param messageTypeId the RTMP message type id = FLV TagType: 8 audio, 9 video, 18 script data
     * @param timestamp milliseconds, 0 or more
     * @param body the tag body (AUDIODATA, VIDEODATA, SCRIPTDATA)
     * @throws IllegalArgumentException if the type is not 0..31, the timestamp is negative or the
     *     body is 16 MiB or more (nothing written)
     * @throws IOException from the channel
     */
    public void writeTag(int messageTypeId, long timestamp, ByteBuffer body) throws IOException {
        if (timestamp < 0) {
            throw new IllegalArgumentException("negative timestamp " + timestamp);
        }
        int size = body.remaining();
        FlvTagHeader h = FlvTagHeader.of(messageTypeId, size, (int) timestamp); // low 32 bits: the wrap rule
        flushHeader();
        tagHeader.clear();
        h.writeTo(tagHeader);
        trailer.clear();
        BigEndian.putIntRelative(trailer, FlvTagHeader.LENGTH + size);
        parts[0] = tagHeader.flip();
        parts[1] = body.duplicate();
        parts[2] = trailer.flip();
        try {
            writeFully(parts);
        } finally {
            parts[1] = null;
        }
        tagsWritten++;
    }

    /**
     * Writes a script data tag (TagType 18) holding {@code values}, without a leading
     * {@code "@setDataFrame"}: pass an RTMP data message's values as received ({@code
     * DataMessage.values()} of module rtmp) and the file gets {@code onMetaData {...}}.
     *
     * @throws IllegalArgumentException if the timestamp is negative or the encoding is 16 MiB or more
     * @throws IOException from the channel
     */
    public void writeScriptData(long timestamp, List<? extends Amf0Value> values) throws IOException {
        List<? extends Amf0Value> kept = !values.isEmpty() && "@setDataFrame".equals(values.get(0).asString())
                ? values.subList(1, values.size()) : values;
        writeTag(FlvTagHeader.SCRIPT_DATA, timestamp, ByteBuffer.wrap(Amf0Writer.encode(kept)));
    }

    /**
     * Writes a script data tag (TagType 18) holding the AMF0 {@code body} (position to limit, not
     * moved), without its leading {@code "@setDataFrame"} string when it has one (RTMP data
     * message type 18 as received). An AMF3 data message (type 15) is not AMF0: drop its format byte first.
     *
     * @throws IllegalArgumentException if the timestamp is negative or the body is 16 MiB or more
     * @throws IOException from the channel
     */
    public void writeScriptData(long timestamp, ByteBuffer body) throws IOException {
        writeTag(FlvTagHeader.SCRIPT_DATA, timestamp, withoutSetDataFrame(body));
    }

    /** The body past a leading AMF0 string {@code "@setDataFrame"}, or the body itself (a duplicate). */
    static ByteBuffer withoutSetDataFrame(ByteBuffer body) {
        ByteBuffer b = body.duplicate();
        if (b.remaining() >= SET_DATA_FRAME_LENGTH
                && b.slice(b.position(), SET_DATA_FRAME_LENGTH).equals(ByteBuffer.wrap(SET_DATA_FRAME))) {
            b.position(b.position() + SET_DATA_FRAME_LENGTH);
        }
        return b;
    }

    /** Writes the FLV header and PreviousTagSize0 now, if not written yet. */
    public void flushHeader() throws IOException {
        if (headerWritten) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(FlvWriter.headerSize(header));
        FlvWriter.writeHeader(b, header);
        parts[0] = b.flip();
        writeFully(parts, 1);
        headerWritten = true;
    }

    /** Tags written so far. */
    public long tagsWritten() {
        return tagsWritten;
    }

    /** Bytes written so far, FLV header included (the size of the file so far). */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Writes the header if no tag was written (an empty but valid file), then closes the channel. */
    @Override
    public void close() throws IOException {
        try (out) {
            if (out.isOpen()) {
                flushHeader();
            }
        }
    }

    private void writeFully(ByteBuffer[] buffers) throws IOException {
        writeFully(buffers, buffers.length);
    }

    private void writeFully(ByteBuffer[] buffers, int count) throws IOException {
        if (out instanceof GatheringByteChannel g) {
            long left = 0;
            for (int i = 0; i < count; i++) {
                left += buffers[i].remaining();
            }
            while (left > 0) {
                long n = g.write(buffers, 0, count);
                left -= n;
                bytesWritten += n;
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            while (buffers[i].hasRemaining()) {
                bytesWritten += out.write(buffers[i]);
            }
        }
    }
}
