package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.mpegts.psi.Pat;
import io.streamwire.mpegts.psi.Pmt;
import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.ByteOrders;
import io.streamwire.testkit.Fixtures;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TsMuxerTest {

    @ParameterizedTest
    @ValueSource(strings = {"h264-aac.ts", "hevc-aac.ts", "wrap.ts"})
    void remuxedAccessUnitsDemuxIdentically(String name) {
        List<Remux.Unit> source = Remux.units(Fixtures.bytes("mpegts/" + name));
        TsMuxerConfig config = TsMuxerConfig.h264Aac().withVideo(name.startsWith("hevc") ? TsMuxerConfig.VideoCodec.HEVC
                : TsMuxerConfig.VideoCodec.H264);
        byte[] ts = Remux.mux(source, new TsMuxer(config), new ArrayList<>());
        assertThat(ts.length % 188).isZero();
        List<Remux.Unit> all = Remux.units(ts);
        assertThat(all).hasSameSizeAs(source);
        for (int pid : new int[] {0x100, 0x101}) {
            assertSameUnits(source.stream().filter(u -> u.pid() == pid).toList(), all.stream().filter(u -> u.pid() == pid).toList());
        }
        // checked by our own demuxer: no anomaly, PCR every ≤ 40 ms and never after the DTS it precedes
        DemuxProbe probe = DemuxProbe.run(List.of(ts), true);
        assertThat(probe.anomalies).isEmpty();
        List<Long> pcrs = probe.pcrsByPid.get(0x100);
        assertThat(pcrs).hasSizeGreaterThan(10);
        for (int i = 1; i < pcrs.size(); i++) {
            assertThat(pcrs.get(i) - pcrs.get(i - 1)).as("PCR interval").isBetween(0L, 40L * 27_000);
        }
        long firstVideoDts = probe.rows.stream().filter(r -> r.pid() == 0x100).findFirst().orElseThrow().dts();
        assertThat(pcrs.get(0)).isLessThanOrEqualTo(firstVideoDts * 300);
        assertThat(firstVideoDts * 300 - pcrs.get(0)).isEqualTo(63_000L * 300);
    }

    static void assertSameUnits(List<Remux.Unit> source, List<Remux.Unit> back) {
        assertThat(back).hasSameSizeAs(source).isNotEmpty();
        for (int i = 0; i < source.size(); i++) {
            Remux.Unit a = source.get(i);
            Remux.Unit b = back.get(i);
            assertThat(java.util.Arrays.equals(a.data(), b.data())).as("PID %d unit %d payload (%d vs %d bytes)", a.pid(), i,
                    a.data().length, b.data().length).isTrue();
            assertThat(b.pts()).as("unit %d pts", i).isEqualTo(a.pts());
            assertThat(b.dts()).as("unit %d dts", i).isEqualTo(a.dts());
            if (a.video()) {
                assertThat(b.key()).as("unit %d key", i).isEqualTo(a.key());
            }
        }
    }

    @Test
    void firstPacketsArePatPmtThenAKeyframeWithPcrAndRandomAccess() {
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac());
        byte[] au = HexFormat.of().parseHex("0000000165888000");
        ByteBuffer out = ByteBuffer.allocate(muxer.maxEncodedSize(au.length));
        int written = muxer.writeVideo(ByteBuffer.wrap(au), 9000, 9000, true, out);
        assertThat(written).isEqualTo(3 * 188).isEqualTo(out.position());
        TsPacket p = new TsPacket();
        p.wrap(out, 0, 0);
        assertThat(p.pid()).isZero();
        assertThat(Pat.parse(out.duplicate().position(5))).isEqualTo(muxer.pat());
        p.wrap(out, 188, 188);
        assertThat(p.pid()).isEqualTo(0x1000);
        assertThat(Pmt.parse(out.duplicate().position(188 + 5))).isEqualTo(muxer.pmt());
        p.wrap(out, 376, 376);
        assertThat(p.pid()).isEqualTo(0x100);
        assertThat(p.payloadUnitStartIndicator()).isTrue();
        assertThat(p.randomAccessIndicator()).isTrue();
        assertThat(p.pcrBase()).isEqualTo(9000 - 63000 & (1L << 33) - 1);
        // PES: header (14) + AUD (6) + access unit (8) at the end of the packet, stuffing before
        assertThat(p.payloadLength()).isEqualTo(14 + 6 + 8);
        int q = p.payloadIndex();
        assertThat(HexFormat.of().formatHex(out.array(), q, q + 28))
                .isEqualTo("000001e00000" + "84800521000146510000000109f0" + "0000000165888000");
    }

    @Test
    void accessUnitDelimiterIsNotDuplicated() {
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac());
        byte[] au = HexFormat.of().parseHex("0000000109f0000000016588");
        ByteBuffer out = ByteBuffer.allocate(muxer.maxEncodedSize(au.length));
        muxer.writeVideo(ByteBuffer.wrap(au), 0, 0, false, out);
        List<Remux.Unit> units = Remux.units(java.util.Arrays.copyOf(out.array(), out.position()));
        assertThat(units).singleElement().satisfies(u -> assertThat(u.data()).isEqualTo(au));
    }

    @Test
    void hevcGetsItsOwnDelimiter() {
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac().withVideo(TsMuxerConfig.VideoCodec.HEVC));
        byte[] au = HexFormat.of().parseHex("000000012601af");
        ByteBuffer out = ByteBuffer.allocate(muxer.maxEncodedSize(au.length));
        muxer.writeVideo(ByteBuffer.wrap(au), 0, 0, true, out);
        List<Remux.Unit> units = Remux.units(java.util.Arrays.copyOf(out.array(), out.position()));
        assertThat(HexFormat.of().formatHex(units.get(0).data())).isEqualTo("00000001460150" + "000000012601af");
    }

    @Property(tries = 200)
    void everyPayloadSizePacketizesExactly(@ForAll @IntRange(min = 0, max = 3000) int size,
            @ForAll @LongRange(min = 0, max = (1L << 34)) long pts, @ForAll boolean key, @ForAll boolean audio) {
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac());
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 7 + 1);
        }
        if (!audio && size >= 5) {
            data[0] = 0;
            data[1] = 0;
            data[2] = 0;
            data[3] = 1;
            data[4] = 9; // has an AUD: nothing inserted
        }
        ByteBuffer out = ByteBuffer.allocate(muxer.maxEncodedSize(size));
        if (audio) {
            muxer.writeAudio(ByteBuffer.wrap(data), pts, out);
        } else {
            muxer.writeVideo(ByteBuffer.wrap(data), pts + 3000, pts, key, out);
        }
        List<Remux.Unit> units = Remux.units(java.util.Arrays.copyOf(out.array(), out.position()));
        assertThat(units).singleElement().satisfies(u -> {
            byte[] expected = data;
            if (!audio && (size < 5 || data[4] != 9)) {
                expected = new byte[size + 6];
                System.arraycopy(HexFormat.of().parseHex("0000000109f0"), 0, expected, 0, 6);
                System.arraycopy(data, 0, expected, 6, size);
            }
            assertThat(u.data()).isEqualTo(expected);
            assertThat(u.pts() & ((1L << 33) - 1)).isEqualTo((audio ? pts : pts + 3000) & ((1L << 33) - 1));
        });
    }

    @Test
    void psiRepeatsAtTheIntervalAndAtSegmentStarts() {
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac().withPsiInterval90k(9000));
        ByteBuffer out = ByteBuffer.allocate(1 << 20);
        byte[] au = HexFormat.of().parseHex("0000000109f000000001658880");
        List<Integer> patAt = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            if (i == 7) {
                muxer.startSegment();
            }
            muxer.writeVideo(ByteBuffer.wrap(au), i * 3600L, i * 3600L, i == 7, out);
        }
        for (int p = 0; p < out.position(); p += 188) {
            if ((out.getShort(p + 1) & 0x1FFF) == 0) {
                patAt.add(p / 188);
            }
        }
        // one packet per frame; PAT+PMT before frames 0, 3 (≥ 100 ms later), 6, 7 (segment start), 10, 13, 16, 19, 22:
        // PAT at packet 0, then 3 + 2 packets later each time, and 1 + 2 after frame 6 for the segment
        assertThat(patAt).containsExactly(0, 5, 10, 13, 18, 23, 28, 33, 38);
    }

    @Test
    void multiFrameAudioPesAndId3() {
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac().withAudioFramesPerPes(3).withId3(true));
        ByteBuffer out = ByteBuffer.allocate(1 << 16);
        byte[] frame = HexFormat.of().parseHex("fff15080021ffc" + "2100");
        frame[4] = (byte) (frame.length << 5 >>> 8);
        assertThat(muxer.writeAudio(ByteBuffer.wrap(frame), 1000, out)).isZero();
        assertThat(muxer.writeAudio(ByteBuffer.wrap(frame), 2920, out)).isZero();
        assertThat(muxer.writeAudio(ByteBuffer.wrap(frame), 4840, out)).isPositive();
        muxer.writeId3(ByteBuffer.wrap("ID3 tag".getBytes()), 5000, out);
        List<Remux.Unit> units = Remux.units(java.util.Arrays.copyOf(out.array(), out.position()));
        assertThat(units).hasSize(2);
        assertThat(units.get(0).data()).hasSize(3 * frame.length);
        assertThat(units.get(0).pts()).isEqualTo(1000);
        assertThat(new String(units.get(1).data())).isEqualTo("ID3 tag");
        assertThat(muxer.pmt().streams()).extracting(Pmt.Stream::streamType).containsExactly(0x1B, 0x0F, 0x15);
    }

    @Test
    void writesTheSameBytesIntoALittleEndianOutputBuffer() {
        byte[] au = HexFormat.of().parseHex("0000000165888000");
        byte[] frame = HexFormat.of().parseHex("fff15080021ffc" + "2100");
        frame[4] = (byte) (frame.length << 5 >>> 8);
        byte[] ts = ByteOrders.writtenInEveryOrder(1 << 16, out -> {
            TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac().withId3(true));
            muxer.writeVideo(ByteBuffer.wrap(au), 0x1_2345_6789L, 0x1_2345_0000L, true, out);
            muxer.writeAudio(ByteBuffer.wrap(frame), 0x1_2345_6789L, out);
            muxer.writeId3(ByteBuffer.wrap("ID3 tag".getBytes()), 5000, out);
            muxer.flush(out);
        });
        java.util.Map<Integer, Remux.Unit> units = new java.util.HashMap<>();
        Remux.units(ts).forEach(u -> units.put(u.pid(), u));
        assertThat(units).containsOnlyKeys(0x100, 0x101, 0x102);
        assertThat(units.get(0x100).pts()).isEqualTo(0x1_2345_6789L);
        assertThat(units.get(0x100).dts()).isEqualTo(0x1_2345_0000L);
        assertThat(units.get(0x100).key()).isTrue();
        assertThat(units.get(0x101).data()).isEqualTo(frame);
        assertThat(units.get(0x101).pts()).isEqualTo(0x1_2345_6789L);
        assertThat(new String(units.get(0x102).data())).isEqualTo("ID3 tag");
    }

    @Test
    void tooSmallOutputThrowsBeforeWriting() {
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac());
        ByteBuffer out = ByteBuffer.allocate(400);
        assertThatThrownBy(() -> muxer.writeVideo(ByteBuffer.allocate(1000), 0, 0, true, out)).isInstanceOf(BufferOverflowException.class);
        assertThat(out.position()).isZero();
        assertThat(muxer.packetCount()).isZero();
    }

    /** NAL units of an Annex B access unit (3- or 4-byte start codes), as slices without start codes. */
    static List<ByteBuffer> nalUnits(byte[] au) {
        List<ByteBuffer> nals = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 3 <= au.length) {
            if (au[i] == 0 && au[i + 1] == 0 && au[i + 2] == 1) {
                if (start >= 0) {
                    int end = i > start && au[i - 1] == 0 ? i - 1 : i;
                    nals.add(ByteBuffer.wrap(au, start, end - start).slice());
                }
                start = i + 3;
                i += 3;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < au.length) {
            nals.add(ByteBuffer.wrap(au, start, au.length - start).slice());
        }
        return nals;
    }

    static byte[] joinedWithStartCodes(List<ByteBuffer> nals) {
        ByteBuffer au = ByteBuffer.allocate(TsMuxer.annexBSize(nals));
        for (ByteBuffer nal : nals) {
            au.putInt(1).put(nal.duplicate());
        }
        return au.array();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h264-aac.ts", "hevc-aac.ts", "wrap.ts"})
    void nalUnitFormIsByteIdenticalToTheAccessUnitForm(String name) {
        List<Remux.Unit> source = Remux.units(Fixtures.bytes("mpegts/" + name));
        TsMuxerConfig config = TsMuxerConfig.h264Aac().withVideo(name.startsWith("hevc") ? TsMuxerConfig.VideoCodec.HEVC
                : TsMuxerConfig.VideoCodec.H264);
        for (boolean aud : new boolean[] {true, false}) { // with the fixture's AUDs, and without (the muxer adds them)
            TsMuxer whole = new TsMuxer(config);
            TsMuxer gathered = new TsMuxer(config);
            TsMuxer gatheredArray = new TsMuxer(config);
            ByteBuffer a = ByteBuffer.allocate(8 << 20);
            ByteBuffer b = ByteBuffer.allocate(8 << 20);
            ByteBuffer c = ByteBuffer.allocate(8 << 20);
            int videoUnits = 0;
            for (Remux.Unit u : source) {
                if (u.video()) {
                    List<ByteBuffer> nals = new ArrayList<>(nalUnits(u.data()));
                    if (!aud) {
                        nals.removeIf(n -> config.video() == TsMuxerConfig.VideoCodec.HEVC ? (n.get(0) >>> 1 & 0x3F) == 35
                                : (n.get(0) & 0x1F) == 9);
                    }
                    assertThat(nals).isNotEmpty();
                    if (u.key()) {
                        whole.startSegment();
                        gathered.startSegment();
                        gatheredArray.startSegment();
                    }
                    int n1 = whole.writeVideo(ByteBuffer.wrap(joinedWithStartCodes(nals)), u.pts(), u.dts(), u.key(), a);
                    int n2 = gathered.writeVideo(nals, u.pts(), u.dts(), u.key(), b);
                    int n3 = gatheredArray.writeVideo(nals.toArray(ByteBuffer[]::new), u.pts(), u.dts(), u.key(), c);
                    assertThat(n2).isEqualTo(n1);
                    assertThat(n3).isEqualTo(n1);
                    for (ByteBuffer nal : nals) {
                        assertThat(nal.position()).isZero(); // not moved
                    }
                    videoUnits++;
                } else {
                    whole.writeAudio(ByteBuffer.wrap(u.data()), u.pts(), a);
                    gathered.writeAudio(ByteBuffer.wrap(u.data()), u.pts(), b);
                    gatheredArray.writeAudio(ByteBuffer.wrap(u.data()), u.pts(), c);
                }
            }
            assertThat(videoUnits).isPositive();
            assertThat(b.flip()).isEqualTo(a.flip());
            assertThat(c.flip()).isEqualTo(a);
        }
    }

    @Property(tries = 300)
    void nalUnitFormSplitsStartCodesAndNalsAtAnyPacketBoundary(@ForAll @IntRange(min = 1, max = 6) int count,
            @ForAll @IntRange(min = 1, max = 400) int size, @ForAll @IntRange(min = 0, max = 7) int skew,
            @ForAll boolean keyframe) {
        List<ByteBuffer> nals = new ArrayList<>();
        java.util.Random random = new java.util.Random(count * 1000L + size * 8L + skew);
        for (int i = 0; i < count; i++) {
            byte[] nal = new byte[Math.max(1, size + (i * skew * 37) % 211 - 100)];
            random.nextBytes(nal);
            nal[0] = (byte) (i == 0 ? 0x65 : 0x41); // no AUD: the muxer inserts one
            ByteBuffer direct = ByteBuffer.allocateDirect(nal.length + skew).position(skew);
            direct.put(nal).position(skew); // position ≠ 0, direct buffers
            nals.add(direct);
        }
        TsMuxer whole = new TsMuxer(TsMuxerConfig.h264Aac());
        TsMuxer gathered = new TsMuxer(TsMuxerConfig.h264Aac());
        byte[] au = joinedWithStartCodes(nals);
        ByteBuffer a = ByteBuffer.allocate(whole.maxEncodedSize(au.length));
        ByteBuffer b = ByteBuffer.allocate(gathered.maxEncodedSize(au.length));
        whole.writeVideo(ByteBuffer.wrap(au), 9000, 6000, keyframe, a);
        gathered.writeVideo(nals, 9000, 6000, keyframe, b);
        assertThat(b.flip()).isEqualTo(a.flip());
    }

    @Test
    void nalUnitFormRejectsWhatIsNotAnAccessUnit() {
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac());
        ByteBuffer out = ByteBuffer.allocate(100_000);
        assertThatThrownBy(() -> muxer.writeVideo(List.of(), 0, 0, true, out)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> muxer.writeVideo(new ByteBuffer[] {ByteBuffer.wrap(new byte[] {0x65}), ByteBuffer.allocate(0)},
                0, 0, true, out)).isInstanceOf(IllegalArgumentException.class);
        ByteBuffer small = ByteBuffer.allocate(1000);
        assertThatThrownBy(() -> muxer.writeVideo(List.of(ByteBuffer.allocate(997).put(0, (byte) 0x65)), 0, 0, true, small))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isZero();
        assertThat(out.position()).isZero();
        assertThat(muxer.packetCount()).isZero();
    }

    @Test
    void nalUnitFormAllocatesNothing() {
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac());
        ByteBuffer sps = ByteBuffer.allocateDirect(20).put(0, (byte) 0x67);
        ByteBuffer pps = ByteBuffer.allocateDirect(5).put(0, (byte) 0x68);
        ByteBuffer idr = ByteBuffer.allocateDirect(20_000).put(0, (byte) 0x65);
        ByteBuffer[] array = {sps, pps, idr};
        List<ByteBuffer> list = List.of(sps, pps, idr);
        ByteBuffer out = ByteBuffer.allocateDirect(muxer.maxEncodedSize(TsMuxer.annexBSize(array)));
        long[] t = {0};
        Allocation.assertAllocatesNothing("TsMuxer.writeVideo(NAL units)", 30_000, 5_000, 0, () -> {
            out.clear();
            if (t[0] % 7200 == 0) {
                muxer.writeVideo(array, t[0] + 3000, t[0], (t[0] / 3600) % 50 == 0, out);
            } else {
                muxer.writeVideo(list, t[0] + 3000, t[0], (t[0] / 3600) % 50 == 0, out);
            }
            t[0] += 3600;
        });
    }

    @Test
    void muxingAllocatesNothing() {
        TsMuxer muxer = new TsMuxer(TsMuxerConfig.h264Aac());
        byte[] au = new byte[20_000];
        au[3] = 1;
        au[4] = 0x65;
        ByteBuffer src = ByteBuffer.allocateDirect(au.length).put(au).flip();
        ByteBuffer audio = ByteBuffer.wrap(new byte[300]);
        ByteBuffer out = ByteBuffer.allocateDirect(muxer.maxEncodedSize(au.length) + muxer.maxEncodedSize(300));
        long[] t = {0};
        Allocation.assertAllocatesNothing("TsMuxer.writeVideo/writeAudio", 30_000, 5_000, 0, () -> {
            out.clear();
            muxer.writeVideo(src, t[0] + 3000, t[0], (t[0] / 3600) % 50 == 0, out);
            muxer.writeAudio(audio, t[0], out);
            t[0] += 3600;
        });
    }
}
