package io.streamwire.aac;

import io.streamwire.aac.internal.BitWriter;
import io.streamwire.core.internal.BitReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code program_config_element()}: ISO/IEC 14496-3:2019 §4.4.1.1 (Table 4.2), semantics §4.5.1.2;
 * carried in GASpecificConfig when channelConfiguration is 0, and in the first raw data block of
 * ADTS frames with channel_configuration 0.
 *
 * <pre>
 * element_instance_tag(4) object_type(2) sampling_frequency_index(4)
 * num_front_channel_elements(4) num_side_channel_elements(4) num_back_channel_elements(4)
 * num_lfe_channel_elements(2) num_assoc_data_elements(3) num_valid_cc_elements(4)
 * mono_mixdown_present(1) [mono_mixdown_element_number(4)]
 * stereo_mixdown_present(1) [stereo_mixdown_element_number(4)]
 * matrix_mixdown_idx_present(1) [matrix_mixdown_idx(2) pseudo_surround_enable(1)]
 * {front,side,back}_element_is_cpe(1) + _tag_select(4) per element; lfe/assoc tag_select(4) each;
 * cc_element_is_ind_sw(1) valid_cc_element_tag_select(4) each
 * byte_alignment() comment_field_bytes(8) comment_field_data(8) x comment_field_bytes
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param elementInstanceTag element_instance_tag, 4 bits
 * @param objectType object_type, 2 bits
 * @param samplingFrequencyIndex sampling_frequency_index, 4 bits
 * @param frontChannelElements front elements (at most 15)
 * @param sideChannelElements side elements (at most 15)
 * @param backChannelElements back elements (at most 15)
 * @param lfeElementTagSelect lfe_element_tag_select values (at most 3)
 * @param assocDataElementTagSelect assoc_data_element_tag_select values (at most 7)
 * @param ccElements coupling channel elements (at most 15); {@code isCpe} holds cc_element_is_ind_sw
 * @param monoMixdownElementNumber mono_mixdown_element_number, or -1 when not present
 * @param stereoMixdownElementNumber stereo_mixdown_element_number, or -1 when not present
 * @param matrixMixdownIdx matrix_mixdown_idx, or -1 when not present
 * @param pseudoSurroundEnable pseudo_surround_enable, or -1 when not present
 * @param byteAlignmentBits the value of the byte_alignment() padding bits (0 in conforming streams)
 * @param commentFieldData comment_field_data, ISO 8859-1, at most 255 characters
 *
 * @since 0.1.0
 */
