package io.streamwire.examples.origin;

import io.streamwire.flv.FlvDecoder;
import io.streamwire.flv.FlvWriter;
import io.streamwire.flv.VideoTagBody;
import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.FragmentedMp4Reader;
import io.streamwire.mp4.Mp4Limits;
import io.streamwire.mp4.Mp4Sample;
import io.streamwire.mp4.TrackInfo;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed FLV fixtures as tags, their frames as ffprobe (legacy FLV) or ffmpeg 7.0's framecrc
 * (Enhanced FLV) saw them, and the samples of a {@link CmafPackager}'s output read back with the mp4
 * module's {@link FragmentedMp4Reader}.
 */
final class CmafFixtures {
    static final String AVC = "origin/avc-aac-4s.flv";
    static final String HEVC = "origin/hevc-aac-ffmpeg7.flv";
    static final String AV1 = "origin/av1-aac-ffmpeg7.flv";
    static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    private CmafFixtures() {}

    record Tag(int type, long ms, byte[] body) {}

    /** A source frame: dts and pts in ms, size, key flag, Adler-32 of the payload (-1 when not known). */
    record Frame(boolean video, long dts, long pts, int size, boolean key, long adler) {}

    /** A sample read back: decode and composition time in its track's timescale. */
    record Sample(boolean video, long decodeTime, long compositionOffset, int size, boolean sync, long adler, long timescale,
            byte[] payload) {
        /** Adler-32 (initial 0) of the temporal delimiter OBU followed by this payload. */
        long adlerWithTemporalDelimiter() {
            byte[] all = new byte[payload.length + 2];
            all[0] = 0x12;
            System.arraycopy(payload, 0, all, 2, payload.length);
            return adler0(ByteBuffer.wrap(all));
        }
    }

    static OriginConfig config(int target, double part) {
        return OriginConfig.loopbackEphemeral().withClock(Clock.fixed(T0, ZoneOffset.UTC)).withSegments(target, 6, part);
    }

    static List<Tag> tags(String fixture) {
        List<Tag> out = new ArrayList<>();
        FlvDecoder decoder = new FlvDecoder(tag -> {
            if (tag.tagType() == 8 || tag.tagType() == 9) {
                ByteBuffer b = tag.body();
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                out.add(new Tag(tag.tagType(), tag.timestamp(), bytes));
            }
        });
        decoder.feed(ByteBuffer.wrap(Fixtures.bytes(fixture)));
        decoder.endOfInput();
        return out;
    }

    /** The HEVC tags re-signalled as legacy CodecID 12 (tags without a legacy form, colorInfo metadata, left out). */
    static List<Tag> legacyHevc(List<Tag> tags) {
        List<Tag> out = new ArrayList<>();
        for (Tag t : tags) {
            if (t.type() != 9) {
                out.add(t);
                continue;
            }
            try {
                VideoTagBody legacy = FlvWriter.hevc(FlvWriter.HevcForm.LEGACY_CODEC_ID_12, VideoTagBody.parse(ByteBuffer.wrap(t.body())));
                ByteBuffer b = ByteBuffer.allocate(legacy.encodedSize());
                legacy.writeTo(b);
                out.add(new Tag(9, t.ms(), b.array()));
            } catch (IllegalArgumentException e) {
                // Metadata (colorInfo) has no legacy form
            }
        }
        return out;
    }

    static void feed(Packager p, List<Tag> tags, long shiftMs) {
        for (Tag t : tags) {
            if (t.type() == 9) {
                p.onVideo(t.ms() + shiftMs, ByteBuffer.wrap(t.body()));
            } else {
                p.onAudio(t.ms() + shiftMs, ByteBuffer.wrap(t.body()));
            }
        }
    }

    /** The fixture's frames: ffprobe 5.1's packets (legacy FLV) or ffmpeg 7.0's framecrc (Enhanced FLV). */
    static List<Frame> frames(String fixture) {
        List<Frame> out = new ArrayList<>();
        if (fixture.equals(AVC)) {
            for (String line : Fixtures.lines(fixture + ".packets-typed.csv")) {
                if (!line.startsWith("#")) {
                    String[] f = line.split(",");
                    out.add(new Frame(f[0].equals("video"), Long.parseLong(f[2]), Long.parseLong(f[1]), Integer.parseInt(f[3]),
                            f[4].startsWith("K"), -1));
                }
            }
            return out;
        }
        Map<String, Boolean> video = new HashMap<>();
        for (String line : Fixtures.lines(fixture + ".framecrc.txt")) {
            if (line.startsWith("#media_type")) {
                String[] f = line.substring("#media_type ".length()).split(": ");
                video.put(f[0], f[1].trim().equals("video"));
            } else if (!line.startsWith("#")) {
                String[] f = line.split(",\\s*");
                out.add(new Frame(video.get(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[4]),
                        f.length < 7, Long.parseLong(f[5].substring(2), 16)));
            }
        }
        return out;
    }

    static List<Frame> of(List<Frame> frames, boolean video) {
        return frames.stream().filter(f -> f.video() == video).toList();
    }

    /** Reads init + every segment from {@code fromMsn} to the last, each with the init segment its playlist entry names. */
    static List<Sample> readBack(CmafPackager p, long fromMsn, Map<Long, Integer> initOfMsn) {
        List<Sample> out = new ArrayList<>();
        FragmentedMp4Reader reader = null;
        int readerInit = -1;
        for (long msn = fromMsn; msn <= p.lastMsn(); msn++) {
            int n = initOfMsn.get(msn);
            if (n != readerInit) {
                reader = new FragmentedMp4Reader(ByteBuffer.wrap(p.init(n)), Mp4Limits.defaults());
                readerInit = n;
            }
            List<TrackInfo> tracks = reader.tracks();
            for (Mp4Sample s : reader.readSegment(ByteBuffer.wrap(p.segment(msn)), 0)) {
                TrackInfo t = tracks.stream().filter(x -> x.trackId() == s.trackId()).findFirst().orElseThrow();
                byte[] payload = new byte[s.size()];
                s.payload().duplicate().get(payload);
                out.add(new Sample(t.handlerType().equals(BoxType.VIDE), s.decodeTime(), s.presentationTime() - s.decodeTime(),
                        s.size(), s.sync(), adler0(s.payload()), t.timescale(), payload));
            }
        }
        return out;
    }

    /** Adler-32 with initial value 0, as FATE's framecrc ({@code av_adler32_update(0, ...)}). */
    static long adler0(ByteBuffer b) {
        long a = 0;
        long s = 0;
        for (int i = b.position(); i < b.limit(); i++) {
            a = (a + (b.get(i) & 0xFF)) % 65521;
            s = (s + a) % 65521;
        }
        return s << 16 | a;
    }

    static List<Sample> of(List<Sample> samples, boolean video, boolean unused) {
        return samples.stream().filter(s -> s.video() == video).toList();
    }
}
