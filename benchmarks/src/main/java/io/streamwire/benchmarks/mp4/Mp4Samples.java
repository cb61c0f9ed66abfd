package io.streamwire.benchmarks.mp4;

import io.streamwire.aac.AdtsHeader;
import io.streamwire.benchmarks.Main;
import io.streamwire.h264.AccessUnit;
import io.streamwire.h264.AnnexB;
import io.streamwire.h264.Avcc;
import io.streamwire.h264.NalUnitHeader;
import io.streamwire.mp4.AudioSampleEntry;
import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.CmafTrack;
import io.streamwire.mp4.CodecConfigurationBox;
import io.streamwire.mp4.EsdsBox;
import io.streamwire.mp4.FragmentWriter;
import io.streamwire.mp4.Mp4Limits;
import io.streamwire.mp4.VisualSampleEntry;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples every mp4 benchmark works on, {@link #COPIES} copies of a 2 s fixture with continuing
 * decode times, one fragment per copy (the fixture's GOP, or 2 s of audio):
 *
 * <ul>
 *   <li>{@code 720p-h264}: libx264's 720p fixture ({@code h264/bench-720p.h264}, 50 frames, one IDR)
 *       split into access units by h264-bitstream and turned into 4-byte length-prefixed samples
 *       (parameter sets left in the avcC), 25 fps in a 90 kHz timescale: about 10 KB per sample.</li>
 *   <li>{@code aac-lc}: the mp4 module's ADTS fixture ({@code mp4/aac.adts}, 88 AAC-LC frames, 44.1 kHz
 *       mono) as raw frames (ADTS headers stripped), 1,024 samples each in a 44.1 kHz timescale: about
 *       150 B per sample, so per-sample work dominates.</li>
 * </ul>
 */
final class Mp4Samples {
    static final int COPIES = 10;

    final int[] lengths;
    /** The samples one after another in one array (as a recorder's buffer would hold them). */
    final byte[] data;
    final int[] offsets;
    final boolean[] sync;
    /** Where a fragment starts (the first sample of each copy). */
    final boolean[] fragmentStart;
    final long mediaBytes;
    final int duration;
    final CmafTrack track;
    final String handler;
    /** The decoder configuration: the avcC record (video) or the AudioSpecificConfig (audio). */
    final byte[] config;
    /** Audio channel count (0 for video). */
    final int channels;

    private Mp4Samples(List<byte[]> one, List<Boolean> oneSync, int duration, CmafTrack track, String handler, byte[] config,
            int channels) {
        int n = one.size() * COPIES;
        lengths = new int[n];
        offsets = new int[n];
        sync = new boolean[n];
        fragmentStart = new boolean[n];
        long bytes = 0;
        for (byte[] s : one) {
            bytes += (long) s.length * COPIES;
        }
        data = new byte[(int) bytes];
        int at = 0;
        for (int c = 0; c < COPIES; c++) {
            for (int i = 0; i < one.size(); i++) {
                int k = c * one.size() + i;
                byte[] s = one.get(i);
                System.arraycopy(s, 0, data, at, s.length);
                offsets[k] = at;
                lengths[k] = s.length;
                sync[k] = oneSync.get(i);
                fragmentStart[k] = i == 0;
                at += s.length;
            }
        }
        if (!sync[0]) {
            throw new IllegalStateException("the first sample must be a sync sample");
        }
        mediaBytes = bytes;
        this.duration = duration;
        this.track = track;
        this.handler = handler;
        this.config = config;
        this.channels = channels;
    }

    static Mp4Samples of(String input) {
        return switch (input) {
            case "720p-h264" -> h264();
            case "aac-lc" -> aac();
            default -> throw new IllegalArgumentException("input " + input);
        };
    }

    int count() {
        return lengths.length;
    }

    private static Mp4Samples h264() {
        byte[] stream = Main.fixture("h264/bench-720p.h264");
        List<byte[]> samples = new ArrayList<>();
        List<Boolean> sync = new ArrayList<>();
        byte[] sps = null;
        byte[] pps = null;
        for (AccessUnit au : AccessUnit.split(ByteBuffer.wrap(stream))) {
            // an access unit's offset is its first NAL unit's header: take the 00 00 01 before it too
            ByteBuffer annexB = ByteBuffer.wrap(stream, (int) au.offset() - 3, au.length() + 3).slice();
            samples.add(Avcc.fromAnnexB(annexB, 4, true));
            sync.add(au.keyframe());
            for (ByteBuffer nal : AnnexB.split(annexB)) {
                int type = nal.get(nal.position()) & 0x1F;
                byte[] copy = new byte[nal.remaining()];
                nal.duplicate().get(copy);
                if (type == NalUnitHeader.TYPE_SPS && sps == null) {
                    sps = copy;
                } else if (type == NalUnitHeader.TYPE_PPS && pps == null) {
                    pps = copy;
                }
            }
        }
        if (sps == null || pps == null) {
            throw new IllegalStateException("h264/bench-720p.h264 carries no SPS or PPS");
        }
        byte[] avcC = avcC(sps, pps);
        CmafTrack track = CmafTrack.video(1, 90_000, VisualSampleEntry.of(BoxType.AVC1, 1280, 720,
                CodecConfigurationBox.avcC(avcC)));
        return new Mp4Samples(samples, sync, 3_600, track, "vide", avcC, 0);
    }

    private static Mp4Samples aac() {
        ByteBuffer adts = ByteBuffer.wrap(Main.fixture("mp4/aac.adts"));
        List<byte[]> samples = new ArrayList<>();
        List<Boolean> sync = new ArrayList<>();
        AdtsHeader first = null;
        while (adts.hasRemaining()) {
            int start = adts.position();
            AdtsHeader h = AdtsHeader.parse(adts.duplicate());
            first = first == null ? h : first;
            byte[] raw = new byte[h.aacFrameLength() - h.headerLengthBytes()];
            adts.position(start + h.headerLengthBytes()).get(raw);
            samples.add(raw);
            sync.add(true);
        }
        // AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1): audioObjectType 5 bits, samplingFrequencyIndex 4, channelConfiguration 4
        int asc = first.audioObjectType() << 11 | first.samplingFrequencyIndex() << 7 | first.channelConfiguration() << 3;
        byte[] config = {(byte) (asc >> 8), (byte) asc};
        CmafTrack track = CmafTrack.audio(1, first.sampleRateHz(), AudioSampleEntry.of(BoxType.MP4A, first.channelConfiguration(),
                first.sampleRateHz(), EsdsBox.forAudio(1, config, 0, 0, 0)));
        return new Mp4Samples(samples, sync, 1024, track, "soun", config, first.channelConfiguration());
    }

    /** An AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1) with one SPS and one PPS, 4-byte lengths. */
    private static byte[] avcC(byte[] sps, byte[] pps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(sps[1]);
        out.write(sps[2]);
        out.write(sps[3]);
        out.write(0xFF);
        out.write(0xE1);
        out.write(sps.length >> 8);
        out.write(sps.length);
        out.writeBytes(sps);
        out.write(1);
        out.write(pps.length >> 8);
        out.write(pps.length);
        out.writeBytes(pps);
        return out.toByteArray();
    }

    /** Our CMAF fragments of all samples, one per copy, concatenated (the box readers' input). */
    byte[] fragments() {
        FragmentWriter w = new FragmentWriter(List.of(track), Mp4Limits.defaults());
        ByteBuffer out = ByteBuffer.allocate((int) mediaBytes + (1 << 20));
        ByteBuffer media = ByteBuffer.wrap(data);
        long sequence = 1;
        for (int i = 0; i < count(); i++) {
            if (fragmentStart[i] && !w.isEmpty()) {
                w.write(out, sequence++, true); // writes and clears
            }
            media.limit(offsets[i] + lengths[i]).position(offsets[i]);
            w.addSample(0, media, (long) i * duration, 0, duration, sync[i]);
        }
        w.write(out, sequence, true);
        out.flip();
        byte[] all = new byte[out.remaining()];
        out.get(all);
        return all;
    }
}