public record ProgramConfigElement(int elementInstanceTag, int objectType, int samplingFrequencyIndex,
        List<ChannelElement> frontChannelElements, List<ChannelElement> sideChannelElements,
        List<ChannelElement> backChannelElements, List<Integer> lfeElementTagSelect,
        List<Integer> assocDataElementTagSelect, List<ChannelElement> ccElements, int monoMixdownElementNumber,
        int stereoMixdownElementNumber, int matrixMixdownIdx, int pseudoSurroundEnable, int byteAlignmentBits,
        String commentFieldData) {

    private static final String SPEC = "ISO/IEC 14496-3 §4.4.1.1";

    /**
     * One front/side/back (or coupling) element entry.
     *
     * @param isCpe *_element_is_cpe (or cc_element_is_ind_sw), 1 bit
     * @param tagSelect *_element_tag_select, 4 bits
     */
    public record ChannelElement(boolean isCpe, int tagSelect) {
        /** Checks the range. */
        public ChannelElement {
            if (tagSelect < 0 || tagSelect > 15) {
                throw new IllegalArgumentException("tagSelect " + tagSelect + " out of range 0..15");
            }
        }
    }

    /** Checks ranges and counts against their field widths. */
    public ProgramConfigElement {
        frontChannelElements = List.copyOf(frontChannelElements);
        sideChannelElements = List.copyOf(sideChannelElements);
        backChannelElements = List.copyOf(backChannelElements);
        lfeElementTagSelect = List.copyOf(lfeElementTagSelect);
        assocDataElementTagSelect = List.copyOf(assocDataElementTagSelect);
        ccElements = List.copyOf(ccElements);
        range("elementInstanceTag", elementInstanceTag, 0, 15);
        range("objectType", objectType, 0, 3);
        range("samplingFrequencyIndex", samplingFrequencyIndex, 0, 15);
        range("frontChannelElements.size", frontChannelElements.size(), 0, 15);
        range("sideChannelElements.size", sideChannelElements.size(), 0, 15);
        range("backChannelElements.size", backChannelElements.size(), 0, 15);
        range("lfeElementTagSelect.size", lfeElementTagSelect.size(), 0, 3);
        range("assocDataElementTagSelect.size", assocDataElementTagSelect.size(), 0, 7);
        range("ccElements.size", ccElements.size(), 0, 15);
        for (int tag : lfeElementTagSelect) {
            range("lfeElementTagSelect", tag, 0, 15);
        }
        for (int tag : assocDataElementTagSelect) {
            range("assocDataElementTagSelect", tag, 0, 15);
        }
        range("monoMixdownElementNumber", monoMixdownElementNumber, -1, 15);
        range("stereoMixdownElementNumber", stereoMixdownElementNumber, -1, 15);
        range("matrixMixdownIdx", matrixMixdownIdx, -1, 3);
        range("pseudoSurroundEnable", pseudoSurroundEnable, matrixMixdownIdx < 0 ? -1 : 0, matrixMixdownIdx < 0 ? -1 : 1);
        range("byteAlignmentBits", byteAlignmentBits, 0, 127);
        if (commentFieldData.length() > 255 || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(commentFieldData)) {
            throw new IllegalArgumentException("commentFieldData must be at most 255 ISO 8859-1 characters");
        }
    }

    /** Number of audio channels: one per SCE, two per CPE, one per LFE. */
    public int channelCount() {
        int count = lfeElementTagSelect.size();
        for (List<ChannelElement> list : List.of(frontChannelElements, sideChannelElements, backChannelElements)) {
            for (ChannelElement element : list) {
                count += element.isCpe() ? 2 : 1;
            }
        }
        return count;
    }

    /**
     * Reads a PCE; byte_alignment() is relative to bit 0 of the reader (the start of the
     * AudioSpecificConfig or raw data block).
     */
    static ProgramConfigElement read(BitReader in) {
        int tag = in.u(4, "pce element_instance_tag");
        int objectType = in.u(2, "pce object_type");
        int sfi = in.u(4, "pce sampling_frequency_index");
        int front = in.u(4, "pce num_front_channel_elements");
        int side = in.u(4, "pce num_side_channel_elements");
        int back = in.u(4, "pce num_back_channel_elements");
        int lfe = in.u(2, "pce num_lfe_channel_elements");
        int assoc = in.u(3, "pce num_assoc_data_elements");
        int cc = in.u(4, "pce num_valid_cc_elements");
        int mono = in.flag("pce mono_mixdown_present") ? in.u(4, "pce mono_mixdown_element_number") : -1;
        int stereo = in.flag("pce stereo_mixdown_present") ? in.u(4, "pce stereo_mixdown_element_number") : -1;
        int matrix = -1;
        int pseudo = -1;
        if (in.flag("pce matrix_mixdown_idx_present")) {
            matrix = in.u(2, "pce matrix_mixdown_idx");
            pseudo = in.u(1, "pce pseudo_surround_enable");
        }
        // Check the counts against the bits left before looping.
        in.require(5L * (front + side + back + cc) + 4L * (lfe + assoc), "pce channel element list");
        List<ChannelElement> frontList = elements(in, front, "pce front_element");
        List<ChannelElement> sideList = elements(in, side, "pce side_element");
        List<ChannelElement> backList = elements(in, back, "pce back_element");
        List<Integer> lfeList = new ArrayList<>();
        for (int i = 0; i < lfe; i++) {
            lfeList.add(in.u(4, "pce lfe_element_tag_select"));
        }
        List<Integer> assocList = new ArrayList<>();
        for (int i = 0; i < assoc; i++) {
            assocList.add(in.u(4, "pce assoc_data_element_tag_select"));
        }
        List<ChannelElement> ccList = elements(in, cc, "pce cc_element");
        int align = (int) ((8 - (in.bitsRead() & 7)) & 7);
        int alignmentBits = in.u(align, "pce byte_alignment");
        long commentAt = in.offset();
        int commentBytes = in.u(8, "pce comment_field_bytes");
        if (in.bitsLeft() < 8L * commentBytes) {
            throw new AacException("pce comment_field_bytes", commentBytes + " runs past the end ("
                    + in.bitsLeft() / 8 + " bytes remain)", commentAt, SPEC);
        }
        byte[] comment = new byte[commentBytes];
        for (int i = 0; i < commentBytes; i++) {
            comment[i] = (byte) in.u(8, "pce comment_field_data");
        }
        return new ProgramConfigElement(tag, objectType, sfi, frontList, sideList, backList, lfeList, assocList,
                ccList, mono, stereo, matrix, pseudo, alignmentBits, new String(comment, StandardCharsets.ISO_8859_1));
    }

    private static List<ChannelElement> elements(BitReader in, int count, String field) {
        List<ChannelElement> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean isCpe = in.flag(field + "_is_cpe");
            list.add(new ChannelElement(isCpe, in.u(4, field + "_tag_select")));
        }
        return list;
    }

    void write(BitWriter out) {
        out.u(4, elementInstanceTag).u(2, objectType).u(4, samplingFrequencyIndex);
        out.u(4, frontChannelElements.size()).u(4, sideChannelElements.size()).u(4, backChannelElements.size());
        out.u(2, lfeElementTagSelect.size()).u(3, assocDataElementTagSelect.size()).u(4, ccElements.size());
        out.flag(monoMixdownElementNumber >= 0);
        if (monoMixdownElementNumber >= 0) {
            out.u(4, monoMixdownElementNumber);
        }
        out.flag(stereoMixdownElementNumber >= 0);
        if (stereoMixdownElementNumber >= 0) {
            out.u(4, stereoMixdownElementNumber);
        }
        out.flag(matrixMixdownIdx >= 0);
        if (matrixMixdownIdx >= 0) {
            out.u(2, matrixMixdownIdx).u(1, pseudoSurroundEnable);
        }
        for (List<ChannelElement> list : List.of(frontChannelElements, sideChannelElements, backChannelElements)) {
            for (ChannelElement element : list) {
                out.flag(element.isCpe()).u(4, element.tagSelect());
            }
        }
        for (int tag : lfeElementTagSelect) {
            out.u(4, tag);
        }
        for (int tag : assocDataElementTagSelect) {
            out.u(4, tag);
        }
        for (ChannelElement element : ccElements) {
            out.flag(element.isCpe()).u(4, element.tagSelect());
        }
        int align = (int) ((8 - (out.bitPosition() & 7)) & 7);
        if (byteAlignmentBits >= 1 << align) {
            throw new IllegalArgumentException("byteAlignmentBits " + byteAlignmentBits + " do not fit the "
                    + align + " alignment bits at this position");
        }
        out.u(align, byteAlignmentBits);
        byte[] comment = commentFieldData.getBytes(StandardCharsets.ISO_8859_1);
        out.u(8, comment.length);
        for (byte b : comment) {
            out.u(8, b & 0xFF);
        }
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " out of range " + min + ".." + max);
        }
    }
}
