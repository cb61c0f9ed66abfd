package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HevcCodecString} against ISO/IEC 14496-15 (2022) Annex E.3: the worked example
 * {@code hev1.1.6.L93.B0} and cases built field by field from the Annex E rules (profile space
 * letter, compatibility flags bit-reversed in hex without leading zeros, tier letter and level,
 * constraint bytes with trailing zero bytes left out); and the strings of the ffmpeg fixtures' hvcC
 * against the profile ffprobe names.
 */
class HevcCodecStringTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // expected           | entry | space | high tier | idc | compat (flag[0] = MSB) | constraint (48 bits) | level
        // Annex E.3 example: Main, compatible with Main and Main 10 (flags 1, 2), progressive + frame only, level 3.1
        "hev1.1.6.L93.B0      | hev1  | 0     | false     | 1   | 0x60000000             | 0xB00000000000       | 93",
        // Main 10 (flag 2 only, reversed 0x4), high tier, level 4
        "hvc1.2.4.H120.B0     | hvc1  | 0     | true      | 2   | 0x20000000             | 0xB00000000000       | 120",
        // profile space 1 ('A'), idc 4, flags 0 and 6 (reversed 0x41), two constraint bytes
        "hev1.A4.41.L120.B0.23| hev1  | 1     | false     | 4   | 0x82000000             | 0xB02300000000       | 120",
        // spaces 2 and 3, an inner zero constraint byte kept, the trailing ones dropped
        "hvc1.B1.6.L93.90.0.1 | hvc1  | 2     | false     | 1   | 0x60000000             | 0x900001000000       | 93",
        "hvc1.C31.80000000.L255.1.2.3.4.5.6 | hvc1 | 3 | false | 31 | 0x00000001       | 0x010203040506       | 255",
        // no constraint flags at all: nothing after the level; no compatibility flags: 0
        "hvc1.1.0.L0          | hvc1  | 0     | false     | 1   | 0x00000000             | 0x000000000000       | 0",
        // every compatibility flag
        "hev1.4.FFFFFFFF.H186.FF.FF.FF.FF.FF.FF | hev1 | 0 | true | 4 | 0xFFFFFFFF  | 0xFFFFFFFFFFFF       | 186",
    })
    void annexERules(String expected, String entry, int space, boolean tier, int idc, String compat, String constraint, int level) {
        int compatFlags = Integer.parseUnsignedInt(compat.substring(2), 16);
        long constraints = Long.parseLong(constraint.substring(2), 16);
        assertThat(HevcCodecString.of(entry, space, tier, idc, compatFlags, constraints, level)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"space", "idc", "level", "constraints", "entry", "dot"})
    void refusesValuesOutOfRange(String what) {
        assertThatThrownBy(() -> HevcCodecString.of(what.equals("entry") ? "" : what.equals("dot") ? "hv.1" : "hvc1",
                what.equals("space") ? 4 : 0, false, what.equals("idc") ? 32 : 1, 0, what.equals("constraints") ? 1L << 48 : 0,
                what.equals("level") ? 256 : 93)).isInstanceOf(IllegalArgumentException.class);
    }

    /** ffprobe's profile names (libavcodec profiles.c) to general_profile_idc (ITU-T H.265 Annex A). */
    private static final Map<String, Integer> PROFILE_IDC = Map.of("Main", 1, "Main 10", 2, "Main Still Picture", 3, "Rext", 4);

    @ParameterizedTest
    @ValueSource(strings = {"main", "main10", "rext422-10", "rext444", "rext444-12", "mono", "still", "hdr10", "open-gop"})
    void fixtureCodecStringsNameTheProfileFfprobeReports(String name) {
        TestMp4Boxes.Track track = TestMp4Boxes.read(Fixtures.bytes("h265/" + name + ".mp4"));
        HevcDecoderConfigurationRecord config = HevcDecoderConfigurationRecord.parse(track.hvcC());
        String profile = Fixtures.lines("h265/" + name + ".mp4.streams.txt").stream()
                .filter(l -> l.startsWith("profile=")).findFirst().orElseThrow().substring("profile=".length());
        String codecs = config.codecString(track.sampleEntry());
        assertThat(track.sampleEntry()).isEqualTo("hvc1");
        assertThat(codecs).startsWith("hvc1." + PROFILE_IDC.get(profile) + ".");
        // x265 signals progressive, non-packed frames: general_progressive_source_flag and general_frame_only_constraint_flag
        assertThat(codecs.split("\\.")[4]).isEqualTo(Integer.toHexString((int) (config.generalConstraintIndicatorFlags() >>> 40)).toUpperCase());
        assertThat(config.generalConstraintIndicatorFlags() >>> 47).isEqualTo(1);
    }

    /**
     * The record's general profile fields are the 12 bytes after the SPS's first byte
     * (sps_video_parameter_set_id, sps_max_sub_layers_minus1, sps_temporal_id_nesting_flag): the
     * general part of profile_tier_level() (ITU-T H.265 §7.3.3) has the record's layout. So the codec
     * string can be checked against the encoder's SPS, which ffmpeg's MP4 muxer copied from.
     */
    @ParameterizedTest
    @ValueSource(strings = {"main", "main10", "rext422-10", "rext444-12", "mono", "still", "hdr10"})
    void codecStringFieldsAreTheSpsProfileTierLevel(String name) {
        HevcDecoderConfigurationRecord config = HevcDecoderConfigurationRecord.parse(
                TestMp4Boxes.read(Fixtures.bytes("h265/" + name + ".mp4")).hvcC());
        ByteBuffer sps = HevcAnnexB.split(ByteBuffer.wrap(Fixtures.bytes("h265/" + name + ".h265"))).stream()
                .filter(n -> NalUnitType.fromHeaderByte(n.get(0)) == NalUnitType.SPS_NUT).findFirst().orElseThrow();
        byte[] rbsp = unescape(sps, 2, 13);
        int compat = ByteBuffer.wrap(rbsp, 2, 4).getInt();
        long constraints = (ByteBuffer.wrap(rbsp, 6, 2).getShort() & 0xFFFFL) << 32 | (ByteBuffer.wrap(rbsp, 8, 4).getInt() & 0xFFFFFFFFL);
        String fromSps = HevcCodecString.of("hvc1", (rbsp[1] & 0xFF) >>> 6, (rbsp[1] & 0x20) != 0, rbsp[1] & 0x1F, compat,
                constraints, rbsp[12] & 0xFF);
        assertThat(config.codecString("hvc1")).isEqualTo(fromSps);
    }

    /** {@code n} bytes of the RBSP from {@code from}, emulation prevention bytes (ITU-T H.265 §7.4.2) removed. */
    static byte[] unescape(ByteBuffer nal, int from, int n) {
        byte[] out = new byte[n];
        int zeros = 0;
        int k = 0;
        for (int i = from; k < n; i++) {
            int b = nal.get(nal.position() + i) & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[k++] = (byte) b;
        }
        return out;
    }
}
