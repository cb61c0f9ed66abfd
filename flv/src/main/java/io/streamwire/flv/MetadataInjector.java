package io.streamwire.flv;

import io.streamwire.amf.Amf0String;
import java.nio.ByteBuffer;
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
    public record Result(byte[] file, OnMetaData metadata, List<FlvAnomaly> anomalies) {}

    private record Tag(FlvTagHeader header, int bodyIndex, boolean keyFrame) {}

    /**
     * Reads {@code input} (a complete FLV file) and returns it with injected metadata.
     *
     * @throws FlvException if the header is malformed or a tag passes the default size limit
     */
    public static Result inject(byte[] input) {
        ByteBuffer in = ByteBuffer.wrap(input);
        List<Tag> tags = new ArrayList<>();
        List<FlvAnomaly> anomalies = new ArrayList<>();
        OnMetaData[] existing = {new OnMetaData(java.util.Map.of())};
        FlvHeader[] header = new FlvHeader[1];
        FlvDecoder decoder = new FlvDecoder(new FlvDecoder.Listener() {
            @Override
            public void onHeader(FlvHeader h) {
                header[0] = h;
            }

            @Override
            public void onTag(FlvTag tag) {
                if (tag.tagType() == FlvTagHeader.SCRIPT_DATA && !tag.filter()) {
                    try {
                        OnMetaData m = ScriptData.parse(tag.body()).onMetaData();
                        if (m != null) {
                            if (existing[0].properties().isEmpty()) {
                                existing[0] = m;
                            }
                            return; // replaced
                        }
                    } catch (FlvException notAmf) {
                        // keep the tag as it is
                    }
                }
                tags.add(new Tag(tag.header(), tag.bodyIndex(), tag.tagType() == FlvTagHeader.VIDEO && isCodedKeyFrame(tag)));
            }

            @Override
            public void onAnomaly(FlvAnomaly anomaly) {
                anomalies.add(anomaly);
            }
        });
        decoder.feed(in);
        decoder.endOfInput();

        boolean hasAudio = false;
        boolean hasVideo = false;
        long last = 0;
        long lastKey = -1;
        double videoSize = 0;
        double audioSize = 0;
        double dataSize = 0;
        int keyFrames = 0;
        boolean lastVideoIsKey = false;
        for (Tag t : tags) {
            int type = t.header().tagType();
            int size = t.header().tagSizeWithTrailer();
            dataSize += size;
            if (type == FlvTagHeader.AUDIO || type == FlvTagHeader.VIDEO) {
                last = Math.max(last, t.header().timestampUnsigned());
            }
            if (type == FlvTagHeader.AUDIO) {
                hasAudio = true;
                audioSize += size;
            } else if (type == FlvTagHeader.VIDEO) {
                hasVideo = true;
                videoSize += size;
                lastVideoIsKey = t.keyFrame();
                if (t.keyFrame()) {
                    keyFrames++;
                    lastKey = t.header().timestampUnsigned();
                }
            }
        }
        OnMetaData base = existing[0]
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
        OnMetaData sized = complete(base, tags, keyFrames, 0, 0);
        int metaSize = ScriptData.of(sized).encodedSize();
        long offset = FlvHeader.LENGTH + 4L + FlvWriter.tagSize(metaSize);
        long fileSize = offset + (long) dataSize;
        double[] times = new double[keyFrames];
        double[] positions = new double[keyFrames];
        long lastKeyLocation = 0;
        int k = 0;
        for (Tag t : tags) {
            if (t.keyFrame()) {
                times[k] = t.header().timestampUnsigned() / 1000.0;
                positions[k++] = offset;
                lastKeyLocation = offset;
            }
            offset += t.header().tagSizeWithTrailer();
        }
        OnMetaData metadata = complete(base, tags, keyFrames, fileSize, lastKeyLocation)
                .with("keyframes", new OnMetaData.Keyframes(times, positions).toAmf0());
        ScriptData script = ScriptData.of(metadata);
        if (script.encodedSize() != metaSize) {
            throw new IllegalStateException("metadata size changed");
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(fileSize));
        FlvHeader h = header[0];
        FlvWriter.writeHeader(out, new FlvHeader(h.version(), hasAudio, hasVideo, 0, FlvHeader.LENGTH));
        ByteBuffer body = ByteBuffer.allocate(metaSize);
        script.writeTo(body);
        FlvWriter.writeTag(out, FlvTagHeader.SCRIPT_DATA, 0, body.flip());
        for (Tag t : tags) {
            FlvWriter.writeTag(out, t.header(), in.slice(t.bodyIndex(), t.header().dataSize()));
        }
        if (out.hasRemaining()) {
            throw new IllegalStateException("layout mismatch");
        }
        return new Result(out.array(), metadata, List.copyOf(anomalies));
    }

    private static OnMetaData complete(OnMetaData base, List<Tag> tags, int keyFrames, long fileSize, long lastKeyLocation) {
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
        return (b0 & 0x0F) != VideoData.AVC || tag.dataSize() < 2 || b.get(i + 1) == VideoData.AVC_NALU;
    }
}
