package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.amf.Amf0Command;
import io.streamwire.amf.Amf0Null;
import io.streamwire.amf.Amf0String;
import io.streamwire.amf.Amf0Token;
import io.streamwire.amf.Amf0TokenReader;
import io.streamwire.amf.Amf0Value;
import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import io.streamwire.core.StreamwireException;
import io.streamwire.flv.AudioData;
import io.streamwire.flv.ExVideoData;
import io.streamwire.flv.FlvAnomalyKind;
import io.streamwire.flv.FlvDecoder;
import io.streamwire.flv.FlvHeader;
import io.streamwire.flv.FlvTag;
import io.streamwire.flv.FlvTagHeader;
import io.streamwire.flv.FlvWriter;
import io.streamwire.flv.FourCc;
import io.streamwire.flv.MetadataInjector;
import io.streamwire.flv.OnMetaData;
import io.streamwire.flv.ScriptData;
import io.streamwire.flv.VideoData;
import io.streamwire.flv.VideoTagBody;
import io.streamwire.flv.VideoTrack;
import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.ReadmeSnippets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The README's usage examples for this module, compiled and run against the public API only. */
class FlvReadmeExampleTest {

    @Test
    void writesAndReadsAHeader() {
        // README:begin
        ByteBuffer out = ByteBuffer.allocate(FlvHeader.LENGTH);
        FlvHeader.of(true, true).writeTo(out); // "FLV", version 1, audio + video, DataOffset 9
        FlvHeader header = FlvHeader.parse(out.flip()); // FlvException (a StreamwireException) on bad input
        // README:end
        assertThat(header.typeFlagsAudio()).isTrue();
        assertThat(header.typeFlagsVideo()).isTrue();
        assertThat(header.dataOffset()).isEqualTo(9);
    }

    @Test
    void decodesAFileInChunks() {
        byte[] file = Fixtures.bytes("flv/avc-aac-bframes.flv");
        List<ByteBuffer> chunks = Chunks.random(file, new Random(1)).stream().map(ByteBuffer::wrap).toList();
        // README:begin
        List<String> seen = new ArrayList<>();
        FlvDecoder decoder = new FlvDecoder(new FlvDecoder.Listener() {
            @Override
            public void onTag(FlvTag tag) { // a reused zero-copy view, valid during this call
                if (tag.tagType() == FlvTagHeader.VIDEO) {
                    VideoTagBody video = VideoTagBody.parse(tag.body()); // VideoData, or ExVideoData (Enhanced RTMP)
                    seen.add("video " + tag.timestamp() + (video.isKeyFrame() ? " key" : ""));
                } else if (tag.tagType() == FlvTagHeader.SCRIPT_DATA) {
                    OnMetaData meta = ScriptData.parse(tag.body()).onMetaData();
                    seen.add("duration " + meta.duration() + " s, " + meta.width() + "x" + meta.height());
                }
            }

            @Override
            public void onAnomaly(Anomaly<FlvAnomalyKind> anomaly) { // resync, truncated tail, PreviousTagSize mismatch
                seen.add("anomaly " + anomaly);
            }
        });
        for (ByteBuffer chunk : chunks) { // however the bytes arrive
            decoder.feed(chunk);
        }
        decoder.endOfInput();
        // README:end
        assertThat(seen.get(0)).isEqualTo("duration 2.08 s, 320.0x240.0");
        assertThat(seen.get(1)).isEqualTo("video 0 key");
        assertThat(seen).noneMatch(s -> s.startsWith("anomaly"));
    }

    @Test
    void takesBodiesInPiecesOrSkipsThem() {
        byte[] file = Fixtures.bytes("flv/avc-aac-bframes.flv");
        List<ByteBuffer> chunks = Chunks.random(file, new Random(2)).stream().map(ByteBuffer::wrap).toList();
        long[] audioBytes = {0};
        // README:begin
        FlvDecoder audioOnly = new FlvDecoder(new FlvDecoder.Listener() {
            @Override
            public Interest onTagHeader(FlvTag tag) { // decided per tag, before its body is read
                return tag.tagType() == FlvTagHeader.AUDIO ? Interest.FRAGMENTS : Interest.IGNORE;
            }

            @Override
            public void onTagFragment(FlvTag tag, ByteBuffer part, boolean last) { // as the bytes arrive, unbuffered
                audioBytes[0] += part.remaining();
            }

            @Override
            public void onTag(FlvTag tag) {} // only for tags answered Interest.WHOLE (the default)
        });
        try {
            for (ByteBuffer chunk : chunks) {
                audioOnly.feed(chunk);
            }
            audioOnly.endOfInput();
        } catch (StreamwireException e) { // FlvException, or core's TruncatedInputException / LimitExceededException
            System.err.println(e.module() + " error at offset " + e.offset() + ": " + e.getMessage()); // module "flv"
        }
        // README:end
        long[] expected = {0};
        FlvDecoder whole = new FlvDecoder(tag -> expected[0] += tag.tagType() == FlvTagHeader.AUDIO ? tag.dataSize() : 0);
        whole.feed(ByteBuffer.wrap(file));
        whole.endOfInput();
        assertThat(audioBytes[0]).isEqualTo(expected[0]).isPositive();
    }

