package io.streamwire.mpegts.psi;

import io.streamwire.core.internal.BigEndian;
import io.streamwire.mpegts.TsException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A descriptor, kept raw (tag and body), with typed views of the common ones: ISO/IEC 13818-1:2019
 * §2.6 (registration §2.6.8, ISO 639 language §2.6.18, AVC video §2.6.64, HEVC video §2.6.95,
 * metadata pointer §2.6.58, metadata §2.6.60) and ETSI EN 300 468 §6.2.39 (stream identifier).
 *
 * <pre>
 * descriptor_tag(8) descriptor_length(8) body(8 × descriptor_length)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param tag descriptor_tag, 8 bits
 * @param body the descriptor bytes after descriptor_length (read-only; equality by content)
 *
 * @since 0.1.0
 */
public record Descriptor(int tag, ByteBuffer body) {
    /** registration_descriptor. */
    public static final int TAG_REGISTRATION = 0x05;
    /** ISO_639_language_descriptor. */
    public static final int TAG_ISO_639_LANGUAGE = 0x0A;
    /** metadata_pointer_descriptor. */
    public static final int TAG_METADATA_POINTER = 0x25;
    /** metadata_descriptor. */
    public static final int TAG_METADATA = 0x26;
    /** AVC_video_descriptor. */
    public static final int TAG_AVC_VIDEO = 0x28;
    /** HEVC_video_descriptor. */
    public static final int TAG_HEVC_VIDEO = 0x38;
    /** DVB stream_identifier_descriptor. */
    public static final int TAG_STREAM_IDENTIFIER = 0x52;
    /** DVB AC-3_descriptor. */
    public static final int TAG_AC3 = 0x6A;
    /** DVB enhanced_AC-3_descriptor. */
    public static final int TAG_EAC3 = 0x7A;

    /** Checks widths and keeps a read-only view of the body. */
    public Descriptor {
        if (tag >>> 8 != 0 || body.remaining() > 255) {
            throw new IllegalArgumentException("descriptor tag " + tag + " length " + body.remaining());
        }
        body = body.slice().asReadOnlyBuffer();
    }

    /** A descriptor with a copy of {@code body}. */
    public static Descriptor of(int tag, byte... body) {
        return new Descriptor(tag, ByteBuffer.wrap(body.clone()));
    }

    /**
     * Parses a descriptor loop of {@code length} bytes from absolute {@code index}.
     *
     * @throws TsException if a descriptor_length runs past the loop
     */
    public static List<Descriptor> parseLoop(ByteBuffer in, int index, int length, String field) {
        List<Descriptor> list = new ArrayList<>();
        int end = index + length;
        int i = index;
        while (i < end) {
            if (i + 2 > end || i + 2 + (in.get(i + 1) & 0xFF) > end) {
                throw new TsException(field + " descriptor_length", "runs past the descriptor loop", i, "ISO/IEC 13818-1 §2.6");
            }
            int n = in.get(i + 1) & 0xFF;
            list.add(new Descriptor(in.get(i) & 0xFF, in.slice(i + 2, n)));
            i += 2 + n;
        }
        return list;
    }

    /** Bytes of a loop. */
    public static int loopLength(List<Descriptor> loop) {
        int n = 0;
        for (Descriptor d : loop) {
            n += 2 + d.body.remaining();
        }
        return n;
    }

    /** Writes tag, length and body. */
    public void writeTo(ByteBuffer out) {
        out.put((byte) tag).put((byte) body.remaining()).put(body.duplicate());
    }

    /** The body as a new array. */
    public byte[] bodyBytes() {
        byte[] b = new byte[body.remaining()];
        body.get(0, b);
        return b;
    }

