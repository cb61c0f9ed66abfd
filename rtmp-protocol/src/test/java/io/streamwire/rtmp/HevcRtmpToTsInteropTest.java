package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.flv.ExVideoData;
import io.streamwire.flv.FourCc;
import io.streamwire.flv.VideoTagBody;
import io.streamwire.flv.VideoTrack;
import io.streamwire.h265.HevcDecoderConfigurationRecord;
import io.streamwire.h265.HevcSps;
import io.streamwire.h265.Hvcc;
import io.streamwire.h265.NalUnitType;
import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.CmafSegmenter;
import io.streamwire.mp4.CmafTrack;
import io.streamwire.mp4.CodecConfigurationBox;
import io.streamwire.mp4.InitSegment;
import io.streamwire.mp4.Mp4Limits;
import io.streamwire.mp4.SegmentTargets;
import io.streamwire.mp4.VisualSampleEntry;
import java.time.Duration;
import io.streamwire.mpegts.TsMuxer;
import io.streamwire.mpegts.TsMuxerConfig;
import io.streamwire.testkit.ExternalTools;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEVC from a real encoder, end to end: ffmpeg 7.0 publishes the Enhanced RTMP ({@code hvc1}) fixture
 * to a {@link ServerSession} server over loopback; each coded frame's length-prefixed NAL units are
 * turned into Annex B with the {@code hvcC}'s VPS/SPS/PPS before each IRAP access unit
 * ({@link Hvcc#toAnnexB}) and muxed with {@link TsMuxer} (stream_type 0x24). ffmpeg 5.1 then reads the
 * TS with no message and decodes the same pictures as ffmpeg 7.0 decodes from the FLV (the hashes of
 * {@code -f framemd5} compared frame by frame; timestamps differ in time base only). The same frames,
 * kept length-prefixed, go into CMAF (an {@code hvc1} init segment with the published {@code hvcC} and
 * {@link CmafSegmenter} parts) and decode to the same pictures.
 */
@Tag("interop")
class HevcRtmpToTsInteropTest {

    @Test
    void publishedHevcMuxedToTsDecodesToTheSourcePictures(@TempDir Path dir) throws Exception {
        Path flv = EnhancedRtmpInteropTest.fixture(EnhancedRtmpInteropTest.HEVC);
        List<TestRtmpServer.Received> received;
        try (TestRtmpServer server = EnhancedRtmpInteropTest.publish(flv)) {
            received = List.copyOf(server.media);
        }
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac().withVideo(TsMuxerConfig.VideoCodec.HEVC).withAudio(false));
        ByteArrayOutputStream ts = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(1 << 20);
        out.clear();
        muxer.writePsi(out);
        HevcDecoderConfigurationRecord config = null;
        int frames = 0;
        int keyframes = 0;
        int withParameterSets = 0;
        for (TestRtmpServer.Received m : received) {
            if (m.type() != 9) {
                continue;
            }
            VideoTagBody body = VideoTagBody.parse(ByteBuffer.wrap(m.body()));
            VideoTrack track = body.track();
            if (track == null) {
                continue;
            }
            assertThat(track.fourCc()).isEqualTo(FourCc.HVC1);
            int type = body.videoPacketType() == ExVideoData.CODED_FRAMES_X ? ExVideoData.CODED_FRAMES : body.videoPacketType();
            if (type == ExVideoData.SEQUENCE_START && track.data().hasRemaining()) {
                config = HevcDecoderConfigurationRecord.parse(track.data());
            } else if (type == ExVideoData.CODED_FRAMES) {
                assertThat(config).as("hvcC before the first frame").isNotNull();
                byte[] annexB = Hvcc.toAnnexB(track.data(), config.nalUnitLengthSize(), config);
                boolean key = body.frameType() == 1;
                if (key && annexB.length > track.data().remaining() + 4) {
                    withParameterSets++;
                }
                long dts = m.timestamp() * 90;
                long pts = (m.timestamp() + track.compositionTime()) * 90;
                muxer.writeVideo(ByteBuffer.wrap(annexB), pts, dts, key, out);
                frames++;
                keyframes += key ? 1 : 0;
            }
            if (out.position() > out.capacity() / 2) {
                ts.write(out.array(), 0, out.position());
                out.clear();
            }
        }
        muxer.flush(out);
        ts.write(out.array(), 0, out.position());
        assertThat(frames).isGreaterThanOrEqualTo(16);
        assertThat(keyframes).isGreaterThanOrEqualTo(2);
        // the encoder sends parameter sets only in the hvcC: Hvcc.toAnnexB puts them before each IRAP
        assertThat(withParameterSets).isEqualTo(keyframes);
        Path tsFile = dir.resolve("published.ts");
        Files.write(tsFile, ts.toByteArray());

        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        List<String> check = List.of(ffmpeg.toString(), "-v", "error", "-i", tsFile.toString(), "-f", "null", "-");
        ExternalTools.Result r = ExternalTools.run(60, check).requireSuccess(check);
        assertThat(r.stderr()).as("ffmpeg 5.1 reading our TS").isEmpty();

        List<String> ours = hashes(List.of(ffmpeg.toString(), "-v", "error", "-i", tsFile.toString(), "-map", "0:v", "-f", "framemd5", "-"));
        List<String> source = hashes(List.of(ExternalTools.requireFfmpeg7().toString(), "-v", "error", "-i", flv.toString(),
                "-map", "0:v", "-f", "framemd5", "-"));
        assertThat(source).hasSize(frames);
        assertThat(ours).containsExactlyElementsOf(source);
    }

    @Test
    void publishedHevcSegmentedAsCmafDecodesToTheSourcePictures(@TempDir Path dir) throws Exception {
        Path flv = EnhancedRtmpInteropTest.fixture(EnhancedRtmpInteropTest.HEVC);
        List<TestRtmpServer.Received> received;
        try (TestRtmpServer server = EnhancedRtmpInteropTest.publish(flv)) {
            received = List.copyOf(server.media);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(1 << 20);
        CmafSegmenter segmenter = null;
        int frames = 0;
        int parts = 0;
        for (TestRtmpServer.Received m : received) {
            if (m.type() != 9) {
                continue;
            }
            VideoTagBody body = VideoTagBody.parse(ByteBuffer.wrap(m.body()));
            VideoTrack track = body.track();
            if (track == null) {
                continue;
            }
            int type = body.videoPacketType() == ExVideoData.CODED_FRAMES_X ? ExVideoData.CODED_FRAMES : body.videoPacketType();
            if (type == ExVideoData.SEQUENCE_START && track.data().hasRemaining() && segmenter == null) {
                byte[] hvcC = new byte[track.data().remaining()];
                track.data().duplicate().get(hvcC);
                HevcDecoderConfigurationRecord config = HevcDecoderConfigurationRecord.parse(ByteBuffer.wrap(hvcC));
                HevcSps sps = HevcSps.parse(config.nalUnits(NalUnitType.SPS_NUT).get(0));
                CmafTrack video = CmafTrack.video(1, 1000, VisualSampleEntry.of(BoxType.HVC1, sps.widthPixels(), sps.heightPixels(),
                        CodecConfigurationBox.hvcC(hvcC)));
                assertThat(video.codecString()).isEqualTo(config.codecString("hvc1"));
                file.writeBytes(InitSegment.toByteArray(List.of(video)));
                segmenter = new CmafSegmenter(List.of(video), SegmentTargets.of(Duration.ofMillis(400), Duration.ofMillis(100)),
                        Mp4Limits.defaults());
            } else if (type == ExVideoData.CODED_FRAMES) {
                assertThat(segmenter).as("hvcC before the first frame").isNotNull();
                // FLV timestamps are milliseconds: a 1 kHz timescale keeps them exact
                segmenter.addSample(0, track.data(), m.timestamp(), track.compositionTime(), CmafSegmenter.NEXT_SAMPLE,
                        body.frameType() == 1);
                frames++;
            }
            while (segmenter != null && segmenter.hasPart()) {
                segmenter.writePart(out.clear());
                file.write(out.array(), 0, out.position());
                parts++;
            }
        }
        segmenter.flush();
        while (segmenter.hasPart()) {
            segmenter.writePart(out.clear());
            file.write(out.array(), 0, out.position());
            parts++;
        }
        assertThat(frames).isGreaterThanOrEqualTo(16);
        assertThat(parts).isGreaterThan(1);
        Path mp4 = dir.resolve("published.mp4");
        Files.write(mp4, file.toByteArray());

        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        List<String> check = List.of(ffmpeg.toString(), "-v", "error", "-i", mp4.toString(), "-f", "null", "-");
        assertThat(ExternalTools.run(60, check).requireSuccess(check).stderr()).as("ffmpeg 5.1 reading our CMAF").isEmpty();
        List<String> ours = hashes(List.of(ffmpeg.toString(), "-v", "error", "-i", mp4.toString(), "-map", "0:v", "-f", "framemd5", "-"));
        List<String> source = hashes(List.of(ExternalTools.requireFfmpeg7().toString(), "-v", "error", "-i", flv.toString(),
                "-map", "0:v", "-f", "framemd5", "-"));
        assertThat(source).hasSize(frames);
        assertThat(ours).containsExactlyElementsOf(source);
    }

    /** The MD5 column of {@code -f framemd5}, one per decoded picture, in output order. */
    private static List<String> hashes(List<String> cmd) {
        List<String> md5 = new ArrayList<>();
        for (String line : ExternalTools.run(120, cmd).requireSuccess(cmd).stdout().lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split(",");
                md5.add(f[f.length - 1].strip());
            }
        }
        return md5;
    }
}
