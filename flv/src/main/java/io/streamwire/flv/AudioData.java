package io.streamwire.flv;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Legacy AUDIODATA: Adobe FLV/F4V specification v10.1, §E.4.2.1 "AUDIODATA" and §E.4.2.2
 * "AACAUDIODATA".
 *
 * <pre>
 * SoundFormat (4) | SoundRate (2) | SoundSize (1) | SoundType (1) | [AACPacketType (8) if SoundFormat == 10] | data
 * </pre>
 *
 * @param soundFormat SoundFormat, 4 bits: 0 PCM platform endian, 1 ADPCM, 2 MP3, 3 PCM little
 *     endian, 4/5/6 Nellymoser, 7 G.711 A-law, 8 G.711 mu-law, 10 AAC, 11 Speex, 14 MP3 8 kHz,
 *     15 device-specific (9 is the Enhanced RTMP ExHeader and parses as {@link ExAudioData})
 * @param soundRate SoundRate, 2 bits: 0 5.5 kHz, 1 11 kHz, 2 22 kHz, 3 44 kHz
 * @param soundSize SoundSize, 1 bit: 0 8-bit, 1 16-bit
 * @param soundType SoundType, 1 bit: 0 mono, 1 stereo
 * @param aacPacketType AACPacketType (0 sequence header: AudioSpecificConfig; 1 raw), or -1 when
 *     SoundFormat is not 10
 * @param data the rest: an AudioSpecificConfig, raw AAC, or the codec's frames (read-only slice)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record AudioData(int soundFormat, int soundRate, int soundSize, int soundType, int aacPacketType, ByteBuffer data)
        implements AudioTagBody {
    static final String SPEC = "Adobe FLV/F4V v10.1 §E.4.2";
    /** SoundFormat MP3. */
    public static final int MP3 = 2;
    /** SoundFormat AAC. */
    public static final int AAC = 10;
    /** AACPacketType sequence header. */
    public static final int AAC_SEQUENCE_HEADER = 0;
    /** AACPacketType raw. */
    public static final int AAC_RAW = 1;

    /** Checks ranges. */
    public AudioData {
        if (soundFormat >>> 4 != 0 || soundFormat == EX_HEADER || soundRate >>> 2 != 0 || soundSize >>> 1 != 0
                || soundType >>> 1 != 0 || (soundFormat == AAC ? aacPacketType >>> 8 != 0 : aacPacketType != -1)) {
            throw new IllegalArgumentException("AUDIODATA out of range: format " + soundFormat + ", packet type "
                    + aacPacketType);
        }
        data = data.asReadOnlyBuffer();
    }

    /** The payload: a read-only view with its own position (the record's copy is never moved). */
    @Override
    public ByteBuffer data() {
        return data.duplicate();
    }

    /**
     * Parses legacy AUDIODATA from the buffer's position to its limit; moves the position to the limit.
     *
     * @throws FlvException if SoundFormat is 9 (position unchanged)
     * @throws io.streamwire.core.TruncatedInputException if the body is empty, or AAC without
     *     AACPacketType (position unchanged)
     */
    public static AudioData parse(ByteBuffer in) {
        BodyReader r = new BodyReader(in, SPEC);
        int b = r.u8("audio SoundFormat");
        int format = b >>> 4;
        if (format == EX_HEADER) {
            throw new FlvException("audio SoundFormat", "9 is the ExHeader (use AudioTagBody.parse)", in.position(), SPEC);
        }
        int packetType = format == AAC ? r.u8("audio AACPacketType") : -1;
        AudioData d = new AudioData(format, b >>> 2 & 3, b >>> 1 & 1, b & 1, packetType, r.rest());
        in.position(r.end);
        return d;
    }

    /**
     * Peeks whether an audio tag body (legacy or Enhanced RTMP) is a sequence header, without
     * parsing or allocating; the buffer's position and limit are unchanged. True for legacy AAC with
     * AACPacketType 0, and for Enhanced RTMP SequenceStart (after ModEx and multitrack headers) with
     * its FourCC present.
     *
     * @param body the tag body from its position to its limit
     * @since 0.1.0
     */
    public static boolean isSequenceHeader(ByteBuffer body) {
        int pos = body.position();
        int end = body.limit();
        if (pos >= end) {
            return false;
        }
        int b = body.get(pos) & 0xFF;
        if (b >>> 4 != EX_HEADER) {
            return b >>> 4 == AAC && end - pos >= 2 && body.get(pos + 1) == AAC_SEQUENCE_HEADER;
        }
        long r = BodyReader.peekExPacketType(body, pos + 1, end, b & 0x0F, ExAudioData.MULTITRACK);
        return r >= 0 && (r & 0x0F) == ExAudioData.SEQUENCE_START && end - (r >>> 4) >= 4;
    }

    /**
     * Peeks the codec of an audio tag body as a FourCC value ({@link FourCc#value()}) without
     * parsing or allocating; the buffer is unchanged. Enhanced RTMP: the FourCC of the (first)
     * track; legacy AAC: {@code mp4a}; legacy MP3 (SoundFormat 2 or 14): {@code .mp3}; anything else
     * (other legacy formats, truncated headers): 0.
     *
     * @param body the tag body from its position to its limit
     * @since 0.1.0
     */
    public static int peekFourCc(ByteBuffer body) {
        int pos = body.position();
        int end = body.limit();
        if (pos >= end) {
            return 0;
        }
        int format = (body.get(pos) & 0xFF) >>> 4;
        if (format != EX_HEADER) {
            return format == AAC ? FourCc.MP4A.value() : format == MP3 || format == 14 ? FourCc.MP3.value() : 0;
        }
        long r = BodyReader.peekExPacketType(body, pos + 1, end, body.get(pos) & 0x0F, ExAudioData.MULTITRACK);
        if (r < 0 || end - (r >>> 4) < 4) {
            return 0;
        }
        return BigEndian.getInt(body, (int) (r >>> 4));
    }

    /** Whether this is an AAC sequence header (AudioSpecificConfig in {@link #data()}). */
    public boolean isAacSequenceHeader() {
        return soundFormat == AAC && aacPacketType == AAC_SEQUENCE_HEADER;
    }

    @Override
    public int encodedSize() {
        return 1 + (soundFormat == AAC ? 1 : 0) + data.remaining();
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.put((byte) (soundFormat << 4 | soundRate << 2 | soundSize << 1 | soundType));
        if (soundFormat == AAC) {
            out.put((byte) aacPacketType);
        }
        out.put(out.position(), data, data.position(), data.remaining());
        out.position(out.position() + data.remaining());
    }
}
