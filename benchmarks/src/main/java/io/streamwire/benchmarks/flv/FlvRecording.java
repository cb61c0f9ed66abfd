package io.streamwire.benchmarks.flv;

import io.streamwire.aac.AacConversions;
import io.streamwire.aac.AdtsFrame;
import io.streamwire.aac.AudioSpecificConfig;
import io.streamwire.amf.Amf0Value;
import io.streamwire.benchmarks.Main;
import io.streamwire.core.Interest;
import io.streamwire.flv.AudioData;
import io.streamwire.flv.FlvDecoder;
import io.streamwire.flv.FlvHeader;
import io.streamwire.flv.FlvTagHeader;
import io.streamwire.flv.FlvWriter;
import io.streamwire.flv.OnMetaData;
import io.streamwire.flv.ScriptData;
import io.streamwire.flv.VideoData;
import io.streamwire.h264.AnnexB;
import io.streamwire.h264.AvcDecoderConfigurationRecord;
import io.streamwire.h264.Avcc;
import io.streamwire.h264.Sps;
import io.streamwire.mpegts.StreamType;
import io.streamwire.mpegts.TsDemuxer;
import io.streamwire.mpegts.TsStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the FLV benchmark's main input in memory: the 2 s 720p H.264 (High, 2.5 Mbit/s, B-frames)
 * + AAC-LC 48 kHz fixture {@code mpegts/h264-aac-720p.ts} (the TS benchmark's stream), demuxed with
 * {@link TsDemuxer} (WHOLE), video Annex B → AVCC with the h264 module (AVC sequence header from
 * the first SPS/PPS, parameter sets and AUDs left out of the samples), audio ADTS → raw AAC frames
 * with an AudioSpecificConfig from aac-adts, written with {@link FlvWriter} as one file: header,
 * onMetaData, the two sequence headers, then the 2 s of tags {@value #COPIES} times with
 * timestamps continuing by 2,000 ms per copy (64 s). Audio and video tags are interleaved by
 * decode timestamp. The AAC frames that end past 2 s (the fixture's audio runs about 27 ms longer
 * than its video) are left out so audio timestamps keep increasing from copy to copy. The result is
 * checked (tag count, last timestamp) by decoding it once.
 *
 * <p>To look at it with other tools: {@code java -cp benchmarks/target/benchmarks.jar
 * io.streamwire.benchmarks.flv.FlvRecording /tmp/720p.flv && ffprobe -v error -count_packets
 * -show_streams /tmp/720p.flv}.
 */
public final class FlvRecording {
    /** 32 × 2 s = 64 s, as the TS benchmark. */
    static final int COPIES = 32;
    static final int PERIOD_MS = 2000;

    private FlvRecording() {}

    /** Writes the recording to the file named by the first argument. */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Files.write(java.nio.file.Path.of(args[0]), build720p());
    }

    /** One tag of the 2 s source: its type, DTS in ms from the first access unit, and body. */
    private record Tag(int type, long dtsMs, byte[] body) {}

    /** The 64 s 720p recording as FLV bytes. */
    static byte[] build720p() {
        byte[] ts = Main.fixture("mpegts/h264-aac-720p.ts");
        List<long[]> videoTimes = new ArrayList<>();
        List<ByteBuffer> videoUnits = new ArrayList<>();
        List<Long> audioTimes = new ArrayList<>();
        List<ByteBuffer> audioPes = new ArrayList<>();
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream s) {
                return s.type() == StreamType.H264 || s.type() == StreamType.AAC_ADTS ? Interest.WHOLE
                        : Interest.IGNORE;
            }

            @Override
            public void onPes(TsStream s, ByteBuffer payload) {
                ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
                long dts = s.dts() != TsStream.NO_TIMESTAMP ? s.dts() : s.pts();
                if (s.type() == StreamType.H264) {
                    videoTimes.add(new long[] {s.pts(), dts});
                    videoUnits.add(copy);
                } else {
                    audioTimes.add(s.pts());
                    audioPes.add(copy);
                }
            }
        });
        demuxer.feed(ByteBuffer.wrap(ts));
        demuxer.endOfInput();
        if (videoUnits.size() != 50 || audioPes.isEmpty()) {
            throw new IllegalStateException("fixture demux: " + videoUnits.size() + " video access units, "
                    + audioPes.size() + " audio PES (expected 50 and some)");
        }
        long origin = videoTimes.get(0)[1];
        List<Tag> tags = new ArrayList<>();
        AvcDecoderConfigurationRecord avcConfig = null;
        for (int i = 0; i < videoUnits.size(); i++) {
            ByteBuffer au = videoUnits.get(i);
            boolean key = false;
            for (ByteBuffer nal : AnnexB.split(au.duplicate())) {
                int type = nal.get(nal.position()) & 0x1F;
                key |= type == 5;
                if (type == 7 && avcConfig == null) {
                    avcConfig = avcConfig(au.duplicate());
                }
            }
            byte[] avcc = Avcc.fromAnnexB(au.duplicate(), 4, true);
            long pts = videoTimes.get(i)[0];
            long dts = videoTimes.get(i)[1];
            int cts = (int) ((pts - dts) / 90);
            VideoData body = VideoData.avc(key ? 1 : 2, VideoData.AVC_NALU, cts, ByteBuffer.wrap(avcc));
            tags.add(new Tag(FlvTagHeader.VIDEO, (dts - origin) / 90, bytes(body.encodedSize(), body::writeTo)));
        }
        AudioSpecificConfig asc = null;
        int sampleRate = 0;
        for (int i = 0; i < audioPes.size(); i++) {
            ByteBuffer pes = audioPes.get(i);
            int frame = 0;
            while (pes.hasRemaining()) {
                AdtsFrame adts = AdtsFrame.parse(pes);
                if (asc == null) {
                    asc = AacConversions.audioSpecificConfig(adts);
                    sampleRate = adts.header().sampleRateHz();
                }
                ByteBuffer raw = adts.rawDataBlocks().get(0);
                AudioData body = new AudioData(AudioData.AAC, 3, 1, 1, AudioData.AAC_RAW, raw);
                long pts = audioTimes.get(i) + frame * 1024L * 90_000 / sampleRate;
                frame++;
                if ((pts - origin) / 90 + 1024 * 1000 / sampleRate > PERIOD_MS) {
                    continue; // ends past the 2 s period: would overlap the next copy's first frame
                }
                tags.add(new Tag(FlvTagHeader.AUDIO, Math.max(0, pts - origin) / 90,
                        bytes(body.encodedSize(), body::writeTo)));
            }
        }
        tags.sort((a, b) -> Long.compare(a.dtsMs(), b.dtsMs())); // stable: keeps decode order per track
        VideoData avcHeader = VideoData.avc(1, VideoData.AVC_SEQUENCE_HEADER, 0,
                ByteBuffer.wrap(avcConfig.toByteArray()));
        AudioData aacHeader = new AudioData(AudioData.AAC, 3, 1, 1, AudioData.AAC_SEQUENCE_HEADER,
                ByteBuffer.wrap(asc.toByteArray()));
        Map<String, Amf0Value> meta = new LinkedHashMap<>();
        meta.put("duration", Amf0Value.of((double) COPIES * PERIOD_MS / 1000));
        meta.put("width", Amf0Value.of(1280.0));
        meta.put("height", Amf0Value.of(720.0));
        meta.put("videocodecid", Amf0Value.of(7.0));
        meta.put("audiocodecid", Amf0Value.of(10.0));
        meta.put("audiosamplerate", Amf0Value.of((double) sampleRate));
        meta.put("stereo", Amf0Value.of(true));
        meta.put("encoder", Amf0Value.of("streamwire benchmarks (from mpegts/h264-aac-720p.ts)"));
        byte[] script = ScriptData.of(new OnMetaData(meta)).toByteArray();

        long size = FlvWriter.headerSize(FlvHeader.of(true, true)) + FlvWriter.tagSize(script.length)
                + FlvWriter.tagSize(avcHeader.encodedSize()) + FlvWriter.tagSize(aacHeader.encodedSize());
        for (Tag t : tags) {
            size += (long) FlvWriter.tagSize(t.body().length) * COPIES;
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(size));
        FlvWriter.writeHeader(out, FlvHeader.of(true, true));
        FlvWriter.writeTag(out, FlvTagHeader.SCRIPT_DATA, 0, ByteBuffer.wrap(script));
        FlvWriter.writeTag(out, FlvTagHeader.VIDEO, 0, ByteBuffer.wrap(bytes(avcHeader.encodedSize(), avcHeader::writeTo)));
        FlvWriter.writeTag(out, FlvTagHeader.AUDIO, 0, ByteBuffer.wrap(bytes(aacHeader.encodedSize(), aacHeader::writeTo)));
        for (int c = 0; c < COPIES; c++) {
            for (Tag t : tags) {
                FlvWriter.writeTag(out, t.type(), Math.toIntExact(t.dtsMs() + (long) c * PERIOD_MS), ByteBuffer.wrap(t.body()));
            }
        }
        if (out.hasRemaining()) {
            throw new IllegalStateException("size mismatch: " + out.remaining() + " bytes left");
        }
        byte[] file = out.array();
        check(file, 3 + tags.size() * COPIES, tags.get(tags.size() - 1).dtsMs() + (COPIES - 1L) * PERIOD_MS);
        return file;
    }

    private static AvcDecoderConfigurationRecord avcConfig(ByteBuffer accessUnit) {
        ByteBuffer sps = null;
        ByteBuffer pps = null;
        for (ByteBuffer nal : AnnexB.split(accessUnit)) {
            int type = nal.get(nal.position()) & 0x1F;
            if (type == 7 && sps == null) {
                sps = nal;
            } else if (type == 8 && pps == null) {
                pps = nal;
            }
        }
        if (sps == null || pps == null) {
            throw new IllegalStateException("no SPS/PPS in the first key access unit");
        }
        Sps parsed = Sps.parse(sps.duplicate());
        int profile = sps.get(sps.position() + 1) & 0xFF;
        AvcDecoderConfigurationRecord.HighProfileExtension high = AvcDecoderConfigurationRecord.hasHighProfileFields(profile)
                ? new AvcDecoderConfigurationRecord.HighProfileExtension(parsed.chromaFormatIdc(),
                        parsed.bitDepthLumaMinus8(), parsed.bitDepthChromaMinus8(), List.of())
                : null;
        return new AvcDecoderConfigurationRecord(1, profile, sps.get(sps.position() + 2) & 0xFF,
                sps.get(sps.position() + 3) & 0xFF, 3, List.of(sps), List.of(pps), high);
    }

    private interface Writer {
        void writeTo(ByteBuffer out);
    }

    private static byte[] bytes(int size, Writer writer) {
        ByteBuffer b = ByteBuffer.allocate(size);
        writer.writeTo(b);
        if (b.hasRemaining()) {
            throw new IllegalStateException("encodedSize " + size + " but wrote " + b.position());
        }
        return b.array();
    }

    /** Decodes the file once: every tag present, no anomaly, timestamps up to the expected last one. */
    private static void check(byte[] file, int expectedTags, long expectedLastMs) {
        long[] seen = new long[3];
        FlvDecoder decoder = new FlvDecoder(new FlvDecoder.Listener() {
            @Override
            public void onTag(io.streamwire.flv.FlvTag tag) {
                seen[0]++;
                seen[1] = Math.max(seen[1], tag.timestamp());
            }

            @Override
            public void onAnomaly(io.streamwire.core.Anomaly<io.streamwire.flv.FlvAnomalyKind> anomaly) {
                seen[2]++;
            }
        });
        decoder.feed(ByteBuffer.wrap(file));
        decoder.endOfInput();
        if (seen[0] != expectedTags || seen[2] != 0 || seen[1] < expectedLastMs || seen[1] > expectedLastMs + 100) {
            throw new IllegalStateException("built FLV: " + seen[0] + " tags (expected " + expectedTags + "), "
                    + seen[2] + " anomalies, last timestamp " + seen[1] + " ms (expected " + expectedLastMs + ")");
        }
    }
}
