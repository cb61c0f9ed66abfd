package io.streamwire.h264;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Live checks against the installed ffprobe and ffmpeg (interop profile only). */
@Tag("interop")
class FfmpegInteropTest {

    static List<String> run(List<String> cmd) {
        return ExternalTools.run(120, cmd).requireSuccess(cmd).stdout().lines().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "main-bframes", "high10", "yuv444", "interlaced", "slices4", "aud-hrd", "crop-318x238"})
    void liveFfprobeAgrees(String name, @TempDir Path dir) {
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        Path file = Fixtures.copyTo("h264/" + name + ".h264", dir);
        List<String> stream = run(List.of(ffprobe.toString(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=profile,level,width,height,pix_fmt,field_order,r_frame_rate", "-of", "default=noprint_wrappers=1", file.toString()));
        List<String> packets = run(List.of(ffprobe.toString(), "-v", "error", "-show_entries", "packet=pos,flags", "-of", "csv=p=0", file.toString()));
        byte[] bytes = Fixtures.bytes("h264/" + name + ".h264");
        Sps sps = Sps.parse(SpsTest.nalsOfType(bytes, 7).get(0));
        SpsTest.assertMatchesFfprobe(sps, SpsTest.keyValues(stream), name);
        List<AccessUnit> aus = AccessUnit.split(ByteBuffer.wrap(bytes));
        assertThat(aus).hasSameSizeAs(packets);
        for (int i = 0; i < aus.size(); i++) {
            assertThat(aus.get(i).keyframe()).as("%s AU %d", name, i).isEqualTo(packets.get(i).contains("K"));
        }
    }

    /**
     * MPEG-TS → RTMP → MPEG-TS: each access unit to an AVCC sample without parameter sets (as FLV
     * carries it), then back to Annex B with the avcC's SPS/PPS inserted before each IDR; ffmpeg
     * must decode every frame of the result without error.
     */
    @Test
    void ffmpegDecodesWhatAvccToAnnexBProduces(@TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        byte[] original = Fixtures.bytes("h264/main-bframes.h264");
        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(original));
        ByteBuffer sps = nals.stream().filter(n -> (n.get(0) & 0x1F) == 7).findFirst().orElseThrow();
        ByteBuffer pps = nals.stream().filter(n -> (n.get(0) & 0x1F) == 8).findFirst().orElseThrow();
        Sps parsed = Sps.parse(sps.duplicate());
        AvcDecoderConfigurationRecord config = new AvcDecoderConfigurationRecord(1, parsed.profileIdc(),
                parsed.constraintSetFlags() << 2 | parsed.reservedZero2bits(), parsed.levelIdc(), 3, List.of(sps), List.of(pps), null);
        config = AvcDecoderConfigurationRecord.parse(ByteBuffer.wrap(config.toByteArray()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<AccessUnit> aus = AccessUnit.split(ByteBuffer.wrap(original));
        for (AccessUnit au : aus) {
            byte[] sample = Avcc.fromAnnexB(ByteBuffer.wrap(original, (int) au.offset() - 3, au.length() + 3), 4, true);
            assertThat(Avcc.split(ByteBuffer.wrap(sample), 4)).allMatch(n -> (n.get(0) & 0x1F) != 7 && (n.get(0) & 0x1F) != 8);
            out.writeBytes(Avcc.toAnnexB(ByteBuffer.wrap(sample), config.nalUnitLengthSize(), config));
        }
        Path converted = dir.resolve("converted.h264");
        Files.write(converted, out.toByteArray());
        List<String> cmd = List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-i", converted.toString(), "-f", "null", "-");
        assertThat(ExternalTools.run(120, cmd).requireSuccess(cmd).stderr()).isEmpty();
        List<String> frames = run(List.of(ffprobe.toString(), "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", converted.toString()));
        assertThat(frames).containsExactly(String.valueOf(aus.size()));
        List<AccessUnit> again = AccessUnit.split(ByteBuffer.wrap(out.toByteArray()));
        List<Boolean> keys = new ArrayList<>();
        again.forEach(a -> keys.add(a.keyframe()));
        assertThat(keys).isEqualTo(aus.stream().map(AccessUnit::keyframe).toList());
    }

    /**
     * The same round trip through the buffer variant of {@code Avcc.toAnnexB}, each sample starting
     * with an access unit delimiter: the parameter sets must land right after it, one reused output
     * buffer serves every frame, and ffmpeg must decode every frame without error.
     */
    @Test
    void ffmpegDecodesWhatAvccToAnnexBIntoBufferProduces(@TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        byte[] original = Fixtures.bytes("h264/main-bframes.h264");
        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(original));
        ByteBuffer sps = nals.stream().filter(n -> (n.get(0) & 0x1F) == 7).findFirst().orElseThrow();
        ByteBuffer pps = nals.stream().filter(n -> (n.get(0) & 0x1F) == 8).findFirst().orElseThrow();
        Sps parsed = Sps.parse(sps.duplicate());
        AvcDecoderConfigurationRecord config = AvcDecoderConfigurationRecord.parse(ByteBuffer.wrap(new AvcDecoderConfigurationRecord(1,
                parsed.profileIdc(), parsed.constraintSetFlags() << 2 | parsed.reservedZero2bits(), parsed.levelIdc(), 3,
                List.of(sps), List.of(pps), null).toByteArray()));
        ByteBuffer frame = ByteBuffer.allocate(original.length + 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<AccessUnit> aus = AccessUnit.split(ByteBuffer.wrap(original));
        for (AccessUnit au : aus) {
            byte[] withoutSets = Avcc.fromAnnexB(ByteBuffer.wrap(original, (int) au.offset() - 3, au.length() + 3), 4, true);
            List<ByteBuffer> units = new ArrayList<>();
            units.add(ByteBuffer.wrap(new byte[] {0x09, (byte) 0xF0})); // AUD, primary_pic_type 7
            units.addAll(Avcc.split(ByteBuffer.wrap(withoutSets), 4));
            ByteBuffer sample = ByteBuffer.wrap(Avcc.toByteArray(units, 4));
            frame.clear();
            int n = Avcc.toAnnexB(sample, config.nalUnitLengthSize(), config, frame);
            List<ByteBuffer> written = AnnexB.split(ByteBuffer.wrap(frame.array(), 0, n));
            assertThat(written.get(0).get(0) & 0x1F).isEqualTo(9);
            if (au.keyframe()) {
                assertThat(written.get(1).get(0) & 0x1F).isEqualTo(7);
                assertThat(written.get(2).get(0) & 0x1F).isEqualTo(8);
            }
            out.write(frame.array(), 0, n);
        }
        Path converted = dir.resolve("converted-aud.h264");
        Files.write(converted, out.toByteArray());
        List<String> cmd = List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-i", converted.toString(), "-f", "null", "-");
        assertThat(ExternalTools.run(120, cmd).requireSuccess(cmd).stderr()).isEmpty();
        List<String> frames = run(List.of(ffprobe.toString(), "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", converted.toString()));
        assertThat(frames).containsExactly(String.valueOf(aus.size()));
        List<AccessUnit> again = AccessUnit.split(ByteBuffer.wrap(out.toByteArray()));
        assertThat(again.stream().map(AccessUnit::keyframe).toList()).isEqualTo(aus.stream().map(AccessUnit::keyframe).toList());
    }

    /** A few frames of ffmpeg's test pattern encoded by {@code encoder} in {@code pixFmt}, as raw H.264. */
    static byte[] encode(Path dir, String encoder, String pixFmt, String x264Params) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        Path file = dir.resolve(encoder + "-" + pixFmt + ".h264");
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-f", "lavfi", "-i",
                "testsrc=size=64x64:rate=25:duration=0.2", "-pix_fmt", pixFmt, "-c:v", encoder));
        if (x264Params != null) {
            cmd.addAll(List.of("-x264-params", x264Params));
        }
        cmd.addAll(List.of("-f", "h264", file.toString()));
        ExternalTools.run(120, cmd).requireSuccess(cmd);
        return Files.readAllBytes(file);
    }

    static String probe(Path dir, byte[] stream, String entry) throws IOException {
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        Path file = Files.write(dir.resolve("probe.h264"), stream);
        return run(List.of(ffprobe.toString(), "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=" + entry,
                "-of", "csv=p=0", file.toString())).get(0);
    }

    /** pix_fmt of ffmpeg 5.1's decoder, full range (yuvj*) and GBR included. */
    @ParameterizedTest
    @ValueSource(strings = {"libx264:yuv420p", "libx264:yuvj420p", "libx264:yuvj422p", "libx264:yuvj444p",
        "libx264:yuv420p10le", "libx264:yuv422p10le", "libx264:gray", "libx264:gray10le", "libx264rgb:bgr0"})
    void pixelFormatAgreesWithLiveFfprobe(String encoderAndFormat, @TempDir Path dir) throws IOException {
        String[] p = encoderAndFormat.split(":");
        byte[] stream = encode(dir, p[0], p[1], null);
        Sps sps = Sps.parse(SpsTest.nalsOfType(stream, 7).get(0));
        assertThat(sps.pixelFormat()).as(encoderAndFormat).isEqualTo(probe(dir, stream, "pix_fmt"));
    }

    /**
     * x264's fake-interlaced mode: frame_mbs_only_flag 0, but every picture a frame with pic_struct 0;
     * ffprobe says progressive, and so does {@link PicTiming#fieldOrder()}.
     */
    @Test
    void fakeInterlacedFramesAreProgressive(@TempDir Path dir) throws IOException {
        byte[] stream = encode(dir, "libx264", "yuv420p", "fake-interlaced=1:pic-struct=1");
        ParameterSets sets = new ParameterSets();
        int picTimings = 0;
        String fieldOrder = probe(dir, stream, "field_order");
        assertThat(fieldOrder).isEqualTo("progressive");
        for (ByteBuffer nal : AnnexB.split(ByteBuffer.wrap(stream))) {
            if (sets.accept(nal, 0)) {
                assertThat(sets.sps(0).frameMbsOnlyFlag()).isFalse();
            } else if ((nal.get(nal.position()) & 0x1F) == 6) {
                for (SeiMessage m : SeiMessage.parseAll(nal)) {
                    if (m.payloadType() == SeiMessage.PIC_TIMING) {
                        assertThat(PicTiming.parse(m, sets.sps(0)).fieldOrder()).isEqualTo(fieldOrder);
                        picTimings++;
                    }
                }
            }
        }
        assertThat(picTimings).isPositive();
    }
}
