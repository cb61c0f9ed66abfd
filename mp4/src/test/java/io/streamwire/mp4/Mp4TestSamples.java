package io.streamwire.mp4;

import io.streamwire.aac.AacConversions;
import io.streamwire.aac.AdtsFrame;
import io.streamwire.aac.AudioSpecificConfig;
import io.streamwire.h264.AnnexB;
import io.streamwire.h264.AvcDecoderConfigurationRecord;
import io.streamwire.h264.Avcc;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples of the avc-aac fixture rebuilt from its elementary streams (avc.h264 and aac.adts,
 * copied out of avc-aac.mp4 by ffmpeg) with h264-bitstream and aac-adts, timed by ffprobe's packets
 * of avc-aac.mp4; and the tracks (avcC and esds built from the streams) to write them into.
 */
final class Mp4TestSamples {
    private Mp4TestSamples() {}

    /** One sample: track index (0 video, 1 audio), payload, times in the track's timescale. */
    record Sample(int track, byte[] payload, long pts, long dts, long duration, boolean sync) {}

    static final String SOURCE = "mp4/avc-aac.mp4";
    static final long VIDEO_TIMESCALE = 12800;
    static final long AUDIO_TIMESCALE = 44100;

    /** The samples in the source file's order, dts and pts as ffprobe reports them (negative at the start). */
    static List<Sample> samples() {
        List<Mp4Fixtures.Packet> packets = Mp4Fixtures.packets(SOURCE);
        List<byte[]> video = videoSamples();
        List<byte[]> audio = audioSamples();
        List<Sample> out = new ArrayList<>();
        int v = 0;
        int a = 0;
        for (Mp4Fixtures.Packet p : packets) {
            byte[] payload = p.streamIndex() == 0 ? video.get(v++) : audio.get(a++);
            if (payload.length != p.size()) {
                throw new AssertionError("sample " + (p.streamIndex() == 0 ? v : a) + " of stream " + p.streamIndex() + " is "
                        + payload.length + " bytes, ffprobe says " + p.size());
            }
            out.add(new Sample(p.streamIndex(), payload, p.pts(), p.dts(), p.duration(), p.key()));
        }
        if (v != video.size() || a != audio.size()) {
            throw new AssertionError("elementary streams and ffprobe's packets differ in count");
        }
        return out;
    }

    static List<byte[]> videoSamples() {
        ByteBuffer annexB = ByteBuffer.wrap(Mp4Fixtures.bytes("mp4/avc.h264"));
        List<byte[]> out = new ArrayList<>();
        // h264_mp4toannexb puts the SEI before the SPS and PPS it inserts, which a conformant access unit
        // splitter reads as two access units; every picture of this fixture is one slice, so a sample is
        // the non-VCL NAL units before a slice plus the slice. SPS and PPS (in avcC) and AUDs are left out,
        // as ffmpeg's mp4 muxer does.
        List<ByteBuffer> pending = new ArrayList<>();
        for (ByteBuffer nal : AnnexB.split(annexB)) {
            int type = nal.get(nal.position()) & 0x1F;
            if (type != 7 && type != 8 && type != 9) {
                pending.add(nal);
            }
            if (type == 1 || type == 5) {
                out.add(Avcc.toByteArray(pending, 4));
                pending.clear();
            }
        }
        return out;
    }

    static List<byte[]> audioSamples() {
        ByteBuffer adts = ByteBuffer.wrap(Mp4Fixtures.bytes("mp4/aac.adts"));
        List<byte[]> out = new ArrayList<>();
        while (adts.hasRemaining()) {
            AdtsFrame frame = AdtsFrame.parse(adts);
            ByteBuffer raw = frame.rawDataBlocks().get(0);
            byte[] b = new byte[raw.remaining()];
            raw.duplicate().get(b);
            out.add(b);
        }
        return out;
    }

    /** avcC from the stream's first SPS and PPS. */
    static byte[] avcC() {
        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(Mp4Fixtures.bytes("mp4/avc.h264")));
        ByteBuffer sps = nals.stream().filter(n -> (n.get(n.position()) & 0x1F) == 7).findFirst().orElseThrow();
        ByteBuffer pps = nals.stream().filter(n -> (n.get(n.position()) & 0x1F) == 8).findFirst().orElseThrow();
        return new AvcDecoderConfigurationRecord(1, sps.get(sps.position() + 1) & 0xFF, sps.get(sps.position() + 2) & 0xFF,
                sps.get(sps.position() + 3) & 0xFF, 3, List.of(sps), List.of(pps), null).toByteArray();
    }

    /** The AudioSpecificConfig of the first ADTS frame. */
    static byte[] audioSpecificConfig() {
        AdtsFrame first = AdtsFrame.parse(ByteBuffer.wrap(Mp4Fixtures.bytes("mp4/aac.adts")));
        AudioSpecificConfig asc = AacConversions.audioSpecificConfig(first);
        return asc.toByteArray();
    }

    /**
     * The two tracks, each starting presentation where ffmpeg's edit lists do (the first sample's
     * decode time is shifted to 0 and the edit list skips back the same amount).
     */
    static List<CmafTrack> tracks(List<Sample> samples) {
        VisualSampleEntry avc1 = VisualSampleEntry.of(BoxType.AVC1, 160, 120, CodecConfigurationBox.avcC(avcC()));
        AudioSampleEntry mp4a = AudioSampleEntry.of(BoxType.MP4A, 1, 44100,
                EsdsBox.forAudio(2, audioSpecificConfig(), 0, 0, 0));
        return List.of(CmafTrack.video(1, VIDEO_TIMESCALE, avc1).withMediaTime(-firstDts(samples, 0)),
                CmafTrack.audio(2, AUDIO_TIMESCALE, mp4a).withMediaTime(-firstDts(samples, 1)));
    }

    static long firstDts(List<Sample> samples, int track) {
        return samples.stream().filter(s -> s.track() == track).findFirst().orElseThrow().dts();
    }
}
