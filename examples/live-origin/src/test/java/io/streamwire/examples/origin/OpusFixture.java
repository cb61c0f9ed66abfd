package io.streamwire.examples.origin;

import io.streamwire.examples.origin.CmafFixtures.Tag;
import io.streamwire.flv.ExAudioData;
import io.streamwire.flv.FourCc;
import io.streamwire.mp4.AudioSampleEntry;
import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.Mp4FileReader;
import io.streamwire.mp4.Mp4Limits;
import io.streamwire.mp4.Mp4Sample;
import io.streamwire.mp4.OpusSpecificBox;
import io.streamwire.mp4.TrackInfo;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The committed Opus fixture ({@code origin/opus-48k-4s.mp4}, libopus via ffmpeg, 20 ms packets) as
 * Enhanced RTMP v2 audio tag bodies (veovera Enhanced RTMP v2, "Enhanced Audio": SoundFormat 9
 * ExHeader, AudioPacketType 0 SequenceStart / 1 CodedFrames, AudioFourCc {@code Opus}), written with
 * the flv module's {@link ExAudioData}: a SequenceStart with the OpusHead identification header
 * (RFC 7845 §5.1, rebuilt from the file's {@code dOps}), a SequenceStart with an OpusTags comment
 * header (RFC 7845 §5.2: the spec lets either header ride in a SequenceStart), then one CodedFrames
 * message per packet at its decode time in ms. The file's packets are read with the mp4 module's
 * {@link Mp4FileReader}; what the tests expect comes from ffprobe's packet view beside the file.
 */
final class OpusFixture {
    static final String OPUS = "origin/opus-48k-4s.mp4";

    private OpusFixture() {}

    /** A packet as ffprobe 5.1 lists it: times in 1/48000 s on the presentation timeline (edit list applied). */
    record Packet(long pts, long dts, long duration, int size) {}

    /** The packets of {@code .packets.csv} (pts,dts,duration,size,pos,flags), in file order. */
    static List<Packet> packets() {
        List<Packet> out = new ArrayList<>();
        for (String line : Fixtures.lines(OPUS + ".packets.csv")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue; // the first packet's empty side-data field ends in a blank line
            }
            String[] f = line.split(",");
            out.add(new Packet(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3])));
        }
        return out;
    }

    static Mp4FileReader reader() {
        return Mp4FileReader.read(ByteBuffer.wrap(Fixtures.bytes(OPUS)), Mp4Limits.defaults());
    }

    /** The file's Opus Specific Box. */
    static OpusSpecificBox dOps() {
        AudioSampleEntry entry = (AudioSampleEntry) reader().tracks().get(0).sampleEntries().get(0);
        return (OpusSpecificBox) entry.child(BoxType.DOPS);
    }

    /** The OpusHead (RFC 7845 §5.1) of a dOps: the same fields little-endian, after magic and version 1. */
    static byte[] opusHead(OpusSpecificBox d) {
        int n = 19 + (d.channelMappingFamily() == 0 ? 0 : 2 + d.outputChannelCount());
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) d.outputChannelCount())
                .putShort((short) d.preSkip()).putInt((int) d.inputSampleRate()).putShort(d.outputGain())
                .put((byte) d.channelMappingFamily());
        if (d.channelMappingFamily() != 0) {
            b.put((byte) d.streamCount()).put((byte) d.coupledCount()).put(d.channelMapping().duplicate());
        }
        return b.array();
    }

    /** An OpusTags comment header (RFC 7845 §5.2) with a vendor string and no comments. */
    static byte[] opusTags() {
        byte[] vendor = "streamwire-test".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + vendor.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        return b.put("OpusTags".getBytes(StandardCharsets.US_ASCII)).putInt(vendor.length).put(vendor).putInt(0).array();
    }

    /** An Enhanced RTMP v2 single-track audio body with FourCC {@code Opus}. */
    static byte[] body(int audioPacketType, byte[] data) {
        ExAudioData a = ExAudioData.of(audioPacketType, FourCc.OPUS, ByteBuffer.wrap(data));
        ByteBuffer b = ByteBuffer.allocate(a.encodedSize());
        a.writeTo(b);
        return b.array();
    }

    /** The packets' payloads, in decode order. */
    static List<byte[]> payloads() {
        List<byte[]> out = new ArrayList<>();
        for (Mp4Sample s : reader().samples(0)) {
            byte[] p = new byte[s.size()];
            s.payload().duplicate().get(p);
            out.add(p);
        }
        return out;
    }

    /**
     * The Opus tags: two SequenceStart messages at 0 ms, then one CodedFrames message per packet at its
     * media decode time (the edit list's shift taken off, so the first packet is at 0) in ms.
     */
    static List<Tag> tags() {
        Mp4FileReader r = reader();
        TrackInfo track = r.tracks().get(0);
        List<Tag> out = new ArrayList<>();
        out.add(new Tag(8, 0, body(ExAudioData.SEQUENCE_START, opusHead(dOps()))));
        out.add(new Tag(8, 0, body(ExAudioData.SEQUENCE_START, opusTags())));
        for (Mp4Sample s : r.samples(0)) {
            long media = s.decodeTime() - track.timeOffset();
            if (media * 1000 % track.timescale() != 0) {
                throw new IllegalStateException("packet at " + media + "/" + track.timescale() + " s is not on a millisecond");
            }
            byte[] p = new byte[s.size()];
            s.payload().duplicate().get(p);
            out.add(new Tag(8, media * 1000 / track.timescale(), body(ExAudioData.CODED_FRAMES, p)));
        }
        return out;
    }

    /**
     * The video tags of an FLV fixture interleaved with the Opus tags by timestamp (video first on a
     * tie), every sequence header first, as an encoder sends them (ffmpeg's FLV muxer writes each
     * stream's header before the first packet).
     */
    static List<Tag> withVideoOf(String flvFixture) {
        List<Tag> video = CmafFixtures.tags(flvFixture).stream().filter(t -> t.type() == 9).toList();
        List<Tag> audio = tags();
        List<Tag> out = new ArrayList<>();
        out.add(video.get(0)); // the AVC sequence header
        out.addAll(audio.subList(0, 2)); // OpusHead, OpusTags
        List<Tag> media = new ArrayList<>(video.subList(1, video.size()));
        media.addAll(audio.subList(2, audio.size()));
        media.sort(Comparator.comparingLong(Tag::ms).thenComparingInt(t -> -t.type())); // stable: each track keeps its order
        out.addAll(media);
        return out;
    }
}
