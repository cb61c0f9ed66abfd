package io.streamwire.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Corpus;
import io.streamwire.testkit.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** RFC 8216 §8 examples against the facts in the corpus's expected.json (interop profile only). */
@Tag("interop")
class Rfc8216ExamplesTest {

    static Path dir() {
        return Corpus.resolve("rfc8216-examples");
    }

    static String read(String name) throws IOException {
        return Files.readString(dir().resolve(name), StandardCharsets.UTF_8);
    }

    static Map<String, Object> facts(String name) throws IOException {
        return Json.at(Json.parse(read("expected.json")), "files", name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void mediaPlaylistExamples() throws IOException {
        for (String name : List.of("8.1-simple-media-playlist.m3u8", "8.2-live-media-playlist-using-https.m3u8",
                "8.3-playlist-with-encrypted-media-segments.m3u8")) {
            Map<String, Object> f = facts(name);
            ParseResult r = PlaylistParser.lenient().parse(read(name));
            MediaPlaylist p = (MediaPlaylist) r.playlist();
            if (name.startsWith("8.1")) {
                // The RFC's own §8.1 example has fractional EXTINF durations (9.009) and no EXT-X-VERSION:
                // §7 asks for version 3 for those, so strict mode rightly rejects it; nothing else is wrong.
                assertThat(r.diagnostics()).singleElement().satisfies(d -> {
                    assertThat(d.field()).isEqualTo("EXT-X-VERSION");
                    assertThat(d.problem()).contains("need 3");
                });
            } else {
                assertThat(r.diagnostics()).as(name).isEmpty();
            }
            assertThat(f.get("type")).isEqualTo("media");
            assertThat(p.targetDuration()).as(name).isEqualTo(((BigDecimal) f.get("targetDuration")).longValue());
            assertThat(p.endList()).as(name).isEqualTo(f.get("endList"));
            if (f.get("mediaSequence") instanceof BigDecimal ms) {
                assertThat(p.mediaSequence()).isEqualTo(ms.longValue());
            } else {
                assertThat(p.mediaSequence()).isZero();
            }
            if (f.get("version") instanceof BigDecimal v) {
                assertThat(p.version()).isEqualTo(v.intValue());
            } else {
                assertThat(p.hasVersionTag()).isFalse();
                assertThat(p.version()).isEqualTo(1);
            }
            List<Object> segments = (List<Object>) f.get("segments");
            assertThat(p.segments()).hasSize(segments.size());
            Map<String, Object> keys = (Map<String, Object>) f.get("keys");
            for (int i = 0; i < segments.size(); i++) {
                List<Object> s = (List<Object>) segments.get(i);
                MediaSegment ours = p.segments().get(i);
                assertThat(ours.durationSeconds()).isEqualTo(((BigDecimal) s.get(0)).doubleValue());
                assertThat(ours.uri()).isEqualTo(s.get(1));
                if (s.size() > 2) {
                    Map<String, Object> key = (Map<String, Object>) keys.get(((String) s.get(2)).substring(4));
                    assertThat(ours.key().method()).isEqualTo(key.get("METHOD"));
                    assertThat(ours.key().uri()).isEqualTo(key.get("URI"));
                } else {
                    assertThat(ours.keys()).isEmpty();
                }
            }
            // canonical apart from the blank lines some examples hold (§4.1 ignores them; we drop them)
            assertThat(p.write()).isEqualTo(read(name).replaceAll("\n\n+", "\n"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void multivariantExamples() throws IOException {
        MultivariantPlaylist m84 = (MultivariantPlaylist) Playlist.parse(read("8.4-master-playlist.m3u8"));
        List<Object> variants = (List<Object>) facts("8.4-master-playlist.m3u8").get("variants");
        assertThat(m84.variants()).hasSize(variants.size());
        for (int i = 0; i < variants.size(); i++) {
            Map<String, Object> v = (Map<String, Object>) variants.get(i);
            StreamInf s = m84.variants().get(i).streamInf();
            assertThat(m84.variants().get(i).uri()).isEqualTo(v.get("uri"));
            assertThat(s.bandwidth()).isEqualTo(((BigDecimal) v.get("BANDWIDTH")).longValue());
            if (v.get("AVERAGE-BANDWIDTH") instanceof BigDecimal avg) {
                assertThat(s.averageBandwidth()).isEqualTo(avg.longValue());
            }
            if (v.get("CODECS") != null) {
                assertThat(s.codecs()).isEqualTo(v.get("CODECS"));
            }
        }
        MultivariantPlaylist m85 = (MultivariantPlaylist) Playlist.parse(read("8.5-master-playlist-with-i-frames.m3u8"));
        List<Object> iframes = (List<Object>) facts("8.5-master-playlist-with-i-frames.m3u8").get("iFrameStreams");
        assertThat(m85.variants()).hasSize(4);
        assertThat(m85.iFrameStreams()).hasSize(iframes.size());
        for (int i = 0; i < iframes.size(); i++) {
            Map<String, Object> e = (Map<String, Object>) iframes.get(i);
            assertThat(m85.iFrameStreams().get(i).uri()).isEqualTo(e.get("URI"));
            assertThat(m85.iFrameStreams().get(i).bandwidth()).isEqualTo(((BigDecimal) e.get("BANDWIDTH")).longValue());
        }
        MultivariantPlaylist m86 = (MultivariantPlaylist) Playlist.parse(read("8.6-master-playlist-with-alternative-audio.m3u8"));
        assertThat(m86.variants()).hasSize(4);
        assertThat(m86.renditions()).extracting(Media::nameAttribute).containsExactly("English", "Deutsch", "Commentary");
        assertThat(m86.renditions()).allSatisfy(r -> assertThat(r.groupId()).isEqualTo("aac"));
        assertThat(m86.renditions().get(0).isDefault()).isTrue();
        assertThat(m86.renditions().get(0).autoselect()).isTrue();
        assertThat(m86.renditions().get(1).autoselect()).isTrue();
        assertThat(m86.renditions().get(2).language()).isEqualTo("en");
        // 8.7: three VIDEO groups of three renditions each
        ParseResult r87 = PlaylistParser.lenient().parse(read("8.7-master-playlist-with-alternative-video.m3u8"));
        MultivariantPlaylist m87 = (MultivariantPlaylist) r87.playlist();
        assertThat(m87.variants()).hasSize(3);
        for (String group : List.of("low", "mid", "hi")) {
            assertThat(m87.renditions().stream().filter(x -> x.groupId().equals(group))).hasSize(3);
        }
    }

    @Test
    void fragments() throws IOException {
        MultivariantPlaylist sd = (MultivariantPlaylist) PlaylistParser.lenient()
                .parse("#EXTM3U\n" + read("8.8-session-data.fragment.txt")).playlist();
        assertThat(sd.sessionData()).extracting(SessionData::dataId)
                .containsExactly("com.example.lyrics", "com.example.title", "com.example.title");
        assertThat(sd.sessionData().get(0).uri()).isEqualTo("lyrics.json");
        assertThat(sd.sessionData().get(2).language()).isEqualTo("sp");
        assertThat(sd.sessionData().get(2).value()).isEqualTo("Este es un ejemplo");
        AttributeList c = AttributeList.parse(read("8.9-characteristics.fragment.txt").strip());
        assertThat(c.quotedString("CHARACTERISTICS")).isEqualTo("public.accessibility.transcribes-spoken-dialog,public.easy-to-read");
        MediaPlaylist dr = (MediaPlaylist) PlaylistParser.lenient().parse(read("8.10-daterange-scte35.fragment.txt")).playlist();
        assertThat(dr.dateRanges()).hasSize(2);
        DateRange out = dr.dateRanges().get(0);
        assertThat(out.id()).isEqualTo("splice-6FFFFFF0");
        assertThat(out.plannedDuration()).isEqualTo(59.993);
        assertThat(out.startDate()).isEqualTo("2014-03-05T11:15:00Z");
        assertThat(out.scte35Out()).hasSize(49);
        assertThat(dr.dateRanges().get(1).duration()).isEqualTo(59.993);
        assertThat(dr.dateRanges().get(1).scte35In()[0]).isEqualTo((byte) 0xFC);
    }
}
