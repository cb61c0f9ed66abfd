package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import io.streamwire.core.StreamDecoder;
import io.streamwire.mpegts.psi.Cat;
import io.streamwire.mpegts.psi.Pat;
import io.streamwire.mpegts.psi.Pmt;
import io.streamwire.mpegts.psi.SpliceInfoSection;
import io.streamwire.testkit.DecoderContract;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The {@link StreamDecoder} contract of the test kit, run on {@link TsDemuxer} with ffmpeg's fixtures.
 *
 * <p>The demuxer never throws for bad input: every problem is an anomaly. The contract's failure
 * rules are therefore checked with a <em>strict</em> listener, the way a caller who wants to stop at
 * the first problem writes it: its {@code onAnomaly} throws a {@link TsException}, which must come
 * out of {@code feed}/{@code endOfInput} unchanged and leave the demuxer failed. Its invalid input is
 * the valid one cut inside its last packet ({@link TsAnomalyKind#TRUNCATED_PACKET} at
 * {@code endOfInput}). The recording (lenient) listener runs the split, lifecycle and mutation rules
 * on a damaged stream, whose anomalies must also be the same for every split.
 */
class TsDemuxerContractTest {

    /** Records every event as a value (payload bytes as length and hash); strict: anomalies throw. */
    static DecoderContract.Subject subject(Function<TsStream, Interest> interest, boolean strict) {
        List<Object> events = new ArrayList<>();
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public void onPat(Pat pat) {
                events.add("pat " + pat.transportStreamId() + " v" + pat.versionNumber() + " " + pat.programs());
            }

            @Override
            public void onPmt(Pmt pmt) {
                StringBuilder streams = new StringBuilder();
                pmt.streams().forEach(s -> streams.append(String.format(" 0x%02X@0x%04X", s.streamType(), s.elementaryPid())));
                events.add("pmt " + pmt.programNumber() + " v" + pmt.versionNumber() + " pcr " + pmt.pcrPid() + streams);
            }

            @Override
            public void onCat(Cat cat) {
                events.add("cat v" + cat.versionNumber());
            }

            @Override
            public Interest onPesStart(TsStream s) {
                events.add("pes " + s.pid() + " " + s.type() + " id " + s.streamId() + " pts " + s.pts() + " dts " + s.dts()
                        + " raw " + s.rawPts() + "/" + s.rawDts() + " length " + s.pesPacketLength() + " at " + s.pesOffset()
                        + " rai " + s.randomAccess());
                return interest.apply(s);
            }

            @Override
            public void onPesFragment(TsStream s, ByteBuffer fragment) {
                events.add("fragment " + s.pid() + " " + describe(fragment));
            }

            @Override
            public void onPesEnd(TsStream s, boolean complete) {
                events.add("end " + s.pid() + " " + complete);
            }

            @Override
            public void onPes(TsStream s, ByteBuffer payload) {
                events.add("whole " + s.pid() + " " + describe(payload));
            }

            @Override
            public void onSplice(TsStream s, SpliceInfoSection section) {
                events.add("splice " + s.pid() + " " + section);
            }

            @Override
            public void onSection(TsStream s, ByteBuffer section) {
                events.add("section " + s.pid() + " " + describe(section));
            }

            @Override
            public void onPcr(int pid, long pcr27MHz, long offset) {
                events.add("pcr " + pid + " " + pcr27MHz + " at " + offset);
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                events.add(anomaly);
                if (strict) {
                    throw new TsException("anomaly " + anomaly.kind(), anomaly.detail(), anomaly.offset(), null);
                }
            }
        });
        return new DecoderContract.Subject() {
            @Override
            public StreamDecoder decoder() {
                return demuxer;
            }

            @Override
            public List<Object> events() {
                return events;
            }
        };
    }

    static String describe(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.get(b.position(), bytes);
        return bytes.length + " bytes #" + Integer.toHexString(Arrays.hashCode(bytes));
    }

    /** The first {@code count} packets of a fixture of {@code size}-byte packets. */
    static byte[] packets(String fixture, int size, int count) {
        byte[] all = Fixtures.bytes(fixture);
        assertThat(all.length).isGreaterThanOrEqualTo(size * count);
        return Arrays.copyOf(all, size * count);
    }

    /** The input cut 100 bytes into its last packet: TRUNCATED_PACKET at endOfInput. */
    static byte[] cutInsideTheLastPacket(byte[] input, int size) {
        return Arrays.copyOf(input, input.length - size + 100);
    }

    static final Function<TsStream, Interest> FRAGMENTS = s -> Interest.FRAGMENTS;
    static final Function<TsStream, Interest> WHOLE = s -> Interest.WHOLE;

    /** PAT, PMT, PCR and 5 video PES (the first audio PES starts at packet 77) as fragments. */
    @Test
    void h264AacVideoAsFragments() {
        byte[] input = packets("mpegts/h264-aac.ts", 188, 77);
        new DecoderContract("mpegts", () -> subject(FRAGMENTS, true), input, cutInsideTheLastPacket(input, 188)).verify();
    }

    /** The same packets, the video reassembled. */
    @Test
    void h264AacVideoWhole() {
        byte[] input = packets("mpegts/h264-aac.ts", 188, 77);
        new DecoderContract("mpegts", () -> subject(WHOLE, true), input, cutInsideTheLastPacket(input, 188)).verify();
    }

    /**
     * The SDT, PAT and PMT, then every packet of the audio PID (0x101) before packet 256: two whole
     * bounded AAC PES packets, reassembled; the video is ignored (IGNORE).
     */
    @Test
    void h264AacAudioWhole() {
        byte[] all = Fixtures.bytes("mpegts/h264-aac.ts");
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(all, 0, 3 * 188);
        for (int k = 3; k < 256; k++) {
            int pid = ((all[k * 188 + 1] & 0x1F) << 8) | (all[k * 188 + 2] & 0xFF);
            if (pid == 0x101) {
                input.write(all, k * 188, 188);
            }
        }
        byte[] audio = input.toByteArray();
        DecoderContract.Subject probe = subject(s -> s.pid() == 0x101 ? Interest.WHOLE : Interest.IGNORE, true);
        probe.decoder().feed(ByteBuffer.wrap(audio));
        probe.decoder().endOfInput();
        assertThat(probe.events()).filteredOn(e -> e.toString().startsWith("whole 257 ")).hasSize(2);
        new DecoderContract("mpegts", () -> subject(s -> s.pid() == 0x101 ? Interest.WHOLE : Interest.IGNORE, true), audio,
                cutInsideTheLastPacket(audio, 188)).verify();
    }

    /** 192-byte M2TS packets (TP_extra_header before each), the video reassembled. */
    @Test
    void m2tsVideoWhole() {
        byte[] input = packets("mpegts/h264-aac.m2ts", 192, 77);
        new DecoderContract("mpegts", () -> subject(WHOLE, true), input, cutInsideTheLastPacket(input, 192)).verify();
    }

    /**
     * A damaged stream: 50 bytes of garbage after packet 10, packet 20 lost (a continuity gap on the
     * video PID), a packet cut short at the end. The demuxer steps over all of it, with the same events
     * and anomalies for every split, and never throws.
     */
    @Test
    void damagedStreamGivesTheSameEventsAndAnomaliesForEverySplit() {
        byte[] good = packets("mpegts/h264-aac.ts", 188, 77);
        ByteArrayOutputStream damaged = new ByteArrayOutputStream();
        damaged.write(good, 0, 11 * 188);
        byte[] garbage = new byte[50];
        Arrays.fill(garbage, (byte) 0x47);
        damaged.write(garbage, 0, garbage.length);
        damaged.write(good, 11 * 188, 9 * 188);
        damaged.write(good, 21 * 188, good.length - 21 * 188 - 88);
        byte[] input = damaged.toByteArray();
        DecoderContract contract = new DecoderContract("mpegts", () -> subject(FRAGMENTS, false), input, input);
        List<Object> events = contract.splitsGiveTheSameEvents();
        assertThat(events).filteredOn(e -> e instanceof Anomaly).extracting(e -> (Object) ((Anomaly<?>) e).kind())
                .contains(TsAnomalyKind.LOST_SYNC, TsAnomalyKind.CONTINUITY_GAP, TsAnomalyKind.PES_DROPPED,
                        TsAnomalyKind.TRUNCATED_PACKET);
        contract.lifecycle(events);
        contract.onlyModuleExceptions();
    }
}
