package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Chunks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PlaylistPropertiesTest {

    /** Generated media playlists built from the typed records. */
    @Provide
    Arbitrary<MediaPlaylist> mediaPlaylists() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE / 4).flatMap(seed -> Arbitraries.integers().between(0, 40)
                .map(count -> generate(new Random(seed), count)));
    }

    static MediaPlaylist generate(Random r, int count) {
        List<PlaylistLine> lines = new ArrayList<>();
        lines.add(MarkerTag.EXTM3U);
        lines.add(IntegerTag.version(9));
        lines.add(IntegerTag.targetDuration(6));
        lines.add(IntegerTag.mediaSequence(r.nextInt(1000)));
        if (r.nextBoolean()) {
            lines.add(new PartInf(AttributeList.builder().decimal("PART-TARGET", 1.0).build()));
            lines.add(new ServerControl(AttributeList.builder().enumerated("CAN-BLOCK-RELOAD", "YES").decimal("PART-HOLD-BACK", 3.0).build()));
        }
        lines.add(new ProgramDateTime("2024-05-01T10:00:00.000Z"));
        for (int i = 0; i < count; i++) {
            switch (r.nextInt(9)) {
                case 0: lines.add(MarkerTag.DISCONTINUITY); break;
                case 1: lines.add(Key.of("AES-128", "key" + r.nextInt(4) + ".bin")); break;
                case 2: lines.add(new Comment(" note " + r.nextInt())); break;
                case 3: lines.add(new UnknownTag("EXT-X-VENDOR-" + r.nextInt(3), r.nextBoolean() ? null : "v=" + r.nextInt())); break;
                case 4: lines.add(new ByteRange(r.nextInt(100000), r.nextBoolean() ? -1 : r.nextInt(100000))); break;
                case 5: lines.add(SegmentMap.of("init" + r.nextInt(3) + ".mp4")); break;
                default: break;
            }
            lines.add(new Extinf(Integer.toString(r.nextInt(6)) + "." + r.nextInt(1000), r.nextBoolean() ? "" : "t,\"x\" é"));
            lines.add(new Uri("seg" + i + ".ts?q=" + r.nextInt()));
        }
        if (r.nextBoolean()) {
            lines.add(MarkerTag.ENDLIST);
        }
        return MediaPlaylist.of(lines);
    }

    /** Generated multivariant playlists: renditions, variants with their groups, I-frame streams, session data. */
    @Provide
    Arbitrary<MultivariantPlaylist> multivariantPlaylists() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE / 4).flatMap(seed -> Arbitraries.integers().between(1, 12)
                .map(count -> generateMultivariant(new Random(seed), count)));
    }

    static MultivariantPlaylist generateMultivariant(Random r, int count) {
        List<PlaylistLine> lines = new ArrayList<>();
        lines.add(MarkerTag.EXTM3U);
        lines.add(IntegerTag.version(7));
        if (r.nextBoolean()) {
            lines.add(MarkerTag.INDEPENDENT_SEGMENTS);
        }
        lines.add(new SessionData(AttributeList.builder().quoted("DATA-ID", "com.example.t").quoted("VALUE", "v " + r.nextInt()).build()));
        for (int g = 0; g < 2; g++) {
            lines.add(new Media(AttributeList.builder().enumerated("TYPE", "AUDIO").quoted("GROUP-ID", "aud" + g)
                    .quoted("NAME", "English").quoted("LANGUAGE", "en").enumerated("DEFAULT", "YES").enumerated("AUTOSELECT", "YES")
                    .quoted("URI", "audio/" + g + "/en.m3u8").quoted("CHANNELS", "2").build()));
        }
        for (int i = 0; i < count; i++) {
            AttributeList.Builder b = AttributeList.builder().integer("BANDWIDTH", 100_000L + r.nextInt(10_000_000))
                    .quoted("CODECS", "avc1.64001f,mp4a.40.2").resolution("RESOLUTION", 16 * (1 + r.nextInt(120)), 9 * (1 + r.nextInt(120)))
                    .decimal("FRAME-RATE", r.nextBoolean() ? 29.97 : 25).quoted("AUDIO", "aud" + r.nextInt(2));
            if (r.nextBoolean()) {
                b.add(Attribute.unquoted("CLOSED-CAPTIONS", "NONE"));
            }
            if (r.nextBoolean()) {
                b.quoted("X-VENDOR", "keep " + r.nextInt());
            }
            if (r.nextInt(4) == 0) {
                lines.add(new Comment(" variant " + i));
            }
            lines.add(new StreamInf(false, b.build()));
            lines.add(new Uri("v" + i + "/index.m3u8?t=" + r.nextInt()));
            if (r.nextInt(3) == 0) {
                lines.add(new StreamInf(true, AttributeList.builder().integer("BANDWIDTH", 50_000L + r.nextInt(100_000))
                        .quoted("URI", "v" + i + "/iframe.m3u8").build()));
            }
        }
        return MultivariantPlaylist.of(lines);
    }

    @Property(tries = 200)
    void multivariantWriteThenParseGivesTheSamePlaylist(@ForAll("multivariantPlaylists") MultivariantPlaylist p) {
        String text = p.write();
        Playlist back = Playlist.parse(text); // strict: the generated playlists follow every rule
        assertThat(back).isEqualTo(p);
        assertThat(back.write()).isEqualTo(text);
        assertThat(((MultivariantPlaylist) back).variants()).isEqualTo(p.variants());
        assertThat(PlaylistValidator.validate(p)).isEmpty();
    }

    @Property(tries = 200)
    void writeThenParseGivesTheSamePlaylist(@ForAll("mediaPlaylists") MediaPlaylist p) {
        String text = p.write();
        Playlist back = PlaylistParser.lenient().parse(text).playlist();
        assertThat(back).isEqualTo(p);
        assertThat(back.write()).isEqualTo(text);
        assertThat(PlaylistParser.lenient().parse(text.getBytes(StandardCharsets.UTF_8)).playlist()).isEqualTo(p);
        assertThat(((MediaPlaylist) back).segments()).isEqualTo(p.segments());
    }

    @Property(tries = 100)
    void chunkedPushParseEqualsWholeParse(@ForAll("mediaPlaylists") MediaPlaylist p, @ForAll long seed) {
        byte[] bytes = p.write().getBytes(StandardCharsets.UTF_8);
        ParseResult whole = PlaylistParser.lenient().parse(bytes);
        PlaylistDecoderTest.Recorder recorder = new PlaylistDecoderTest.Recorder();
        PlaylistDecoder d = new PlaylistDecoder(recorder);
        for (byte[] piece : Chunks.random(bytes, new Random(seed))) {
            d.feed(ByteBuffer.wrap(piece));
        }
        d.endOfInput();
        assertThat(recorder.decoded()).isEqualTo(PlaylistDecoderTest.Decoded.of(whole));
    }

    @Property(tries = 300)
    void mutatedPlaylistsOnlyEverRaisePlaylistException(@ForAll("mediaPlaylists") MediaPlaylist p, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 20) int flips) {
        byte[] bytes = p.write().getBytes(StandardCharsets.UTF_8);
        Random r = new Random(seed);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
            bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(8));
        }
        byte[] cut = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
        for (byte[] input : List.of(bytes, cut)) {
            ParseResult lenient = PlaylistParser.lenient().parse(input);
            assertThat(PlaylistParser.lenient().parse(lenient.playlist().write()).playlist()).isEqualTo(lenient.playlist());
            try {
                PlaylistParser.strict().parse(input);
            } catch (PlaylistException expected) {
                assertThat(expected.line()).isPositive();
                assertThat(expected.module()).isEqualTo("hls");
            }
        }
    }
}
