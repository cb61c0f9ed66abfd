package io.streamwire.mpegts;

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

/**
 * What an RTMP → HLS server does: FLV tags (AVCC video, raw AAC) turned into Annex B access units and
 * ADTS frames, muxed by {@link TsMuxer}, cut into segments at keyframes. The FLV comes from ffmpeg
 * ({@code -c copy} of a fixture); a minimal test-only FLV tag walk stands in for the {@code flv}
 * module, which library modules may not depend on. Interop profile only.
 */
@Tag("interop")
class FlvRemuxInteropTest {
    private static final long OFFSET_90K = 900_000; // keep PCR (DTS - 0.7 s) positive

    @Test
    void flvRemuxedToTsDecodesAndKeepsEveryPacket(@TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        Path source = Fixtures.copyTo("mpegts/h264-aac.ts", dir);
        Path flv = dir.resolve("in.flv");
        List<String> cmd = List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-i", source.toString(), "-c", "copy", "-f", "flv",
                flv.toString());
        ExternalTools.run(60, cmd).requireSuccess(cmd);

        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac());
        ByteBuffer out = ByteBuffer.allocate(4 << 20);
        List<Integer> segments = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(flv));
        in.position(9 + 4); // FLV header, PreviousTagSize0
        byte[] spsPps = null;
        int[] aac = null; // audio object type, sampling frequency index, channel configuration
        List<long[]> expected = new ArrayList<>(); // {stream 0 video / 1 audio, pts, dts, key}
        while (in.remaining() >= 11) {
            int type = in.get() & 0x1F;
            int size = ((in.get() & 0xFF) << 16) | ((in.getShort() & 0xFFFF));
            int ts = ((in.get() & 0xFF) << 16) | (in.getShort() & 0xFFFF) | ((in.get() & 0xFF) << 24);
            in.position(in.position() + 3);
            ByteBuffer body = in.slice(in.position(), size);
            in.position(in.position() + size + 4);
            if (type == 9 && size >= 5 && (body.get(0) & 0x0F) == 7) {
                boolean key = (body.get(0) & 0xF0) == 0x10;
                int packetType = body.get(1);
                int cts = (body.get(2) << 16) | ((body.get(3) & 0xFF) << 8) | (body.get(4) & 0xFF);
                if (packetType == 0) {
                    spsPps = annexBFromConfig(body.slice(5, size - 5));
                } else if (packetType == 1) {
                    byte[] au = annexB(body.slice(5, size - 5), key ? spsPps : null);
                    long dts = ts * 90L + OFFSET_90K;
                    long pts = (ts + cts) * 90L + OFFSET_90K;
                    if (key) {
                        muxer.startSegment();
                        segments.add(out.position());
                    }
                    muxer.writeVideo(ByteBuffer.wrap(au), pts, dts, key, out);
                    expected.add(new long[] {0, pts, dts, key ? 1 : 0});
                }
            } else if (type == 8 && size >= 2 && (body.get(0) & 0xF0) == 0xA0) {
                if (body.get(1) == 0) {
                    if (size < 4) {
                        continue; // ffmpeg writes an empty sequence header before the real one
                    }
                    int b0 = body.get(2) & 0xFF;
                    int b1 = body.get(3) & 0xFF;
                    aac = new int[] {b0 >>> 3, ((b0 & 7) << 1) | (b1 >>> 7), (b1 >>> 3) & 0xF};
                } else {
                    int length = size - 2 + 7;
                    ByteBuffer adts = ByteBuffer.allocate(length);
                    adts.put((byte) 0xFF).put((byte) 0xF1).put((byte) ((aac[0] - 1) << 6 | aac[1] << 2 | aac[2] >>> 2))
                            .put((byte) ((aac[2] & 3) << 6 | length >>> 11)).put((byte) (length >>> 3))
                            .put((byte) ((length & 7) << 5 | 0x1F)).put((byte) 0xFC).put(body.slice(2, size - 2)).flip();
                    long pts = ts * 90L + OFFSET_90K;
                    muxer.writeAudio(adts, pts, out);
                    expected.add(new long[] {1, pts, pts, 1});
                }
            }
        }
        byte[] ts = java.util.Arrays.copyOf(out.array(), out.position());
        Path tsFile = dir.resolve("out.ts");
        Files.write(tsFile, ts);
        TsMuxerInteropTest.assertDecodesSilently(tsFile);
        List<String> probed = TsMuxerInteropTest.ffprobePackets(tsFile);
        assertThat(probed).hasSameSizeAs(expected);
        for (int stream = 0; stream < 2; stream++) {
            int s = stream;
            List<long[]> e = expected.stream().filter(r -> r[0] == s).toList();
            List<long[]> o = probed.stream().map(l -> l.split(",")).filter(f -> Integer.parseInt(f[0]) == s)
                    .map(f -> new long[] {s, Long.parseLong(f[1]), Long.parseLong(f[2]), f[6].startsWith("K") ? 1 : 0}).toList();
            assertThat(o).hasSameSizeAs(e).isNotEmpty();
            for (int i = 0; i < e.size(); i++) {
                assertThat(o.get(i)).as("stream %d packet %d {stream, pts, dts, key}", s, i).containsExactly(e.get(i));
            }
        }
        assertThat(segments).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < segments.size(); i++) {
            int to = i + 1 < segments.size() ? segments.get(i + 1) : ts.length;
            Path segment = dir.resolve("flv-segment-" + i + ".ts");
            Files.write(segment, java.util.Arrays.copyOfRange(ts, segments.get(i), to));
            TsMuxerInteropTest.assertDecodesSilently(segment);
        }
    }

    /** SPS and PPS of an AVCDecoderConfigurationRecord as Annex B. */
    static byte[] annexBFromConfig(ByteBuffer config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 5;
        int sps = config.get(i++) & 0x1F;
        for (int k = 0; k < sps; k++) {
            int n = config.getShort(i) & 0xFFFF;
            out.write(0);
            out.write(0);
            out.write(0);
            out.write(1);
            out.write(config.array(), config.arrayOffset() + i + 2, n);
            i += 2 + n;
        }
        int pps = config.get(i++) & 0xFF;
        for (int k = 0; k < pps; k++) {
            int n = config.getShort(i) & 0xFFFF;
            out.write(0);
            out.write(0);
            out.write(0);
            out.write(1);
            out.write(config.array(), config.arrayOffset() + i + 2, n);
            i += 2 + n;
        }
        return out.toByteArray();
    }

    /** AVCC (4-byte lengths) to Annex B, with SPS/PPS put after the AUD of a keyframe that lacks them. */
    static byte[] annexB(ByteBuffer avcc, byte[] spsPps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean hasSps = false;
        for (int i = 0; i + 4 <= avcc.limit(); ) {
            int n = avcc.getInt(i);
            hasSps |= (avcc.get(i + 4) & 0x1F) == 7;
            i += 4 + n;
        }
        boolean inserted = spsPps == null || hasSps;
        for (int i = 0; i + 4 <= avcc.limit(); ) {
            int n = avcc.getInt(i);
            int nalType = avcc.get(i + 4) & 0x1F;
            if (!inserted && nalType != 9) {
                out.write(spsPps, 0, spsPps.length);
                inserted = true;
            }
            out.write(0);
            out.write(0);
            out.write(0);
            out.write(1);
            out.write(avcc.array(), avcc.arrayOffset() + i + 4, n);
            i += 4 + n;
        }
        return out.toByteArray();
    }
}
