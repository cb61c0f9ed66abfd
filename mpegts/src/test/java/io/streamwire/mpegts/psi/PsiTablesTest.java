package io.streamwire.mpegts.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.TruncatedInputException;
import io.streamwire.mpegts.TsException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PsiTablesTest {

    static byte[] write(Object table) {
        ByteBuffer out = ByteBuffer.allocate(4096);
        writeTo(table, out);
        return java.util.Arrays.copyOf(out.array(), out.position());
    }

    static void writeTo(Object table, ByteBuffer out) {
        if (table instanceof Pat t) {
            t.writeTo(out);
        } else if (table instanceof Pmt t) {
            t.writeTo(out);
        } else if (table instanceof Cat t) {
            t.writeTo(out);
        } else if (table instanceof SpliceInfoSection t) {
            t.writeTo(out);
            assertThat(out.position()).isEqualTo(t.encodedSize());
        }
    }

    @Test
    void crcMatchesTheCatalogueCheckValue() {
        // CRC-32/MPEG-2 check value for "123456789" (reveng catalogue)
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc32Mpeg2.compute(check, 0, 9)).isEqualTo(0x0376E6E7);
        assertThat(Crc32Mpeg2.compute(ByteBuffer.wrap(check), 0, 9)).isEqualTo(0x0376E6E7);
    }

    @Test
    void patAsFfmpegWritesIt() {
        // ffmpeg's PAT: transport_stream_id 1, version 0, program 1 → PMT PID 0x1000
        String hex = "00b00d0001c100000001f0002ab104b2";
        Pat pat = Pat.parse(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
        assertThat(pat).isEqualTo(Pat.of(1, 0, List.of(new Pat.Program(1, 0x1000))));
        assertThat(HexFormat.of().formatHex(write(pat))).isEqualTo(hex);
    }

    static Stream<Arguments> tables() {
        Descriptor reg = new Descriptor.Registration(0x48455643, ByteBuffer.allocate(0)).toDescriptor();
        Descriptor lang = new Descriptor.Iso639Language(List.of(new Descriptor.Language("fra", 0), new Descriptor.Language("eng", 3)))
                .toDescriptor();
        SpliceDescriptor seg = new SpliceDescriptor(2, SpliceDescriptor.CUEI, ByteBuffer.wrap(HexFormat.of().parseHex(
                "4800008e7fff" + "000052ccf5" + "0c0e" + "4d56504431303030303030303030" + "220203")));
        return Stream.of(
                Arguments.of("PAT two programs and NIT", new Pat(7, 31, false, 1, 2, List.of(new Pat.Program(0, 0x10),
                        new Pat.Program(1, 0x1000), new Pat.Program(2, 0x1001))), (Function<ByteBuffer, Object>) Pat::parse),
                Arguments.of("PMT H.264 + AAC + SCTE-35", new Pmt(1, 3, true, 0x100, List.of(reg),
                        List.of(new Pmt.Stream(0x1B, 0x100, List.of()), new Pmt.Stream(0x0F, 0x101, List.of(lang)),
                                new Pmt.Stream(0x86, 0x102, List.of(Descriptor.of(0x8A, (byte) 1))))), (Function<ByteBuffer, Object>) Pmt::parse),
                Arguments.of("CAT", new Cat(2, true, 0, 0, List.of(Descriptor.of(9, HexFormat.of().parseHex("0b00e123")))),
                        (Function<ByteBuffer, Object>) Cat::parse),
                Arguments.of("SCTE-35 splice_null", new SpliceInfoSection(0, 0, 0, 0xFF, 0xFFF, new SpliceInfoSection.SpliceNull(),
                        List.of()), (Function<ByteBuffer, Object>) SpliceInfoSection::parse),
                Arguments.of("SCTE-35 time_signal + segmentation", new SpliceInfoSection(3, 0, 0x1_0000_0000L, 0, 0xFFF,
                        new SpliceInfoSection.TimeSignal(0x072BD0050L), List.of(seg)), (Function<ByteBuffer, Object>) SpliceInfoSection::parse),
                Arguments.of("SCTE-35 splice_insert out, 30 s", new SpliceInfoSection(3, 0, 0, 0, 0xFFF,
                        new SpliceInfoSection.SpliceInsert(0x4800008F, false, true, true, false, true, 0x07369C02EL, List.of(), true,
                                2_700_000, 1, 0, 0), List.of()), (Function<ByteBuffer, Object>) SpliceInfoSection::parse),
                Arguments.of("SCTE-35 splice_insert components", new SpliceInfoSection(3, 0, 0, 0, 0xFFF,
                        new SpliceInfoSection.SpliceInsert(5, false, false, false, false, false, -1,
                                List.of(new long[] {1, 90_000}, new long[] {2, -1}), false, -1, 9, 1, 2), List.of()),
                        (Function<ByteBuffer, Object>) SpliceInfoSection::parse),
                Arguments.of("SCTE-35 splice_insert cancel", new SpliceInfoSection(3, 0, 0, 0, 0xFFF,
                        new SpliceInfoSection.SpliceInsert(5, true, false, false, false, false, -1, List.of(), false, -1, 0, 0, 0),
                        List.of()), (Function<ByteBuffer, Object>) SpliceInfoSection::parse));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void tablesRoundTripWithAValidCrc(String name, Object table, Function<ByteBuffer, Object> parser) {
        byte[] bytes = write(table);
        assertThat(Crc32Mpeg2.compute(bytes, 0, bytes.length)).as("CRC over the whole section").isZero();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        assertThat(parser.apply(in)).isEqualTo(table);
        assertThat(in.position()).isEqualTo(bytes.length);
        // every truncation raises the module's TruncatedInputException, never another exception
        for (int cut = 0; cut < bytes.length; cut++) {
            ByteBuffer part = ByteBuffer.wrap(bytes, 0, cut).slice();
            assertThatThrownBy(() -> parser.apply(part)).isInstanceOfSatisfying(TruncatedInputException.class,
                    e -> assertThat(e.module()).isEqualTo("mpegts"));
            assertThat(part.position()).isZero();
        }
    }

    @Test
    void typedDescriptors() {
        Pmt pmt = (Pmt) tables().filter(a -> a.get()[0].toString().startsWith("PMT")).findFirst().orElseThrow().get()[1];
        assertThat(((Descriptor.Registration) pmt.programInfo().get(0).typed()).formatIdentifierString()).isEqualTo("HEVC");
        Descriptor.Iso639Language lang = (Descriptor.Iso639Language) pmt.stream(0x101).descriptor(Descriptor.TAG_ISO_639_LANGUAGE).typed();
        assertThat(lang.languages()).extracting(Descriptor.Language::code).containsExactly("fra", "eng");
        assertThat(Descriptor.of(0x52, (byte) 7).typed()).isEqualTo(new Descriptor.StreamIdentifier(7));
        assertThat(Descriptor.of(0x28, (byte) 100, (byte) 0, (byte) 40, (byte) 0xBF).typed())
                .isEqualTo(new Descriptor.AvcVideo(100, 0, 40, true, false, true));
        Descriptor.HevcVideo hevc = (Descriptor.HevcVideo) Descriptor.of(0x38, HexFormat.of().parseHex("0160000000b0000000000078ff"))
                .typed();
        assertThat(hevc.profileIdc()).isEqualTo(1);
        assertThat(hevc.levelIdc()).isEqualTo(0x78);
        // Apple/ID3 timed metadata pointer descriptor: application 0xFFFF "ID3 ", format 0xFF "ID3 ", service 0
        Descriptor.Metadata md = (Descriptor.Metadata) Descriptor.of(0x25, HexFormat.of().parseHex("ffff49443320ff49443320001f0001"))
                .typed();
        assertThat(md.metadataApplicationFormatIdentifier()).isEqualTo(0x49443320L);
        assertThat(md.metadataFormatIdentifier()).isEqualTo(0x49443320L);
        assertThat(md.metadataServiceId()).isZero();
        assertThat(md.pointer()).isTrue();
    }

    @Test
    void segmentationDescriptorFields() {
        SpliceInfoSection s = (SpliceInfoSection) tables().filter(a -> a.get()[0].toString().contains("segmentation"))
                .findFirst().orElseThrow().get()[1];
        SpliceDescriptor.Segmentation seg = s.descriptors().get(0).segmentation();
        assertThat(seg.segmentationEventId()).isEqualTo(0x4800008EL);
        assertThat(seg.programSegmentationFlag()).isTrue();
        assertThat(seg.segmentationDuration()).isEqualTo(0x0052CCF5L);
        assertThat(seg.segmentationUpidType()).isEqualTo(0x0C);
        assertThat(seg.segmentationTypeId()).isEqualTo(0x22);
        assertThat(seg.segmentNum()).isEqualTo(2);
        assertThat(seg.segmentsExpected()).isEqualTo(3);
    }

    /** The body of a segmentation_descriptor cut or lying at each field; offsets count from splice_descriptor_tag. */
    @ParameterizedTest(name = "{1}")
    @org.junit.jupiter.params.provider.CsvSource({
        // segmentation_event_id 3 bytes of 4
        "480000, segmentation_event_id, 6",
        // no byte for segmentation_event_cancel_indicator
        "4800008e, segmentation_event_cancel_indicator, 10",
        // not cancelled, no flags byte
        "4800008e7f, program_segmentation_flag, 11",
        // program_segmentation_flag 0, no component_count
        "4800008e7f3f, component_count, 12",
        // component_count 2 (12 bytes) with 6 bytes left
        "4800008e7f3f02aabbccddeeff, component_count 2, 12",
        // segmentation_duration_flag 1, 4 bytes of 5
        "4800008e7fff00000001, segmentation_duration, 12",
        // no segmentation_upid_type
        "4800008e7fbf, segmentation_upid_type, 12",
        // no segmentation_upid_length
        "4800008e7fbf0c, segmentation_upid_length, 13",
        // segmentation_upid_length 8 with 2 bytes left
        "4800008e7fbf0c08aabb, segmentation_upid_length 8, 13",
        // no segmentation_type_id
        "4800008e7fbf0c00, segmentation_type_id, 14",
        // no segment_num
        "4800008e7fbf0c0022, segment_num, 15",
        // no segments_expected
        "4800008e7fbf0c002202, segments_expected, 16",
    })
    void segmentationErrorsNameTheFieldAtItsOffset(String body, String what, long offset) {
        SpliceDescriptor d = new SpliceDescriptor(SpliceDescriptor.TAG_SEGMENTATION, SpliceDescriptor.CUEI,
                ByteBuffer.wrap(HexFormat.of().parseHex(body)));
        String field = what.split(" ")[0];
        assertThatThrownBy(d::segmentation).isInstanceOfSatisfying(TsException.class, e -> {
            assertThat(e.module()).isEqualTo("mpegts");
            assertThat(e.field()).isEqualTo("segmentation_descriptor " + field);
            assertThat(e.offset()).isEqualTo(offset);
            assertThat(e.getMessage()).isEqualTo("segmentation_descriptor " + what + " runs past descriptor_length "
                    + (4 + body.length() / 2) + " at offset " + offset + "; ANSI/SCTE 35 2022 §10.3.3");
        });
        // one byte more and the field fits (the next one, if any, is then the one named)
        SpliceDescriptor whole = new SpliceDescriptor(SpliceDescriptor.TAG_SEGMENTATION, SpliceDescriptor.CUEI,
                ByteBuffer.wrap(HexFormat.of().parseHex("4800008e7fbf0c0022020300")));
        assertThat(whole.segmentation().segmentsExpected()).isEqualTo(3);
    }

    @Test
    void encryptedSpliceSectionsAreUnsupported() {
        byte[] section = write(new SpliceInfoSection(0, 0, 0, 0, 0xFFF, new SpliceInfoSection.SpliceNull(), List.of()));
        section[4] |= (byte) 0x80; // encrypted_packet
        assertThatThrownBy(() -> SpliceInfoSection.parse(ByteBuffer.wrap(section)))
                .isInstanceOfSatisfying(io.streamwire.core.UnsupportedFeatureException.class, e -> {
                    assertThat(e.module()).isEqualTo("mpegts");
                    assertThat(e.field()).isEqualTo("splice_info_section encrypted_packet");
                    assertThat(e.offset()).isEqualTo(4);
                });
    }

    @Test
    void badLengthsRaiseTsExceptionWithField() {
        byte[] pat = HexFormat.of().parseHex("00b00e0001c100000001f0002ab104b2");
        assertThatThrownBy(() -> Pat.parse(ByteBuffer.wrap(pat))).isInstanceOfSatisfying(TruncatedInputException.class,
                e -> assertThat(e.field()).isEqualTo("pat section_length"));
        byte[] shortPat = HexFormat.of().parseHex("00b00c0001c100000001f0002ab104b2"); // section_length 12: a partial program entry
        assertThatThrownBy(() -> Pat.parse(ByteBuffer.wrap(shortPat))).isInstanceOfSatisfying(TsException.class,
                e -> assertThat(e.field()).isEqualTo("pat section_length"));
        byte[] pmt = write(new Pmt(1, 0, true, 256, List.of(), List.of(new Pmt.Stream(0x1B, 256, List.of()))));
        pmt[11] = 40; // program_info_length past the section
        assertThatThrownBy(() -> Pmt.parse(ByteBuffer.wrap(pmt))).isInstanceOfSatisfying(TsException.class, e -> {
            assertThat(e.field()).isEqualTo("pmt program_info_length");
            assertThat(e.offset()).isEqualTo(10);
        });
    }
}
