package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HevcAccessUnitSplitter} and {@link HevcAccessUnit#split} against ffprobe's packets (its HEVC
 * parser splits raw streams into access units) and ITU-T H.265 (09/2023) §7.4.2.4.4 / §8.1.3.
 */
class HevcAccessUnitSplitterTest {
    private static final HexFormat HEX = HexFormat.of();

    static List<String> fixtures() {
        return List.of("main", "main10", "rext422-10", "rext444", "rext444-12", "mono", "still", "crop-318x238",
                "bframes-pyramid", "open-gop", "slices4", "hdr10", "hrd", "scaling-default");
    }

    /** ffprobe's packets of a fixture: {pos, size, keyframe}. */
    static List<long[]> packets(String name) {
        List<long[]> out = new ArrayList<>();
        for (String line : Fixtures.lines("h265/" + name + ".h265.packets.csv")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            out.add(new long[] {Long.parseLong(f[4]), Long.parseLong(f[3]), f[5].contains("K") ? 1 : 0});
        }
        return out;
    }

    /**
     * Packet by packet: same count, same keyframe flags, and each access unit lies inside its packet
     * (ffprobe's packet starts at the start code before the first NAL unit and runs to the next one).
     */
    @ParameterizedTest
    @MethodSource("fixtures")
    void accessUnitsAreFfprobesPackets(String name) {
        List<HevcAccessUnit> aus = HevcAccessUnit.split(ByteBuffer.wrap(Fixtures.bytes("h265/" + name + ".h265")));
        List<long[]> packets = packets(name);
        assertThat(aus).hasSameSizeAs(packets);
        for (int i = 0; i < aus.size(); i++) {
            HevcAccessUnit au = aus.get(i);
            long[] p = packets.get(i);
            assertThat(au.keyframe()).as("%s AU %d keyframe", name, i).isEqualTo(p[2] == 1);
            assertThat(au.offset()).as("%s AU %d offset", name, i).isBetween(p[0] + 3, p[0] + 4);
            assertThat(au.offset() + au.length()).as("%s AU %d end", name, i).isBetween(p[0] + p[1] - 4, p[0] + p[1]);
            assertThat(au.decodable()).isTrue(); // each stream starts with an IDR: every RASL belongs to a later CRA
        }
    }

