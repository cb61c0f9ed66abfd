package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Live ffprobe against the fixtures and against FLV we write (interop profile only). */
@Tag("interop")
class FlvInteropTest {
    static final String[] FIXTURES = {"avc-aac-bframes.flv", "avc-mp3.flv", "aac-only.flv", "ts-past-2pow24.flv",
        "keyframe-index.flv"};

    static ExternalTools.Result probe(Path file, String... what) {
        List<String> cmd = new ArrayList<>(List.of(ExternalTools.require("ffprobe", "ffmpeg").toString(), "-v", "error"));
        cmd.addAll(List.of(what));
        cmd.add(file.toString());
        ExternalTools.Result r = ExternalTools.run(120, cmd).requireSuccess(cmd);
        assertThat(r.stderr()).as("ffprobe errors for " + file).isEmpty();
        return r;
    }

    /** ffprobe's packets as codec_type,pts,dts,size,pos,flags. */
    static List<String> packets(Path file, boolean withPos) {
        List<String> out = new ArrayList<>();
        for (String line : probe(file, "-show_entries", "packet=codec_type,stream_index,pts,dts,size,pos,flags", "-of", "csv=p=0")
                .stdout().lines().toList()) {
            String[] f = line.split(",");
            out.add(f[0] + "," + f[2] + "," + f[3] + "," + f[4] + (withPos ? "," + f[5] : "") + "," + f[6]);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"avc-aac-bframes.flv", "avc-mp3.flv", "aac-only.flv", "ts-past-2pow24.flv", "keyframe-index.flv"})
    void liveFfprobeAgreesAndRemuxIsIdentical(String name, @TempDir Path dir) throws IOException {
        byte[] original = Fixtures.bytes("flv/" + name);
        Path file = Fixtures.copyTo("flv/" + name, dir);
        assertThat(FlvFixtureTest.ourPackets(original)).containsExactlyElementsOf(packets(file, true));
        // re-mux: every tag read and written again
        Collector c = Collector.decode(original);
        ByteBuffer out = ByteBuffer.allocate(original.length);
        FlvWriter.writeHeader(out, c.header);
        for (int i = 0; i < c.headers.size(); i++) {
            FlvWriter.writeTag(out, c.headers.get(i), ByteBuffer.wrap(c.bodies.get(i)));
        }
        assertThat(out.hasRemaining()).isFalse();
        assertThat(out.array()).isEqualTo(original);
        Path remuxed = dir.resolve("remuxed.flv");
        Files.write(remuxed, out.array());
        assertThat(packets(remuxed, true)).isEqualTo(packets(file, true));
    }

    /** Built from scratch: our onMetaData, the AAC fixture's tag bodies, timestamps moved past 2^24 ms. */
    @org.junit.jupiter.api.Test
    void builtFromScratchWithExtendedTimestamps(@TempDir Path dir) throws IOException {
        byte[] source = Fixtures.bytes("flv/aac-only.flv");
        Collector c = Collector.decode(source);
        int shift = 20_000_000;
        ByteBuffer out = ByteBuffer.allocate(source.length + 4096);
        FlvWriter.writeHeader(out, FlvHeader.of(true, false));
        OnMetaData meta = new OnMetaData(java.util.Map.of()).with("duration", 2.0).with("audiocodecid", 10)
                .with("audiosamplerate", 44100);
        byte[] script = ScriptData.of(meta).toByteArray();
        FlvWriter.writeTag(out, FlvTagHeader.SCRIPT_DATA, 0, ByteBuffer.wrap(script));
        for (int i = 0; i < c.headers.size(); i++) {
            FlvTagHeader h = c.headers.get(i);
            if (h.tagType() == FlvTagHeader.AUDIO) {
                AudioData a = (AudioData) AudioTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)));
                // re-encode the body through our writer, not a copy of the bytes
                ByteBuffer body = ByteBuffer.allocate(a.encodedSize());
                new AudioData(a.soundFormat(), a.soundRate(), a.soundSize(), a.soundType(), a.aacPacketType(), a.data())
                        .writeTo(body);
                FlvWriter.writeTag(out, FlvTagHeader.AUDIO, h.timestamp() + shift, body.flip());
            }
        }
        Path file = dir.resolve("scratch.flv");
        Files.write(file, java.util.Arrays.copyOf(out.array(), out.position()));
        Path orig = Fixtures.copyTo("flv/aac-only.flv", dir);
        List<String> expected = new ArrayList<>();
        for (String p : packets(orig, false)) {
            String[] f = p.split(",");
            expected.add(f[0] + "," + (Long.parseLong(f[1]) + shift) + "," + (Long.parseLong(f[2]) + shift) + "," + f[3] + "," + f[4]);
        }
        assertThat(packets(file, false)).isEqualTo(expected);
    }

    /** Metadata injection into a file without onMetaData: ffprobe then reports the duration. */
    @org.junit.jupiter.api.Test
    void injectedMetadataGivesFfprobeTheDuration(@TempDir Path dir) throws IOException {
        byte[] source = Fixtures.bytes("flv/avc-aac-bframes.flv");
        Collector c = Collector.decode(source);
        ByteBuffer out = ByteBuffer.allocate(source.length);
        FlvWriter.writeHeader(out, c.header);
        for (int i = 0; i < c.headers.size(); i++) {
            if (c.headers.get(i).tagType() != FlvTagHeader.SCRIPT_DATA) {
                FlvWriter.writeTag(out, c.headers.get(i), ByteBuffer.wrap(c.bodies.get(i)));
            }
        }
        Path bare = dir.resolve("bare.flv");
        Files.write(bare, java.util.Arrays.copyOf(out.array(), out.position()));
        String bareFormat = probe(bare, "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1").stdout();

        MetadataInjector.Result r = MetadataInjector.inject(Files.readAllBytes(bare));
        Path injected = dir.resolve("injected.flv");
        Files.write(injected, r.file());
        String format = probe(injected, "-show_entries", "format=duration:format_tags", "-of", "default=noprint_wrappers=1")
                .stdout();
        assertThat(format).contains("duration=" + String.format(java.util.Locale.ROOT, "%.6f", r.metadata().duration()));
        assertThat(format).contains("TAG:hasKeyframes=true", "TAG:hasMetadata=true",
                "TAG:lastkeyframelocation=" + (long) r.metadata().number("lastkeyframelocation"));
        assertThat(bareFormat).doesNotContain("duration=" + String.format(java.util.Locale.ROOT, "%.6f", r.metadata().duration()));
        // same media packets (positions move by the metadata tag)
        assertThat(packets(injected, false)).isEqualTo(packets(bare, false));
    }
}