    @Test
    void answersAnRtmpConnect() {
        byte[] connectBody = Amf0Command.of("connect", 1, Amf0Value.object(Map.of("app", new Amf0String("live"),
                "tcUrl", new Amf0String("rtmp://localhost/live")))).toByteArray();
        ByteBuffer body = ByteBuffer.wrap(connectBody);
        // README:begin
        Amf0Command connect = Amf0Command.parse(body); // StreamwireException, module() "amf", on bad input
        String app = connect.commandObject().asProperties().get("app").asString(); // "live"
        Amf0Command result = Amf0Command.of("_result", connect.transactionId(),
                Amf0Value.object(Map.of("fmsVer", new Amf0String("FMS/3,0,1,123"))),
                Amf0Value.object(Map.of("code", new Amf0String("NetConnection.Connect.Success"))));
        byte[] reply = result.toByteArray(); // the AMF0 body of an RTMP message type 20
        // README:end
        assertThat(app).isEqualTo("live");
        assertThat(Amf0Command.parse(ByteBuffer.wrap(reply))).isEqualTo(result);
        assertThat(Amf0Null.INSTANCE).isNotNull();
    }

    @Test
    void walksTokensWithoutATree() {
        ByteBuffer body = ByteBuffer.wrap(Amf0Command.of("publish", 5, Amf0Null.INSTANCE, new Amf0String("stream"),
                new Amf0String("live")).toByteArray());
        // README:begin
        Amf0TokenReader reader = new Amf0TokenReader(); // keep one per connection: reset() reuses it
        reader.reset(body);
        boolean isPublish = reader.next() == Amf0Token.STRING && reader.stringEquals("publish"); // no String made
        double transactionId = reader.readNumber();
        reader.skipValue(); // the command object (null here)
        String streamName = reader.readString(); // the only allocation: the string asked for
        // README:end
        assertThat(isPublish).isTrue();
        assertThat(transactionId).isEqualTo(5);
        assertThat(streamName).isEqualTo("stream");
    }

    @Test
    void injectsMetadata() {
        byte[] recording = Fixtures.bytes("flv/avc-mp3.flv");
        // README:begin
        MetadataInjector.Result fixed = MetadataInjector.inject(recording); // what yamdi/flvtool2 do
        byte[] seekable = fixed.file(); // onMetaData with duration, filesize and keyframes {times, filepositions}
        double[] keyframeOffsets = fixed.metadata().keyframes().filepositions();
        // README:end
        assertThat(seekable.length).isEqualTo((int) fixed.metadata().filesize());
        assertThat(keyframeOffsets).isNotEmpty();
    }

    @Test
    void injectsMetadataStreaming(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        byte[] bytes = Fixtures.bytes("flv/avc-mp3.flv");
        java.nio.file.Path recording = java.nio.file.Files.write(dir.resolve("live.flv"), bytes);
        java.nio.file.Path seekableFile = dir.resolve("live-seekable.flv");
        // README:begin
        // two reads of the file, memory per key frame only: for recordings too big for one byte[]
        MetadataInjector.Plan plan = MetadataInjector.inject(recording, seekableFile);
        long size = plan.fileSize(); // same bytes as MetadataInjector.inject(byte[])
        // README:end
        assertThat(java.nio.file.Files.readAllBytes(seekableFile)).isEqualTo(MetadataInjector.inject(bytes).file());
        assertThat(size).isEqualTo(java.nio.file.Files.size(seekableFile));
    }

    @Test
    void hevcEitherWay() {
        ByteBuffer nalUnits = ByteBuffer.wrap(new byte[] {0, 0, 0, 3, 0x26, 0x01, (byte) 0xaf}); // one IDR_W_RADL NAL unit
        // README:begin
        // write: Enhanced RTMP hvc1 by default, legacy CodecID 12 when asked (or converted)
        VideoTagBody enhanced = FlvWriter.hevc(VideoTagBody.KEY_FRAME, ExVideoData.CODED_FRAMES, 80, nalUnits);
        VideoTagBody legacy = FlvWriter.hevc(FlvWriter.HevcForm.LEGACY_CODEC_ID_12, enhanced);
        ByteBuffer out = ByteBuffer.allocate(FlvWriter.videoTagSize(legacy));
        FlvWriter.writeVideoTag(out, 40, legacy); // tag header (type 9, 40 ms), body, PreviousTagSize

        // read: one model whichever form arrived
        VideoTagBody video = VideoTagBody.parse(out.flip().position(FlvTagHeader.LENGTH).limit(out.limit() - 4));
        boolean hevc = FourCc.HVC1.equals(video.fourCc()); // hvc1, and legacy CodecID 12
        boolean frames = video.videoPacketType() == ExVideoData.CODED_FRAMES; // AVCPacketType 1 = CodedFrames
        VideoTrack track = video.track(); // FourCC, composition time, NAL units with 4-byte lengths
        // README:end
        assertThat(hevc).isTrue();
        assertThat(frames).isTrue();
        assertThat(video).isEqualTo(legacy);
        assertThat(track).isEqualTo(enhanced.track());
        assertThat(track.compositionTime()).isEqualTo(80);
        assertThat(track.data()).isEqualTo(nalUnits);
    }

    @Test
    void peeksAtTagBodies() {
        ByteBuffer body = ByteBuffer.wrap(new byte[] {0x17, 0x01, 0, 0, 0, 0, 0, 0, 2, 0x65, (byte) 0x88});
        // README:begin
        // cheap checks on a video/audio tag body (legacy or Enhanced RTMP): no parse, no allocation
        boolean cutHere = VideoData.isKeyframe(body); // FrameType 1 with coded frames, not a sequence header
        boolean cacheIt = VideoData.isSequenceHeader(body) || AudioData.isSequenceHeader(body);
        boolean h264 = VideoData.peekFourCc(body) == FourCc.AVC1.value(); // legacy AVC maps to avc1
        // README:end
        assertThat(cutHere).isTrue();
        assertThat(cacheIt).isFalse();
        assertThat(h264).isTrue();
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(FlvReadmeExampleTest.class);
    }
}