    /** Fed through the push decoder in random chunks, NAL unit by NAL unit: the same access units. */
    @ParameterizedTest
    @ValueSource(strings = {"open-gop", "slices4", "hdr10", "bframes-pyramid"})
    void pushFormIsIndependentOfChunking(String name) {
        byte[] stream = Fixtures.bytes("h265/" + name + ".h265");
        List<HevcAccessUnit> expected = HevcAccessUnit.split(ByteBuffer.wrap(stream));
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<byte[]> pieces = round == 0 ? Chunks.fixed(stream, 1) : Chunks.random(stream, random);
            assertThat(pushInPieces(pieces)).isEqualTo(expected);
        }
    }

    static List<HevcAccessUnit> pushInPieces(List<byte[]> pieces) {
        List<HevcAccessUnit> got = new ArrayList<>();
        HevcAccessUnitSplitter splitter = new HevcAccessUnitSplitter(H265Limits.defaults());
        HevcAnnexBDecoder decoder = new HevcAnnexBDecoder((nal, offset) -> {
            if (splitter.push(nal, offset)) {
                got.add(splitter.completed());
            }
        }, H265Limits.defaults());
        for (byte[] piece : pieces) {
            decoder.feed(ByteBuffer.wrap(piece));
        }
        decoder.endOfInput();
        if (splitter.finish()) {
            got.add(splitter.completed());
        }
        return got;
    }

    /**
     * A stream that starts at a CRA: its RASL pictures reference pictures before the CRA, so they are
     * not decodable (NoRaslOutputFlag 1, §8.1.3); the RASL pictures of the next CRA are.
     */
    @Test
    void raslAfterAStartingCraIsNotDecodable() {
        byte[] stream = Fixtures.bytes("h265/open-gop.h265");
        List<HevcAccessUnit> aus = HevcAccessUnit.split(ByteBuffer.wrap(stream));
        HevcAccessUnit cra = aus.stream().filter(HevcAccessUnit::isCra).findFirst().orElseThrow();
        List<HevcAccessUnit> cut = HevcAccessUnit.split(ByteBuffer.wrap(stream, (int) cra.offset(), stream.length - (int) cra.offset()));
        assertThat(cut.get(0).isCra()).isTrue();
        assertThat(cut.get(1).isRasl()).isTrue();
        assertThat(cut.get(1).decodable()).isFalse();
        List<HevcAccessUnit> laterRasl = cut.stream().skip(2).filter(HevcAccessUnit::isRasl).toList();
        assertThat(laterRasl).isNotEmpty().allMatch(HevcAccessUnit::decodable);
        assertThat(cut.stream().filter(a -> !a.isRasl())).allMatch(HevcAccessUnit::decodable);
        // started at a trailing picture: nothing is decodable until the next IRAP picture
        HevcAccessUnit trail = aus.get(1);
        List<HevcAccessUnit> mid = HevcAccessUnit.split(ByteBuffer.wrap(stream, (int) trail.offset(), stream.length - (int) trail.offset()));
        assertThat(mid.get(0).decodable()).isFalse();
        assertThat(mid.stream().filter(HevcAccessUnit::keyframe).findFirst().orElseThrow().decodable()).isTrue();
    }

    /** Synthetic NAL units: the §7.4.2.4.4 start rules one by one. */
    @Test
    void startRules() {
        // AUD, VPS, SEI, IDR first slice, IDR second slice, suffix SEI, PPS (starts), TRAIL first slice,
        // FD (joins), EOS (closes), CRA first slice, layer-1 slice (joins), UNSPEC48 (starts), RSV_VCL24 first (joins)
        String[] nals = {"460150", "40010c", "4e0105", "2601af", "26012f", "500105", "4401c0", "0201af", "4c01ff", "4801",
            "2a01af", "0209af", "6001", "3001af"};
        List<HevcAccessUnit> aus = new ArrayList<>();
        HevcAccessUnitSplitter s = new HevcAccessUnitSplitter();
        long offset = 0;
        for (String hex : nals) {
            byte[] b = HEX.parseHex(hex);
            if (s.push(ByteBuffer.wrap(b), offset)) {
                aus.add(s.completed());
            }
            offset += b.length + 4;
        }
        assertThat(s.finish()).isTrue();
        aus.add(s.completed());
        assertThat(aus).extracting(HevcAccessUnit::nalUnitCount).containsExactly(6, 4, 2, 2);
        assertThat(aus).extracting(HevcAccessUnit::pictureType).containsExactly(19, 1, 21, -1);
        assertThat(aus.get(0).offset()).isZero();
        assertThat(aus.get(0).length()).isEqualTo(6 * 4 + 3 * 6 - 4);
        assertThat(aus.get(1).keyframe()).isFalse();
        assertThat(aus.get(2).keyframe()).isTrue();
        assertThat(s.finish()).isFalse();
        assertThatThrownBy(s::completed).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.push(ByteBuffer.wrap(HEX.parseHex("0201af")), 0)).isInstanceOf(IllegalStateException.class);
        s.reset();
        assertThat(s.push(ByteBuffer.wrap(HEX.parseHex("0201af")), 0)).isFalse();
        assertThat(s.endAccessUnit()).isTrue();
        assertThat(s.completed().decodable()).isFalse(); // no IRAP picture since reset()
    }

    @Test
    void hostileNalUnitCountNamesTheLimit() {
        HevcAccessUnitSplitter s = new HevcAccessUnitSplitter(H265Limits.defaults().withMaxNalUnitsPerAccessUnit(3));
        ByteBuffer slice = ByteBuffer.wrap(HEX.parseHex("02012f")); // not the first slice segment: joins
        s.push(slice, 0);
        s.push(slice, 7);
        s.push(slice, 14);
        assertThatThrownBy(() -> s.push(slice, 21)).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limitName()).isEqualTo("H265Limits.maxNalUnitsPerAccessUnit()");
            assertThat(e.offset()).isEqualTo(21);
            assertThat(e.actual()).isEqualTo(4);
        });
    }

    @Test
    void sliceWithoutItsFirstFlagIsTruncated() {
        HevcAccessUnitSplitter s = new HevcAccessUnitSplitter();
        assertThatThrownBy(() -> s.push(ByteBuffer.wrap(HEX.parseHex("0201")), 40))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("slice_segment_header first_slice_segment_in_pic_flag");
                    assertThat(e.offset()).isEqualTo(42);
                });
        assertThatThrownBy(() -> s.push(ByteBuffer.allocate(0), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** One MP4 sample per access unit: endAccessUnit() after each gives the flags of the whole Annex B stream. */
    @ParameterizedTest
    @ValueSource(strings = {"open-gop", "bframes-pyramid", "hdr10"})
    void mp4SamplesGiveTheSameFlags(String name) {
        TestMp4Boxes.Track track = TestMp4Boxes.read(Fixtures.bytes("h265/" + name + ".mp4"));
        List<HevcAccessUnit> expected = HevcAccessUnit.split(ByteBuffer.wrap(Fixtures.bytes("h265/" + name + ".h265")));
        HevcAccessUnitSplitter s = new HevcAccessUnitSplitter();
        List<Integer> types = new ArrayList<>();
        for (ByteBuffer sample : track.samples()) {
            for (ByteBuffer nal : Hvcc.split(sample, 4)) {
                assertThat(s.push(nal, 0)).isFalse();
            }
            assertThat(s.endAccessUnit()).isTrue();
            types.add(s.completed().pictureType());
        }
        assertThat(types).isEqualTo(expected.stream().map(HevcAccessUnit::pictureType).toList());
        assertThat(Arrays.asList(types.toArray())).isNotEmpty();
    }
}