    /** The typed view of this descriptor, or null when the tag has none or the body is too short. */
    public Typed typed() {
        ByteBuffer b = body;
        int n = b.remaining();
        switch (tag) {
            case TAG_REGISTRATION:
                return n >= 4 ? new Registration(BigEndian.getInt(b, 0), b.slice(4, n - 4)) : null;
            case TAG_ISO_639_LANGUAGE: {
                List<Language> langs = new ArrayList<>();
                for (int i = 0; i + 4 <= n; i += 4) {
                    byte[] code = {b.get(i), b.get(i + 1), b.get(i + 2)};
                    langs.add(new Language(new String(code, StandardCharsets.ISO_8859_1), b.get(i + 3) & 0xFF));
                }
                return new Iso639Language(langs);
            }
            case TAG_STREAM_IDENTIFIER:
                return n >= 1 ? new StreamIdentifier(b.get(0) & 0xFF) : null;
            case TAG_AVC_VIDEO:
                return n >= 4 ? new AvcVideo(b.get(0) & 0xFF, b.get(1) & 0xFF, b.get(2) & 0xFF, (b.get(3) & 0x80) != 0,
                        (b.get(3) & 0x40) != 0, (b.get(3) & 0x20) != 0) : null;
            case TAG_HEVC_VIDEO:
                if (n < 13) {
                    return null;
                }
                return new HevcVideo((b.get(0) & 0xC0) >>> 6, (b.get(0) & 0x20) != 0, b.get(0) & 0x1F, BigEndian.getInt(b, 1),
                        ((BigEndian.getShort(b, 5) & 0xFFFFL) << 32) | (BigEndian.getInt(b, 7) & 0xFFFFFFFFL), b.get(11) & 0xFF,
                        (b.get(12) & 0x80) != 0, (b.get(12) & 0x40) != 0, (b.get(12) & 0x20) != 0);
            case TAG_METADATA_POINTER:
            case TAG_METADATA: {
                int i = 0;
                if (n < 2) {
                    return null;
                }
                int app = BigEndian.getShort(b, 0) & 0xFFFF;
                i = 2;
                long appId = -1;
                if (app == 0xFFFF) {
                    if (n < i + 4) {
                        return null;
                    }
                    appId = BigEndian.getInt(b, i) & 0xFFFFFFFFL;
                    i += 4;
                }
                if (n < i + 1) {
                    return null;
                }
                int format = b.get(i++) & 0xFF;
                long formatId = -1;
                if (format == 0xFF) {
                    if (n < i + 4) {
                        return null;
                    }
                    formatId = BigEndian.getInt(b, i) & 0xFFFFFFFFL;
                    i += 4;
                }
                if (n < i + 1) {
                    return null;
                }
                int service = b.get(i++) & 0xFF;
                return new Metadata(tag == TAG_METADATA_POINTER, app, appId, format, formatId, service, b.slice(i, n - i));
            }
            default:
                return null;
        }
    }

    /** Typed descriptor views. */
    public sealed interface Typed permits Registration, Iso639Language, StreamIdentifier, AvcVideo, HevcVideo, Metadata {}

    /**
     * registration_descriptor (§2.6.8).
     *
     * @param formatIdentifier format_identifier, 32 bits (e.g. "HEVC", "AC-3", "ID3 ", "CUEI")
     * @param additionalIdentificationInfo the bytes after it
     */
    public record Registration(int formatIdentifier, ByteBuffer additionalIdentificationInfo) implements Typed {
        /** format_identifier as 4 ASCII characters. */
        public String formatIdentifierString() {
            byte[] b = {(byte) (formatIdentifier >>> 24), (byte) (formatIdentifier >>> 16), (byte) (formatIdentifier >>> 8),
                    (byte) formatIdentifier};
            return new String(b, StandardCharsets.ISO_8859_1);
        }

        /** This as a raw descriptor. */
        public Descriptor toDescriptor() {
            ByteBuffer b = ByteBuffer.allocate(4 + additionalIdentificationInfo.remaining());
            BigEndian.putIntRelative(b, formatIdentifier).put(additionalIdentificationInfo.duplicate());
            return new Descriptor(TAG_REGISTRATION, b.flip());
        }
    }

