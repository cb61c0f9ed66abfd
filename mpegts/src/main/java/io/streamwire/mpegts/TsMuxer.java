package io.streamwire.mpegts;

import io.streamwire.core.internal.BigEndian;
import io.streamwire.mpegts.pes.PesHeader;
import io.streamwire.mpegts.psi.Descriptor;
import io.streamwire.mpegts.psi.Pat;
import io.streamwire.mpegts.psi.Pmt;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Writes H.264/HEVC access units, AAC ADTS frames and ID3 tags into 188-byte transport packets, as an
 * RTMP → HLS server needs: ISO/IEC 13818-1:2019 §2.4.3 (packets, PES), §2.4.4 (PAT/PMT), §2.7.2
 * (PCR frequency).
 *
 * <p>PAT and PMT (with CRC_32) are written before the first PES, every
 * {@link TsMuxerConfig#psiInterval90k()} of DTS and after {@link #startSegment()}; PCR goes on the
 * video PID (the audio PID without video) on keyframes and at most {@link TsMuxerConfig#pcrInterval90k()}
 * apart, {@link TsMuxerConfig#pcrOffset90k()} behind DTS. Each PES starts a packet; the last packet
 * of a PES is filled with adaptation-field stuffing; random_access_indicator and PCR mark keyframes;
 * video PES have PES_packet_length 0; an access unit without an access unit delimiter gets one
 * (H.264 NAL type 9, HEVC type 35); continuity counters run per PID.
 *
 * <p>Output goes into the caller's buffer at its position, which moves past the packets written;
 * nothing is allocated per packet or per access unit (audio frames gathered for a multi-frame PES are
 * copied into one internal buffer). Size the buffer with {@link #maxEncodedSize(int)}; if it is too
 * small a {@link BufferOverflowException} is thrown before anything is written. Timestamps are 90 kHz
 * ticks on a 64-bit timeline (written modulo 2^33).
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 *
 * <pre>{@code
 * TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac());
 * ByteBuffer out = ByteBuffer.allocate(muxer.maxEncodedSize(au.remaining()));
 * muxer.writeVideo(au, pts, dts, keyframe, out);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TsMuxer {
    private static final byte[] AUD_H264 = {0, 0, 0, 1, 0x09, (byte) 0xF0};
    private static final byte[] AUD_HEVC = {0, 0, 0, 1, 0x46, 0x01, 0x50};
    private static final int MAX_AUDIO_BUFFER = 32 * 8192;

    private final TsMuxerConfig config;
    private final byte[] patPacket = new byte[TsPacket.SIZE];
    private final byte[] pmtPacket = new byte[TsPacket.SIZE];
    private final int pcrPid;
    private final ByteBuffer audPrefix;
    private final int[] cc = new int[8192];
    private final byte[] audioBuffer;
    private final ByteBuffer audioView;
    private int audioBuffered;
    private int audioFrames;
    private long audioPts;
    private boolean psiDue = true;
    private long lastPsi = Long.MIN_VALUE;
    private long lastPcr = Long.MIN_VALUE;
    private long packetsWritten;
    // gathering writeVideo: the NAL units being packetized, and the copy cursor over "start code + NAL" pieces
    private ByteBuffer[] gatherArray;
    private List<ByteBuffer> gatherList;
    private int gatherIndex;
    private int gatherOffset; // 0..3 inside the start code, then 4 + offset inside the NAL unit

    /** A muxer for {@code config}. */
    public TsMuxer(TsMuxerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.pcrPid = config.video() != null ? config.videoPid() : config.audioPid();
        this.audPrefix = config.video() == TsMuxerConfig.VideoCodec.HEVC ? ByteBuffer.wrap(AUD_HEVC) : ByteBuffer.wrap(AUD_H264);
        this.audioBuffer = config.audioFramesPerPes() > 1 ? new byte[MAX_AUDIO_BUFFER] : null;
        this.audioView = audioBuffer != null ? ByteBuffer.wrap(audioBuffer) : null;
        sectionPacket(Pat.PID, pat(), patPacket);
        sectionPacket(config.pmtPid(), pmt(), pmtPacket);
    }

    /** The PAT this muxer writes. */
    public Pat pat() {
        return Pat.of(config.transportStreamId(), 0, List.of(new Pat.Program(config.programNumber(), config.pmtPid())));
    }

    /** The PMT this muxer writes. */
    public Pmt pmt() {
        List<Pmt.Stream> streams = new ArrayList<>();
        List<Descriptor> programInfo = new ArrayList<>();
        if (config.video() != null) {
            streams.add(new Pmt.Stream(config.video() == TsMuxerConfig.VideoCodec.H264 ? 0x1B : 0x24, config.videoPid(), List.of()));
        }
        if (config.audio()) {
            streams.add(new Pmt.Stream(0x0F, config.audioPid(), List.of()));
        }
        if (config.id3()) {
            // Apple "Timed Metadata for HTTP Live Streaming": metadata_pointer_descriptor in the program loop,
            // metadata_descriptor on the stream, both with format identifier "ID3 "
            programInfo.add(Descriptor.of(Descriptor.TAG_METADATA_POINTER,
                    HexFormat.of().parseHex(String.format("ffff49443320ff49443320001f%04x", config.programNumber()))));
            streams.add(new Pmt.Stream(0x15, config.id3Pid(),
                    List.of(Descriptor.of(Descriptor.TAG_METADATA, HexFormat.of().parseHex("ffff49443320ff49443320000f")))));
        }
        return new Pmt(config.programNumber(), 0, true, pcrPid, programInfo, streams);
    }

    private static void sectionPacket(int pid, Object table, byte[] packet) {
        ByteBuffer b = ByteBuffer.wrap(packet);
        BigEndian.putIntRelative(b, 0x47400010 | pid << 8);
        b.put((byte) 0); // pointer_field
        if (table instanceof Pat pat) {
            pat.writeTo(b);
        } else {
            ((Pmt) table).writeTo(b);
        }
        while (b.hasRemaining()) {
            b.put((byte) 0xFF);
        }
    }

    /** The configuration. */
    public TsMuxerConfig config() {
        return config;
    }

    /** Transport packets written so far. */
    public long packetCount() {
        return packetsWritten;
    }

    /**
     * The most bytes one write of {@code payloadBytes} of elementary stream can produce (PAT, PMT,
     * PES header, AUD, PCR and stuffing included).
     */
    public int maxEncodedSize(int payloadBytes) {
        long pesBytes = 19L + AUD_HEVC.length + payloadBytes + (config.audio() ? audioBuffered : 0) + 8;
        long packets = 2 + (pesBytes + 183) / 184 + 1;
        return Math.toIntExact(packets * TsPacket.SIZE);
    }

    /** The next write starts with PAT and PMT: call it before the keyframe that opens an HLS segment. */
    public void startSegment() {
        psiDue = true;
    }

    /**
     * Writes one video access unit (Annex B, start codes included) as one PES.
     *
     * @param accessUnit the access unit between position and limit (not changed)
     * @param pts presentation time, 90 kHz
     * @param dts decoding time, 90 kHz (equal to pts without B-frames)
     * @param keyframe true for an IDR/IRAP access unit (random_access_indicator and PCR)
     * @param out receives the packets at its position
     * @return bytes written
     * @throws BufferOverflowException if {@code out} has less than {@link #maxEncodedSize(int)} remaining (nothing written)
     * @throws IllegalStateException if the configuration has no video
     */
    public int writeVideo(ByteBuffer accessUnit, long pts, long dts, boolean keyframe, ByteBuffer out) {
        if (config.video() == null) {
            throw new IllegalStateException("no video stream configured");
        }
        requireRoom(out, accessUnit.remaining());
        int start = out.position();
        writePsiIfDue(dts, out);
        ByteBuffer prefix = config.insertAud() && !startsWithAud(accessUnit) ? audPrefix : null;
        long t = dts >= 0 ? dts : pts;
        writePes(config.videoPid(), 0xE0, prefix, accessUnit, pts, dts, keyframe, keyframe || due(t), false, out);
        return out.position() - start;
    }

    /**
     * Writes one video access unit given as its NAL units (payloads without start codes or length
     * prefixes, each between position and limit, not changed) as one PES, copying them straight into
     * the packets: no buffer for the whole access unit is needed. The muxer writes a 4-byte start code
     * {@code 00 00 00 01} before each NAL unit (ISO/IEC 14496-10 Annex B), so the output is
     * byte-identical to {@link #writeVideo(ByteBuffer, long, long, boolean, ByteBuffer)} given the same
     * NAL units joined with 4-byte start codes. An AUD is inserted as there unless the first NAL unit
     * is one.
     *
     * @param nalUnits the access unit's NAL units, in decoding order (the array is not kept)
     * @return bytes written
     * @throws BufferOverflowException if {@code out} has less than {@link #maxEncodedSize(int)} of
     *     {@link #annexBSize(ByteBuffer[])} remaining (nothing written)
     * @throws IllegalStateException if the configuration has no video
     * @throws IllegalArgumentException if there is no NAL unit or one is empty
     */
    public int writeVideo(ByteBuffer[] nalUnits, long pts, long dts, boolean keyframe, ByteBuffer out) {
        gatherArray = nalUnits;
        try {
            return writeGathered(nalUnits.length, pts, dts, keyframe, out);
        } finally {
            gatherArray = null;
        }
    }

    /**
     * {@link #writeVideo(ByteBuffer[], long, long, boolean, ByteBuffer)} for a list of NAL units (read
     * by index; use a random-access list).
     */
    public int writeVideo(List<ByteBuffer> nalUnits, long pts, long dts, boolean keyframe, ByteBuffer out) {
        gatherList = nalUnits;
        try {
            return writeGathered(nalUnits.size(), pts, dts, keyframe, out);
        } finally {
            gatherList = null;
        }
    }

    /** Bytes of the Annex B access unit the NAL units make with a 4-byte start code each. */
    public static int annexBSize(ByteBuffer[] nalUnits) {
        long size = 0;
        for (ByteBuffer nal : nalUnits) {
            size += 4L + nal.remaining();
        }
        return Math.toIntExact(size);
    }

    /** Bytes of the Annex B access unit the NAL units make with a 4-byte start code each. */
    public static int annexBSize(List<ByteBuffer> nalUnits) {
        long size = 0;
        for (int i = 0, n = nalUnits.size(); i < n; i++) {
            size += 4L + nalUnits.get(i).remaining();
        }
        return Math.toIntExact(size);
    }

    private ByteBuffer nal(int i) {
        return gatherArray != null ? gatherArray[i] : gatherList.get(i);
    }

    private int writeGathered(int count, long pts, long dts, boolean keyframe, ByteBuffer out) {
        if (config.video() == null) {
            throw new IllegalStateException("no video stream configured");
        }
        if (count == 0) {
            throw new IllegalArgumentException("an access unit without NAL units");
        }
        long size = 0;
        for (int i = 0; i < count; i++) {
            int n = nal(i).remaining();
            if (n == 0) {
                throw new IllegalArgumentException("NAL unit " + i + " is empty");
            }
            size += 4L + n;
        }
        if (size > Integer.MAX_VALUE - 1024) {
            throw new IllegalArgumentException("access unit of " + size + " bytes");
        }
        requireRoom(out, (int) size);
        int start = out.position();
        writePsiIfDue(dts, out);
        ByteBuffer first = nal(0);
        int b = first.get(first.position()) & 0xFF;
        boolean aud = config.video() == TsMuxerConfig.VideoCodec.HEVC ? (b >>> 1 & 0x3F) == 35 : (b & 0x1F) == 9;
        ByteBuffer prefix = config.insertAud() && !aud ? audPrefix : null;
        long t = dts >= 0 ? dts : pts;
        gatherIndex = 0;
        gatherOffset = 0;
        writePes(config.videoPid(), 0xE0, prefix, null, (int) size, pts, dts, keyframe, keyframe || due(t), false, out);
        return out.position() - start;
    }

    /** Copies the next {@code n} bytes of "00 00 00 01 NAL" pieces to {@code out} at {@code q}. */
    private void gather(ByteBuffer out, int q, int n) {
        while (n > 0) {
            if (gatherOffset < 4) {
                int k = Math.min(4 - gatherOffset, n);
                for (int i = 0; i < k; i++) {
                    out.put(q + i, gatherOffset + i == 3 ? (byte) 1 : 0);
                }
                gatherOffset += k;
                q += k;
                n -= k;
                continue;
            }
            ByteBuffer nal = nal(gatherIndex);
            int at = gatherOffset - 4;
            int k = Math.min(nal.remaining() - at, n);
            out.put(q, nal, nal.position() + at, k);
            q += k;
            n -= k;
            if (at + k == nal.remaining()) {
                gatherIndex++;
                gatherOffset = 0;
            } else {
                gatherOffset += k;
            }
        }
    }

    /**
     * Adds one or more ADTS frames with the PTS of the first; written as a PES once
     * {@link TsMuxerConfig#audioFramesPerPes()} frames are gathered (at once when it is 1).
     *
     * @return bytes written (0 while frames are being gathered)
     * @throws BufferOverflowException if {@code out} is too small (nothing written)
     */
    public int writeAudio(ByteBuffer adts, long pts, ByteBuffer out) {
        if (!config.audio()) {
            throw new IllegalStateException("no audio stream configured");
        }
        requireRoom(out, adts.remaining());
        int start = out.position();
        if (audioBuffer == null) {
            writePsiIfDue(pts, out);
            writePes(config.audioPid(), 0xC0, null, adts, pts, -1, true, config.video() == null && due(pts), true, out);
            return out.position() - start;
        }
        if (audioBuffered + adts.remaining() > MAX_AUDIO_BUFFER) {
            flush(out);
        }
        if (audioFrames == 0) {
            audioPts = pts;
        }
        adts.get(adts.position(), audioBuffer, audioBuffered, adts.remaining());
        audioBuffered += adts.remaining();
        audioFrames++;
        if (audioFrames >= config.audioFramesPerPes()) {
            flush(out);
        }
        return out.position() - start;
    }

    /**
     * Writes the gathered audio frames, if any, as one PES.
     *
     * @return bytes written
     */
    public int flush(ByteBuffer out) {
        if (audioFrames == 0) {
            return 0;
        }
        requireRoom(out, 0);
        int start = out.position();
        writePsiIfDue(audioPts, out);
        audioView.clear().limit(audioBuffered);
        writePes(config.audioPid(), 0xC0, null, audioView, audioPts, -1, true, config.video() == null && due(audioPts), true, out);
        audioBuffered = 0;
        audioFrames = 0;
        return out.position() - start;
    }

    /**
     * Writes one ID3 tag as a PES on the metadata stream (stream_id 0xBD, private_stream_1).
     *
     * @return bytes written
     */
    public int writeId3(ByteBuffer tag, long pts, ByteBuffer out) {
        if (!config.id3()) {
            throw new IllegalStateException("no ID3 stream configured");
        }
        requireRoom(out, tag.remaining());
        int start = out.position();
        writePsiIfDue(pts, out);
        writePes(config.id3Pid(), 0xBD, null, tag, pts, -1, false, false, true, out);
        return out.position() - start;
    }

    /** Writes PAT and PMT now. */
    public int writePsi(ByteBuffer out) {
        if (out.remaining() < 2 * TsPacket.SIZE) {
            throw new BufferOverflowException();
        }
        int p = out.position();
        putSection(patPacket, Pat.PID, out, p);
        putSection(pmtPacket, config.pmtPid(), out, p + TsPacket.SIZE);
        out.position(p + 2 * TsPacket.SIZE);
        packetsWritten += 2;
        psiDue = false;
        return 2 * TsPacket.SIZE;
    }

    private void putSection(byte[] packet, int pid, ByteBuffer out, int at) {
        out.put(at, packet);
        out.put(at + 3, (byte) (0x10 | cc[pid]));
        cc[pid] = (cc[pid] + 1) & 15;
    }

    private void writePsiIfDue(long dts, ByteBuffer out) {
        if (psiDue || lastPsi == Long.MIN_VALUE || dts - lastPsi >= config.psiInterval90k() || dts < lastPsi) {
            writePsi(out);
            lastPsi = dts;
        }
    }

    private boolean due(long dts) {
        return lastPcr == Long.MIN_VALUE || dts - lastPcr >= config.pcrInterval90k() || dts < lastPcr;
    }

    private void requireRoom(ByteBuffer out, int payload) {
        if (out.remaining() < maxEncodedSize(payload)) {
            throw new BufferOverflowException();
        }
    }

    private boolean startsWithAud(ByteBuffer au) {
        int p = au.position();
        int n = au.remaining();
        int nal;
        if (n >= 4 && au.get(p) == 0 && au.get(p + 1) == 0 && au.get(p + 2) == 1) {
            nal = p + 3;
        } else if (n >= 5 && au.get(p) == 0 && au.get(p + 1) == 0 && au.get(p + 2) == 0 && au.get(p + 3) == 1) {
            nal = p + 4;
        } else {
            return false;
        }
        int b = au.get(nal) & 0xFF;
        return config.video() == TsMuxerConfig.VideoCodec.HEVC ? (b >>> 1 & 0x3F) == 35 : (b & 0x1F) == 9;
    }

    /**
     * Packetizes one PES: header, optional prefix, payload. The first packet carries PUSI and, for
     * keyframes or when a PCR is due on this PID, an adaptation field; the last is stuffed.
     */
    private void writePes(int pid, int streamId, ByteBuffer prefix, ByteBuffer payload, long pts, long dts, boolean rai,
            boolean pcr, boolean bounded, ByteBuffer out) {
        writePes(pid, streamId, prefix, payload, payload.remaining(), pts, dts, rai, pcr, bounded, out);
    }

    /** As above; a null {@code payload} means {@code payloadLength} bytes from {@link #gather}. */
    private void writePes(int pid, int streamId, ByteBuffer prefix, ByteBuffer payload, int payloadLength, long pts,
            long dts, boolean rai, boolean pcr, boolean bounded, ByteBuffer out) {
        boolean hasDts = dts >= 0 && dts != pts;
        int headerLength = 9 + (hasDts ? 10 : 5);
        int prefixLength = prefix != null ? prefix.remaining() : 0;
        long pesLength = (long) headerLength - 6 + prefixLength + payloadLength;
        int packetLength = bounded && pesLength <= 0xFFFF ? (int) pesLength : 0;
        boolean withPcr = pcr && pid == pcrPid;
        long pcrBase = 0;
        long dtsOrPts = hasDts ? dts : pts;
        if (withPcr) {
            lastPcr = dtsOrPts;
            pcrBase = (dtsOrPts - config.pcrOffset90k()) & ((1L << 33) - 1);
        }

        int p = out.position();
        long remaining = headerLength + prefixLength + payloadLength;
        int prefixAt = prefix != null ? prefix.position() : 0;
        int payloadAt = payload != null ? payload.position() : 0;
        int prefixLeft = prefixLength;
        boolean first = true;
        while (remaining > 0) {
            int afMin = first && (withPcr || rai) ? 2 + (withPcr ? 6 : 0) : 0;
            int room = 184 - afMin;
            int afSize = afMin;
            int take;
            if (remaining < room) {
                take = (int) remaining;
                afSize = 184 - take;
            } else {
                take = room;
            }
            int c = cc[pid];
            cc[pid] = (c + 1) & 15;
            BigEndian.putInt(out, p, 0x47000000 | (first ? 0x400000 : 0) | pid << 8 | (afSize > 0 ? 0x30 : 0x10) | c);
            int q = p + 4;
            if (afSize > 0) {
                out.put(q, (byte) (afSize - 1));
                if (afSize > 1) {
                    int flags = 0;
                    int f = q + 2;
                    if (first && rai) {
                        flags |= 0x40;
                    }
                    if (first && withPcr) {
                        flags |= 0x10;
                        AdaptationField.putClock(out, f, pcrBase, 0);
                        f += AdaptationField.CLOCK_LENGTH;
                    }
                    out.put(q + 1, (byte) flags);
                    for (int s = f; s < q + afSize; s++) {
                        out.put(s, (byte) 0xFF);
                    }
                }
                q += afSize;
            }
            int n = take;
            if (first) {
                PesHeader.writePtsDts(out, q, streamId, packetLength, pts & ((1L << 33) - 1), hasDts ? dts & ((1L << 33) - 1) : -1);
                q += headerLength;
                n -= headerLength;
            }
            if (prefixLeft > 0 && n > 0) {
                int k = Math.min(prefixLeft, n);
                out.put(q, prefix, prefixAt, k);
                prefixAt += k;
                prefixLeft -= k;
                q += k;
                n -= k;
            }
            if (n > 0) {
                if (payload != null) {
                    out.put(q, payload, payloadAt, n);
                } else {
                    gather(out, q, n);
                }
                payloadAt += n;
            }
            remaining -= take;
            p += TsPacket.SIZE;
            packetsWritten++;
            first = false;
        }
        out.position(p);
    }
}
