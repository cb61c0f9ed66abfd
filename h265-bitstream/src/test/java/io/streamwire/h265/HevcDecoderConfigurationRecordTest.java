package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HevcDecoderConfigurationRecord} against ISO/IEC 14496-15 (2022) §8.3.3.1 and ffmpeg's hvcC boxes. */
class HevcDecoderConfigurationRecordTest {
    private static final HexFormat HEX = HexFormat.of();

    /** One record written field by field (a Main 10 stream, one VPS, two PPS). */
    private static final String RECORD = String.join("",
            "01",            // configurationVersion
            "22",            // general_profile_space 0, general_tier_flag 1, general_profile_idc 2
            "20000000",      // general_profile_compatibility_flags: flag[2]
            "b00000000000",  // general_constraint_indicator_flags: progressive, non-packed, frame only
            "5a",            // general_level_idc 90 (level 3)
            "f00a",          // reserved 1111, min_spatial_segmentation_idc 10
            "fe",            // reserved 111111, parallelismType 2 (tiles)
            "fd",            // reserved 111111, chroma_format_idc 1
            "fa",            // reserved 11111, bit_depth_luma_minus8 2
            "fa",            // reserved 11111, bit_depth_chroma_minus8 2
            "1900",          // avgFrameRate 6400 (25 fps)
            "4f",            // constantFrameRate 1, numTemporalLayers 1, temporalIdNested 1, lengthSizeMinusOne 3
            "02",            // numOfArrays
            "a0", "0001", "0003", "400101",        // complete VPS array: one NAL unit of 3 bytes
            "22", "0002", "0002", "4401", "0003", "440102"); // PPS array, not complete: two NAL units

    @Test
    void parsesEveryField() {
        ByteBuffer in = ByteBuffer.wrap(HEX.parseHex(RECORD + "ffff")); // two trailing bytes
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(in);
        assertThat(r.configurationVersion()).isEqualTo(1);
        assertThat(r.generalProfileSpace()).isZero();
        assertThat(r.generalTierFlag()).isTrue();
        assertThat(r.generalProfileIdc()).isEqualTo(2);
        assertThat(r.generalProfileCompatibilityFlags()).isEqualTo(0x20000000);
        assertThat(r.generalConstraintIndicatorFlags()).isEqualTo(0xB00000000000L);
        assertThat(r.generalLevelIdc()).isEqualTo(90);
        assertThat(r.minSpatialSegmentationIdc()).isEqualTo(10);
        assertThat(r.parallelismType()).isEqualTo(2);
        assertThat(r.chromaFormatIdc()).isEqualTo(1);
        assertThat(r.bitDepthLumaMinus8()).isEqualTo(2);
        assertThat(r.bitDepthChromaMinus8()).isEqualTo(2);
        assertThat(r.avgFrameRate()).isEqualTo(6400);
        assertThat(r.constantFrameRate()).isEqualTo(1);
        assertThat(r.numTemporalLayers()).isEqualTo(1);
        assertThat(r.temporalIdNested()).isTrue();
        assertThat(r.lengthSizeMinusOne()).isEqualTo(3);
        assertThat(r.nalUnitLengthSize()).isEqualTo(4);
        assertThat(r.arrays()).hasSize(2);
        assertThat(r.arrays().get(0).arrayCompleteness()).isTrue();
        assertThat(r.arrays().get(1).arrayCompleteness()).isFalse();
        assertThat(r.nalUnits(NalUnitType.PPS_NUT)).extracting(b -> b.remaining()).containsExactly(2, 3);
        assertThat(r.nalUnits(NalUnitType.SPS_NUT)).isEmpty();
        assertThat(r.codecString("hev1")).isEqualTo("hev1.2.4.H90.B0");
        assertThat(in.remaining()).isEqualTo(2); // trailing bytes left unread
        assertThat(HEX.formatHex(r.toByteArray())).isEqualTo(RECORD);
        assertThat(r.encodedSize()).isEqualTo(RECORD.length() / 2);
    }

