package io.streamwire.flv;

import io.streamwire.amf.Amf0String;
import io.streamwire.core.Anomaly;
import io.streamwire.core.StreamwireException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a recorded FLV with the onMetaData that players need to seek, as yamdi and flvtool2 do:
 * duration, file size, last timestamp, last key frame, data sizes and a keyframes index
 * {times, filepositions}. Adobe FLV/F4V v10.1 §E.5 "onMetaData".
 *
 * <p>Existing onMetaData tags (and {@code @setDataFrame("onMetaData", ...)} tags) are replaced by
 * one onMetaData tag at timestamp 0 right after the header; their unknown properties (width,
 * codec ids, encoder...) are kept and the computed ones overwritten. Other tags are copied in
 * order with corrected PreviousTagSize values. Bytes the decoder skipped while resynchronising and
 * a truncated final tag are dropped and reported in {@link Result#anomalies()}.
 *
 * <p>Values: {@code duration} = {@code lasttimestamp} = the largest audio/video timestamp in
 * seconds; key frames are video tags with FrameType 1 that carry coded frames (sequence headers
 * excluded, as ffmpeg's {@code add_keyframe_index} does); {@code filepositions} are the byte
 * offsets of their tags in the output.
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class MetadataInjector {
    private MetadataInjector() {}

    /**
     * The rewritten file and what was computed.
     *
     * @param file the new file
     * @param metadata the injected metadata
     * @param anomalies what the decoder reported while reading the input
     */
    public record Result(byte[] file, OnMetaData metadata, List<Anomaly<FlvAnomalyKind>> anomalies) {}

    private record Tag(FlvTagHeader header, int bodyIndex) {}

    /**
     * Reads {@code input} (a complete FLV file) and returns it with injected metadata.
     *
     * @throws FlvException if the file header is malformed
     * @throws io.streamwire.core.TruncatedInputException if the input ends inside the file header
     */
    public static Result inject(byte[] input) {
        ByteBuffer in = ByteBuffer.wrap(input);
        List<Tag> tags = new ArrayList<>();
        Scan scan = new Scan();
        FlvDecoder decoder = new FlvDecoder(scan.listener(tag -> tags.add(new Tag(tag.header(), tag.bodyIndex()))));
        decoder.feed(in);
        decoder.endOfInput();
        Plan plan = scan.plan();
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(plan.fileSize));
        out.put(plan.prefix.duplicate());
        for (Tag t : tags) {
            FlvWriter.writeTag(out, t.header(), in.slice(t.bodyIndex(), t.header().dataSize()));
        }
        if (out.hasRemaining()) {
            throw new IllegalStateException("layout mismatch");
        }
        return new Result(out.array(), plan.metadata, plan.anomalies);
    }

    /**
     * Streaming form, first pass: reads a whole FLV file from a blocking channel to its end and
     * returns the plan for the rewritten file. Memory is proportional to the number of key frames,
     * not to the file size. Wrap an {@code InputStream} with {@link
     * java.nio.channels.Channels#newChannel(java.io.InputStream)}. The channel is not closed.
     *
     * @throws FlvException if the file header is malformed
     * @throws io.streamwire.core.TruncatedInputException if the input ends inside the file header
     * @throws IOException if reading fails
     * @since 0.1.0
     */
    public static Plan scan(ReadableByteChannel input) throws IOException {
        Scan scan = new Scan();
        decode(input, new FlvDecoder(scan.listener(tag -> {})));
        return scan.plan();
    }

    /**
     * Streaming form of {@link #inject(byte[])} between files: scans {@code input}, then writes
     * {@code output} (created or truncated) with the same bytes {@link #inject(byte[])} would return.
     *
     * @return the plan that was written (metadata, size, anomalies)
     * @throws FlvException if the file header is malformed
     * @throws io.streamwire.core.TruncatedInputException if the input ends inside the file header
     * @throws IOException if reading or writing fails, or the input changed between the passes
     * @since 0.1.0
     */
    public static Plan inject(Path input, Path output) throws IOException {
        Plan plan;
        try (FileChannel in = FileChannel.open(input, StandardOpenOption.READ)) {
            plan = scan(in);
        }
        try (FileChannel in = FileChannel.open(input, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            plan.writeTo(in, out);
        }
        return plan;
    }

    /**
     * The outcome of the first pass of the streaming form: the metadata to inject and the layout of
     * the rewritten file. Immutable; {@link #writeTo} may be called more than once.
     *
     * @since 0.1.0
     */
    public static final class Plan {
        private final ByteBuffer prefix;
        private final OnMetaData metadata;
        private final List<Anomaly<FlvAnomalyKind>> anomalies;
        private final long fileSize;
        private final int tagCount;

        private Plan(ByteBuffer prefix, OnMetaData metadata, List<Anomaly<FlvAnomalyKind>> anomalies, long fileSize, int tagCount) {
            this.prefix = prefix.asReadOnlyBuffer();
            this.metadata = metadata;
            this.anomalies = anomalies;
            this.fileSize = fileSize;
            this.tagCount = tagCount;
        }

        /** The metadata the rewritten file carries. */
        public OnMetaData metadata() {
            return metadata;
        }

        /** What the decoder reported while reading the input. */
        public List<Anomaly<FlvAnomalyKind>> anomalies() {
            return anomalies;
        }

        /** Bytes of the rewritten file. */
        public long fileSize() {
            return fileSize;
        }

        /**
         * Second pass: reads the same input again from its start (a blocking channel, read to its
         * end) and writes the rewritten file to {@code output}: header, the new onMetaData tag, then
         * the kept tags with their PreviousTagSize values. Neither channel is closed.
         *
         * @throws IOException if reading or writing fails, or the input is not the one scanned
         */
        public void writeTo(ReadableByteChannel input, WritableByteChannel output) throws IOException {
            Writer w = new Writer(output);
            w.write(prefix.duplicate());
            Scan scan = new Scan();
            FlvDecoder decoder = new FlvDecoder(scan.listener(w::tag));
            try {
                decode(input, decoder);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            w.flush();
            if (w.tags != tagCount || w.written != fileSize) {
                throw new IOException("the input changed between the passes: " + w.tags + " tags, " + w.written
                        + " bytes written, " + tagCount + " tags, " + fileSize + " bytes planned");
            }
        }
    }

    /** Batches tags into a buffer and writes it to the channel. */
    private static final class Writer {
        private final WritableByteChannel out;
        private ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long written;
        int tags;

        Writer(WritableByteChannel out) {
            this.out = out;
        }

        void tag(FlvTag tag) {
            int size = FlvWriter.tagSize(tag.dataSize());
            try {
                if (buf.remaining() < size) {
                    flush();
                    if (buf.capacity() < size) {
                        buf = ByteBuffer.allocate(size);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            FlvWriter.writeTag(buf, tag.header(), tag.buffer().slice(tag.bodyIndex(), tag.dataSize()));
            tags++;
        }

        void write(ByteBuffer b) throws IOException {
            written += b.remaining();
            while (b.hasRemaining()) {
                out.write(b);
            }
        }

        void flush() throws IOException {
            write(buf.flip());
            buf.clear();
        }
    }

    private static void decode(ReadableByteChannel input, FlvDecoder decoder) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        while (input.read(buf.clear()) >= 0) {
            decoder.feed(buf.flip());
        }
        decoder.endOfInput();
    }

    /** Statistics of the kept tags, shared by the in-memory and the streaming forms (same arithmetic, same bytes). */
    private static final class Scan {
        final List<Anomaly<FlvAnomalyKind>> anomalies = new ArrayList<>();
        OnMetaData existing = new OnMetaData(java.util.Map.of());
        FlvHeader header;
        boolean hasAudio;
        boolean hasVideo;
        long last;
        long lastKey = -1;
        double videoSize;
        double audioSize;
        double dataSize;
        int keyFrames;
        boolean lastVideoIsKey;
        int tags;
        long relative; // bytes of the kept tags before the current one
        double[] keyTimes = new double[16];
        long[] keyOffsets = new long[16];

        FlvDecoder.Listener listener(java.util.function.Consumer<FlvTag> kept) {
            return new FlvDecoder.Listener() {
                @Override
                public void onHeader(FlvHeader h) {
                    header = h;
                }

                @Override
                public void onTag(FlvTag tag) {
                    if (accept(tag)) {
                        kept.accept(tag);
                    }
                }

                @Override
                public void onAnomaly(Anomaly<FlvAnomalyKind> anomaly) {
                    anomalies.add(anomaly);
                }
            };
        }

        /** Counts a tag; false if it is an onMetaData to be replaced. */
        boolean accept(FlvTag tag) {
            int type = tag.tagType();
            if (type == FlvTagHeader.SCRIPT_DATA && !tag.filter()) {
                try {
                    OnMetaData m = ScriptData.parse(tag.body()).onMetaData();
                    if (m != null) {
                        if (existing.properties().isEmpty()) {
                            existing = m;
                        }
                        return false; // replaced
                    }
                } catch (StreamwireException notAmf) {
                    // keep the tag as it is
                }
            }
            boolean keyFrame = type == FlvTagHeader.VIDEO && isCodedKeyFrame(tag);
            int size = FlvWriter.tagSize(tag.dataSize());
            long timestamp = Integer.toUnsignedLong(tag.timestamp());
            dataSize += size;
            if (type == FlvTagHeader.AUDIO || type == FlvTagHeader.VIDEO) {
                last = Math.max(last, timestamp);
            }
            if (type == FlvTagHeader.AUDIO) {
                hasAudio = true;
                audioSize += size;
            } else if (type == FlvTagHeader.VIDEO) {
                hasVideo = true;
                videoSize += size;
                lastVideoIsKey = keyFrame;
                if (keyFrame) {
                    if (keyFrames == keyTimes.length) {
                        keyTimes = java.util.Arrays.copyOf(keyTimes, keyFrames * 2);
                        keyOffsets = java.util.Arrays.copyOf(keyOffsets, keyFrames * 2);
                    }
                    keyTimes[keyFrames] = timestamp / 1000.0;
                    keyOffsets[keyFrames++] = relative;
                    lastKey = timestamp;
                }
            }
            relative += size;
            tags++;
            return true;
        }

        Plan plan() {
            OnMetaData base = existing
                    .with("duration", last / 1000.0)
                    .with("lasttimestamp", last / 1000.0)
                    .with("datasize", dataSize)
                    .with("hasAudio", io.streamwire.amf.Amf0Value.of(hasAudio))
                    .with("hasVideo", io.streamwire.amf.Amf0Value.of(hasVideo))
                    .with("hasKeyframes", io.streamwire.amf.Amf0Value.of(keyFrames > 0))
                    .with("hasMetadata", io.streamwire.amf.Amf0Value.of(true))
                    .with("canSeekToEnd", io.streamwire.amf.Amf0Value.of(lastVideoIsKey))
                    .with("metadatacreator", new Amf0String("Streamwire MetadataInjector"));
            if (hasVideo) {
                base = base.with("videosize", videoSize);
            }
            if (hasAudio) {
                base = base.with("audiosize", audioSize);
            }
            if (lastKey >= 0) {
                base = base.with("lastkeyframetimestamp", lastKey / 1000.0);
            }
            // numbers are 9 bytes whatever their value: build once with placeholders to learn the layout
            OnMetaData sized = complete(base, keyFrames, 0, 0);
            int metaSize = ScriptData.of(sized).encodedSize();
            long offset = FlvHeader.LENGTH + 4L + FlvWriter.tagSize(metaSize);
            long fileSize = offset + (long) dataSize;
            double[] times = java.util.Arrays.copyOf(keyTimes, keyFrames);
            double[] positions = new double[keyFrames];
            for (int k = 0; k < keyFrames; k++) {
                positions[k] = offset + keyOffsets[k];
            }
            long lastKeyLocation = keyFrames > 0 ? offset + keyOffsets[keyFrames - 1] : 0;
            OnMetaData metadata = complete(base, keyFrames, fileSize, lastKeyLocation)
                    .with("keyframes", new OnMetaData.Keyframes(times, positions).toAmf0());
            ScriptData script = ScriptData.of(metadata);
            if (script.encodedSize() != metaSize) {
                throw new IllegalStateException("metadata size changed");
            }
            ByteBuffer prefix = ByteBuffer.allocate(Math.toIntExact(offset));
            FlvHeader h = header;
            FlvWriter.writeHeader(prefix, new FlvHeader(h.version(), hasAudio, hasVideo, 0, FlvHeader.LENGTH));
            ByteBuffer body = ByteBuffer.allocate(metaSize);
            script.writeTo(body);
            FlvWriter.writeTag(prefix, FlvTagHeader.SCRIPT_DATA, 0, body.flip());
            return new Plan(prefix.flip(), metadata, List.copyOf(anomalies), fileSize, tags);
        }
    }

    private static OnMetaData complete(OnMetaData base, int keyFrames, long fileSize, long lastKeyLocation) {
        OnMetaData m = base.with("filesize", (double) fileSize);
        if (keyFrames > 0) {
            m = m.with("lastkeyframelocation", (double) lastKeyLocation);
        }
        double[] zeros = new double[keyFrames];
        return m.with("keyframes", new OnMetaData.Keyframes(zeros, zeros).toAmf0());
    }

    private static boolean isCodedKeyFrame(FlvTag tag) {
        if (tag.dataSize() == 0 || tag.filter()) {
            return false;
        }
        ByteBuffer b = tag.buffer();
        int i = tag.bodyIndex();
        int b0 = b.get(i) & 0xFF;
        if ((b0 & 0x80) != 0) { // Enhanced RTMP: FrameType in bits 6..4, PacketType in 3..0
            int packetType = b0 & 0x0F;
            return (b0 >>> 4 & 7) == VideoTagBody.KEY_FRAME && packetType != ExVideoData.SEQUENCE_START
                    && packetType != ExVideoData.SEQUENCE_END && packetType != ExVideoData.METADATA;
        }
        if (b0 >>> 4 != VideoTagBody.KEY_FRAME) {
            return false;
        }
        return !VideoData.hasPacketType(b0 & 0x0F) || tag.dataSize() < 2 || b.get(i + 1) == VideoData.AVC_NALU;
    }
}