    /**
     * One entry of the ISO 639 language descriptor.
     *
     * @param code ISO_639_language_code (3 characters)
     * @param audioType audio_type, 8 bits
     */
    public record Language(String code, int audioType) {}

    /**
     * ISO_639_language_descriptor (§2.6.18).
     *
     * @param languages the entries
     */
    public record Iso639Language(List<Language> languages) implements Typed {
        /** Copies the list. */
        public Iso639Language {
            languages = List.copyOf(languages);
        }

        /** This as a raw descriptor. */
        public Descriptor toDescriptor() {
            ByteBuffer b = ByteBuffer.allocate(4 * languages.size());
            for (Language l : languages) {
                b.put(l.code.getBytes(StandardCharsets.ISO_8859_1), 0, 3).put((byte) l.audioType);
            }
            return new Descriptor(TAG_ISO_639_LANGUAGE, b.flip());
        }
    }

    /**
     * DVB stream_identifier_descriptor.
     *
     * @param componentTag component_tag, 8 bits
     */
    public record StreamIdentifier(int componentTag) implements Typed {}

    /**
     * AVC_video_descriptor (§2.6.64).
     *
     * @param profileIdc profile_idc
     * @param constraintFlags constraint_set0..5_flag and AVC_compatible_flags, 8 bits
     * @param levelIdc level_idc
     * @param avcStillPresent AVC_still_present
     * @param avc24HourPictureFlag AVC_24_hour_picture_flag
     * @param framePackingSeiNotPresentFlag Frame_Packing_SEI_not_present_flag
     */
    public record AvcVideo(int profileIdc, int constraintFlags, int levelIdc, boolean avcStillPresent,
            boolean avc24HourPictureFlag, boolean framePackingSeiNotPresentFlag) implements Typed {}

    /**
     * HEVC_video_descriptor (§2.6.95).
     *
     * @param profileSpace profile_space, 2 bits
     * @param tierFlag tier_flag
     * @param profileIdc profile_idc, 5 bits
     * @param profileCompatibilityIndication profile_compatibility_indication, 32 bits
     * @param constraintFlags progressive/interlaced/non_packed/frame_only flags and the 44 reserved bits, 48 bits
     * @param levelIdc level_idc
     * @param temporalLayerSubsetFlag temporal_layer_subset_flag
     * @param hevcStillPresentFlag HEVC_still_present_flag
     * @param hevc24HrPicturePresentFlag HEVC_24hr_picture_present_flag
     */
    public record HevcVideo(int profileSpace, boolean tierFlag, int profileIdc, int profileCompatibilityIndication,
            long constraintFlags, int levelIdc, boolean temporalLayerSubsetFlag, boolean hevcStillPresentFlag,
            boolean hevc24HrPicturePresentFlag) implements Typed {}

    /**
     * metadata_pointer_descriptor (§2.6.58) or metadata_descriptor (§2.6.60); ID3 timed metadata uses
     * application format 0xFFFF / identifier "ID3 " and format 0xFF / identifier "ID3 ".
     *
     * @param pointer true for metadata_pointer_descriptor
     * @param metadataApplicationFormat metadata_application_format, 16 bits
     * @param metadataApplicationFormatIdentifier the 32-bit identifier when the format is 0xFFFF, else -1
     * @param metadataFormat metadata_format, 8 bits
     * @param metadataFormatIdentifier the 32-bit identifier when the format is 0xFF, else -1
     * @param metadataServiceId metadata_service_id, 8 bits
     * @param rest the remaining bytes (flags, locator, program number, ...)
     */
    public record Metadata(boolean pointer, int metadataApplicationFormat, long metadataApplicationFormatIdentifier,
            int metadataFormat, long metadataFormatIdentifier, int metadataServiceId, ByteBuffer rest) implements Typed {}
}