    /** Every ffmpeg/x265 hvcC of the fixtures parses and writes back byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"main", "main10", "rext422-10", "rext444", "rext444-12", "mono", "still", "crop-318x238",
        "bframes-pyramid", "open-gop", "slices4", "hdr10", "hrd", "scaling-default"})
    void ffmpegRecordsRoundTrip(String name) {
        TestMp4Boxes.Track track = TestMp4Boxes.read(Fixtures.bytes("h265/" + name + ".mp4"));
        byte[] bytes = new byte[track.hvcC().remaining()];
        track.hvcC().duplicate().get(bytes);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(in);
        assertThat(in.hasRemaining()).isFalse();
        assertThat(r.toByteArray()).isEqualTo(bytes);
        // the parameter sets in the record are the ones of the Annex B stream encoded with the same settings
        List<ByteBuffer> annexB = HevcAnnexB.split(ByteBuffer.wrap(Fixtures.bytes("h265/" + name + ".h265")));
        for (int type = NalUnitType.VPS_NUT; type <= NalUnitType.PPS_NUT; type++) {
            int t = type;
            assertThat(r.nalUnits(type)).as("%s in the .h265", NalUnitType.name(t)).isNotEmpty()
                    .allMatch(ps -> annexB.stream().anyMatch(n -> n.equals(ps)));
        }
    }

    @Test
    void lenientWhereWritersDiffer() {
        byte[] b = HEX.parseHex(RECORD);
        b[0] = 0;                      // configurationVersion 0 (pre-2014 writers)
        b[13] &= 0x0F;                 // reserved bits cleared
        b[15] &= 0x03;
        b[23] |= 0x40;                 // array reserved bit set
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(ByteBuffer.wrap(b));
        assertThat(r.configurationVersion()).isZero();
        assertThat(r.minSpatialSegmentationIdc()).isEqualTo(10);
        assertThat(r.parallelismType()).isEqualTo(2);
        assertThat(r.arrays().get(0).nalUnitType()).isEqualTo(32);
        byte[] written = r.toByteArray();
        assertThat(written[13] & 0xF0).isEqualTo(0xF0); // written back as the standard says
        assertThat(written[23] & 0x40).isZero();
    }

    @Test
    void refusesBadValuesWithOffsetAndField() {
        byte[] b = HEX.parseHex(RECORD);
        b[0] = 2;
        assertThatThrownBy(() -> HevcDecoderConfigurationRecord.parse(ByteBuffer.wrap(b)))
                .isInstanceOfSatisfying(H265Exception.class, e -> {
                    assertThat(e.field()).isEqualTo("hvcC configurationVersion");
                    assertThat(e.offset()).isZero();
                });
        byte[] c = HEX.parseHex(RECORD);
        c[21] = (byte) 0x4E; // lengthSizeMinusOne 2
        assertThatThrownBy(() -> HevcDecoderConfigurationRecord.parse(ByteBuffer.wrap(c)))
                .isInstanceOfSatisfying(H265Exception.class, e -> {
                    assertThat(e.field()).isEqualTo("hvcC lengthSizeMinusOne");
                    assertThat(e.offset()).isEqualTo(21);
                });
        assertThatThrownBy(() -> HevcDecoderConfigurationRecord.parse(ByteBuffer.wrap(HEX.parseHex("0000000140010c01"))))
                .isInstanceOf(H265Exception.class).hasMessageContaining("Annex B");
    }

    @Test
    void countsAndLengthsPastTheBytesAreTruncated() {
        byte[] b = HEX.parseHex(RECORD);
        byte[] moreArrays = b.clone();
        moreArrays[22] = 3; // numOfArrays 3, only two present
        assertThatThrownBy(() -> HevcDecoderConfigurationRecord.parse(ByteBuffer.wrap(moreArrays)))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("hvcC NAL_unit_type");
                    assertThat(e.offset()).isEqualTo(b.length);
                    assertThat(e.module()).isEqualTo("h265");
                });
        byte[] moreNalus = b.clone();
        moreNalus[24] = (byte) 0xFF; // numNalus 65281: checked one by one against the bytes, nothing sized by it
        assertThatThrownBy(() -> HevcDecoderConfigurationRecord.parse(ByteBuffer.wrap(moreNalus)))
                .isInstanceOf(TruncatedInputException.class);
        byte[] longer = b.clone();
        longer[26] = (byte) 0xFF; // nalUnitLength 0xFF03
        assertThatThrownBy(() -> HevcDecoderConfigurationRecord.parse(ByteBuffer.wrap(longer)))
                .isInstanceOfSatisfying(TruncatedInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("hvcC nalUnitLength");
                    assertThat(e.offset()).isEqualTo(26);
                });
        for (int cut = 0; cut < b.length; cut++) {
            ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(b, cut));
            assertThatThrownBy(() -> HevcDecoderConfigurationRecord.parse(in)).isInstanceOf(StreamwireException.class);
            assertThat(in.position()).isZero();
        }
    }

    @Property(tries = 1000)
    void randomBytesOnlyRaiseTheModulesExceptions(@ForAll byte[] data) {
        try {
            HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(ByteBuffer.wrap(data));
            HevcDecoderConfigurationRecord again = HevcDecoderConfigurationRecord.parse(ByteBuffer.wrap(r.toByteArray()));
            assertThat(again).isEqualTo(r);
        } catch (StreamwireException e) {
            assertThat(e.module()).isEqualTo("h265");
        }
    }

    @Test
    void constructorChecksWidths() {
        assertThatThrownBy(() -> new HevcDecoderConfigurationRecord.NalUnitArray(true, 64, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HevcDecoderConfigurationRecord(1, 0, false, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, false, 2, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HevcDecoderConfigurationRecord(1, 0, false, 1, 0, 1L << 48, 0, 0, 0, 1, 0, 0, 0, 0, 0, false, 3, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
