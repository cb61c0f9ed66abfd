package io.streamwire.mpegts;

import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.mpegts.psi.Pmt;
import io.streamwire.testkit.Corpus;
import io.streamwire.testkit.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The peer suites in {@code ../shared/corpus}: TSDuck, mux.js, Eyevinn hls-ts-js, exiftool (interop profile only). */
@Tag("interop")
class TsCorpusInteropTest {

    /** Everything the demuxer reports about a file. */
    static final class Report implements TsDemuxer.Listener {
        final Map<Integer, Integer> packetsPerPid = new HashMap<>();
        final Map<Integer, Integer> pcrPackets = new HashMap<>();
        final Map<Integer, List<long[]>> pes = new HashMap<>(); // pid → {pts, dts, size, offset, rai, rawPts}
        final Map<Integer, Long> pesBytes = new HashMap<>();
        final Map<Integer, Integer> pesStreamIds = new HashMap<>();
        final List<Anomaly<TsAnomalyKind>> anomalies = new ArrayList<>();
        final List<Long> pcrs = new ArrayList<>();
        final List<Pmt> pmts = new ArrayList<>();
        final Map<Integer, Long> pmtOffsets = new HashMap<>();
        long firstPmtOffset = -1;
        int packetSize;

        @Override
        public void onPmt(Pmt pmt) {
            pmts.add(pmt);
        }

        @Override
        public Interest onPesStart(TsStream stream) {
            return Interest.WHOLE;
        }

        @Override
        public void onPes(TsStream s, ByteBuffer payload) {
            pes.computeIfAbsent(s.pid(), p -> new ArrayList<>()).add(new long[] {s.pts(), s.dts(), payload.remaining(), s.pesOffset(),
                    s.randomAccess() ? 1 : 0, s.rawPts()});
            pesBytes.merge(s.pid(), (long) payload.remaining(), Long::sum);
            pesStreamIds.put(s.pid(), s.streamId());
        }

        @Override
        public void onPcr(int pid, long pcr27MHz, long offset) {
            pcrPackets.merge(pid, 1, Integer::sum);
            pcrs.add(pcr27MHz);
        }

        @Override
        public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
            anomalies.add(anomaly);
        }
    }

    static Report demux(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Report report = new Report();
        TsDemuxer demuxer = new TsDemuxer(report);
        demuxer.feed(ByteBuffer.wrap(bytes));
        demuxer.endOfInput();
        report.packetSize = demuxer.packetSize();
        TsFramer framer = new TsFramer(p -> report.packetsPerPid.merge(p.pid(), 1, Integer::sum));
        framer.feed(ByteBuffer.wrap(bytes));
        framer.endOfInput();
        return report;
    }

    static int intAt(Object json, String... path) {
        Object v = json;
        for (String p : path) {
            v = ((Map<?, ?>) v).get(p);
        }
        return ((BigDecimal) v).intValue();
    }

    @Test
    void tsduckLiveDvbMatchesTsanalyze() throws IOException {
        Report r = demux(Corpus.resolve("tsduck-test/input/test-012.ts"));
        String analyze = Files.readString(Corpus.resolve("tsduck-test/reference/test-012/test-012.tsanalyze.norm.txt"));
        int checked = 0;
        Matcher m = Pattern.compile("(?m)^pid:pid=(\\d+):.*?:packets=(\\d+):.*?(?::pes=(\\d+):.*?(?::firstpts=(\\d+):lastpts=(\\d+))?)?:description").matcher(analyze);
        while (m.find()) {
            int pid = Integer.parseInt(m.group(1));
            assertThat(r.packetsPerPid.getOrDefault(pid, 0)).as("packets on PID %d", pid).isEqualTo(Integer.parseInt(m.group(2)));
            if (m.group(3) != null && Integer.parseInt(m.group(3)) > 0) {
                // tsanalyze counts every PES; we start a stream at its first PES after the PMT that announces it
                int beforePmt = pesStartsBeforeFirstPmt(pid);
                List<long[]> pes = r.pes.get(pid);
                assertThat(pes).as("PES on PID %d (%d started before the PMT)", pid, beforePmt)
                        .hasSize(Integer.parseInt(m.group(3)) - beforePmt);
                if (m.group(4) != null) {
                    if (beforePmt == 0) {
                        assertThat(pes.get(0)[5]).isEqualTo(Long.parseLong(m.group(4)));
                    }
                    assertThat(pes.get(pes.size() - 1)[5]).isEqualTo(Long.parseLong(m.group(5)));
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
        Matcher ts = Pattern.compile("(?m)^ts:.*?:packets=(\\d+):").matcher(analyze);
        assertThat(ts.find()).isTrue();
        assertThat(r.packetsPerPid.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(Integer.parseInt(ts.group(1)));
        // the service: PMT PID 160, PCR PID 1060, six elementary streams
        Pmt pmt = r.pmts.get(r.pmts.size() - 1);
        assertThat(pmt.programNumber()).isEqualTo(4006);
        assertThat(pmt.pcrPid()).isEqualTo(1060);
        assertThat(pmt.streams()).extracting(Pmt.Stream::elementaryPid).containsExactly(1060, 1061, 1062, 1063, 1067, 1068);
        assertThat(r.anomalies).isEmpty();
    }

    private static int pesStartsBeforeFirstPmt(int pid) throws IOException {
        byte[] ts = Files.readAllBytes(Corpus.resolve("tsduck-test/input/test-012.ts"));
        int n = 0;
        for (int p = 0; p + 188 <= ts.length; p += 188) {
            int packetPid = ((ts[p + 1] & 0x1F) << 8) | (ts[p + 2] & 0xFF);
            if (packetPid == 160) {
                break;
            }
            if (packetPid == pid && (ts[p + 1] & 0x40) != 0) {
                n++;
            }
        }
        return n;
    }

    @Test
    void tsduckContinuityErrorsMatchTheirLog() throws IOException {
        Report r = demux(Corpus.resolve("tsduck-test/input/test-024.ts"));
        String log = Files.readString(Corpus.resolve("tsduck-test/reference/test-024/test-024.tsp.3.log"));
        Matcher m = Pattern.compile("\"index\": (\\d+), \"packets\": (\\d+), \"pid\": (\\d+), \"type\": \"missing\"").matcher(log);
        List<String> expected = new ArrayList<>();
        while (m.find()) {
            expected.add("index " + m.group(1) + " pid " + m.group(3) + " missing " + m.group(2));
        }
        assertThat(expected).hasSize(2);
        Pattern gap = Pattern.compile("pid 0x([0-9A-F]{4}): continuity_counter (\\d+), expected (\\d+)");
        List<String> ours = r.anomalies.stream().filter(a -> a.kind() == TsAnomalyKind.CONTINUITY_GAP).map(a -> {
            Matcher d = gap.matcher(a.detail());
            assertThat(d.matches()).as(a.detail()).isTrue();
            long index = a.offset() / 188;
            int actual = ccAt(a.offset());
            assertThat(Integer.parseInt(d.group(2))).isEqualTo(actual);
            return "index " + index + " pid " + Integer.parseInt(d.group(1), 16) + " missing "
                    + ((actual - Integer.parseInt(d.group(3))) & 15);
        }).toList();
        assertThat(ours).isEqualTo(expected);
    }

    private static byte[] test024;

    private static int ccAt(long offset) {
        try {
            if (test024 == null) {
                test024 = Files.readAllBytes(Corpus.resolve("tsduck-test/input/test-024.ts"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return test024[(int) offset + 3] & 0xF;
    }

    @Test
    void tsduck204And188ByteCopiesGiveIdenticalResults() throws IOException {
        Path rs = Corpus.resolve("tsduck-test/reference/test-071/test-071.1.ts");
        Path plain = Corpus.resolve("tsduck-test/reference/test-071/test-071.2.ts");
        List<String> a = packets(Files.readAllBytes(rs));
        List<String> b = packets(Files.readAllBytes(plain));
        assertThat(a).hasSize(200).isEqualTo(b);
        assertThat(demux(rs).packetSize).isEqualTo(204);
        assertThat(demux(plain).packetSize).isEqualTo(188);
        assertThat(demux(rs).anomalies).isEqualTo(demux(plain).anomalies.stream().map(x -> new Anomaly<>(x.kind(),
                x.offset() / 188 * 204, x.detail())).toList());
    }

    static List<String> packets(byte[] ts) {
        List<String> list = new ArrayList<>();
        TsFramer framer = new TsFramer(p -> list.add(java.util.HexFormat.of().formatHex(p.toByteArray())));
        framer.feed(ByteBuffer.wrap(ts));
        framer.endOfInput();
        return list;
    }

    @Test
    void tsduckLostSyncIsReportedAndNotFatal() throws IOException {
        Path file = Corpus.resolve("tsduck-test/input/test-142.ts");
        String log = Files.readString(Corpus.resolve("tsduck-test/reference/test-142/test-142.log"));
        assertThat(log).contains("synchronization lost after 185 packets");
        List<Long> offsets = new ArrayList<>();
        List<Anomaly<TsAnomalyKind>> anomalies = new ArrayList<>();
        TsFramer framer = new TsFramer(new TsFramer.Listener() {
            @Override
            public void onPacket(TsPacket packet) {
                offsets.add(packet.offset());
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                anomalies.add(anomaly);
            }
        });
        framer.feed(ByteBuffer.wrap(Files.readAllBytes(file)));
        framer.endOfInput();
        for (int i = 0; i < 185; i++) {
            assertThat(offsets.get(i)).isEqualTo(i * 188L);
        }
        assertThat(offsets.size() == 185 || offsets.get(185) > 185 * 188L).isTrue();
        assertThat(anomalies).isNotEmpty();
        assertThat(anomalies.get(0).kind()).isIn(TsAnomalyKind.LOST_SYNC, TsAnomalyKind.TRUNCATED_PACKET);
        assertThat(anomalies.get(0).offset()).isEqualTo(185 * 188L);
        // the demuxer goes on without throwing
        demux(file);
        demux(Corpus.resolve("tsduck-test/input/test-144.ts"));
        demux(Corpus.resolve("tsduck-test/input/test-146.ts"));
    }

    @Test
    void muxJsSegments() throws IOException {
        Object expected = Json.parse(Files.readString(Corpus.resolve("videojs-mux.js/expected.json")));
        Object seg = ((Map<?, ?>) Json.at(expected, "files")).get("test/segments/test-segment.ts");
        Report r = demux(Corpus.resolve("videojs-mux.js/test/segments/test-segment.ts"));
        assertThat(r.anomalies).isEmpty();
        Pmt pmt = r.pmts.get(0);
        assertThat(pmt.stream(256).streamType()).isEqualTo(0x1B);
        assertThat(pmt.stream(257).streamType()).isEqualTo(0x0F);
        List<long[]> video = r.pes.get(256);
        List<long[]> audio = r.pes.get(257);
        assertThat(video.get(0)[0]).isEqualTo(intAt(seg, "firstVideoPes", "pts"));
        assertThat(video.get(0)[1]).isEqualTo(intAt(seg, "firstVideoPes", "dts"));
        assertThat(video.get(0)[3]).isEqualTo(((BigDecimal) ((List<?>) Json.at(seg, "packetOffsets", "firstVideoPesPacket(pusi=1)")).get(0)).longValue());
        assertThat(video.stream().mapToLong(v -> v[0]).max().orElseThrow()).isEqualTo(intAt(seg, "inspect", "video", "lastPts"));
        assertThat(video.get(video.size() - 1)[1]).isEqualTo(intAt(seg, "inspect", "video", "lastDts"));
        assertThat(audio.get(0)[0]).isEqualTo(intAt(seg, "inspect", "audio", "firstPts"));
        assertThat(audio.get(audio.size() - 1)[0]).isEqualTo(intAt(seg, "inspect", "audio", "lastPts"));
        assertThat(audio.get(0)[3]).isEqualTo(((BigDecimal) ((List<?>) Json.at(seg, "packetOffsets", "audioPesPacket")).get(0)).longValue());

        Report noAudio = demux(Corpus.resolve("videojs-mux.js/test/segments/test-no-audio-segment.ts"));
        assertThat(noAudio.pes.keySet()).containsExactly(256);
        assertThat(noAudio.pes.get(256).get(0)[0]).isEqualTo(126000);

        Report stuffed = demux(Corpus.resolve("videojs-mux.js/test/segments/test-stuffed-pes.ts"));
        assertThat(stuffed.pes).isEmpty();

        // PAT/PMT in the middle: no PES is reported from before the PMT
        Path middle = Corpus.resolve("videojs-mux.js/test/segments/test-middle-pat-pmt.ts");
        Report mid = demux(middle);
        byte[] bytes = Files.readAllBytes(middle);
        long pmtOffset = -1;
        int pmtPid = -1;
        for (int p = 0; p + 188 <= bytes.length; p += 188) {
            int pid = ((bytes[p + 1] & 0x1F) << 8) | (bytes[p + 2] & 0xFF);
            if (pid == 0) {
                pmtPid = ((bytes[p + 15] & 0x1F) << 8) | (bytes[p + 16] & 0xFF);
            } else if (pid == pmtPid) {
                pmtOffset = p;
                break;
            }
        }
        assertThat(pmtOffset).isPositive();
        long firstPes = mid.pes.values().stream().flatMap(List::stream).mapToLong(v -> v[3]).min().orElseThrow();
        assertThat(firstPes).isGreaterThan(pmtOffset);
    }

    @Test
    void eyevinnSegments() throws IOException {
        Object expected = Json.parse(Files.readString(Corpus.resolve("eyevinn-hls-ts-js/expected.json")));
        Map<?, ?> files = (Map<?, ?>) Json.at(expected, "files");
        Object one = files.get("test/support/testassets/seg-10s.ts");
        Report r = demux(Corpus.resolve("eyevinn-hls-ts-js/test/support/testassets/seg-10s.ts"));
        Pmt pmt = r.pmts.get(0);
        int video = pmt.streams().stream().filter(s -> s.streamType() == 0x1B).findFirst().orElseThrow().elementaryPid();
        int audio = pmt.streams().stream().filter(s -> s.streamType() == 0x0F).findFirst().orElseThrow().elementaryPid();
        assertThat(pmt.streams()).extracting(Pmt.Stream::streamType).contains(0x86);
        assertThat(r.packetsPerPid.get(video)).isEqualTo(intAt(one, "avcTsPackets"));
        assertThat(r.packetsPerPid.get(audio)).isEqualTo(intAt(one, "aacTsPackets"));
        assertThat(r.pcrPackets.get(video)).isEqualTo(intAt(one, "avcTsPacketsWithPCR"));
        assertThat(r.pes.get(video)).hasSize(intAt(one, "avcFrames(pts count)"));
        assertThat(r.pesStreamIds.get(video)).isEqualTo(intAt(one, "avcPesStreamId"));
        assertThat(r.anomalies).isEmpty();

        Object two = files.get("test/support/testassets/seg2-10s.ts");
        Report r2 = demux(Corpus.resolve("eyevinn-hls-ts-js/test/support/testassets/seg2-10s.ts"));
        int video2 = r2.pmts.get(0).pcrPid();
        assertThat(r2.pcrPackets.get(video2)).isEqualTo(intAt(two, "avcTsPacketsWithPCR"));
        assertThat(r2.pcrs.get(0) / 300).isEqualTo(((BigDecimal) ((Map<?, ?>) two).get("firstPcrBase")).longValue());
        assertThat(r2.pes.get(video2).get(0)[5]).isEqualTo(((BigDecimal) ((Map<?, ?>) two).get("firstAvcPts")).longValue());
    }

    @Test
    void exiftoolAvchd192BytePackets() throws IOException {
        Report r = demux(Corpus.resolve("exiftool/t/images/M2TS.mts"));
        assertThat(r.packetSize).isEqualTo(192);
        assertThat(r.packetsPerPid.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);
        Pmt pmt = r.pmts.get(0);
        // exiftool: "Video Stream Type: H.264 (AVC) Video", "Audio Stream Type: A52/AC-3 Audio"
        assertThat(pmt.streams()).extracting(s -> StreamType.of(s.streamType(), s.esInfo()))
                .contains(StreamType.H264, StreamType.AC3);
        assertThat(r.pes.get(0x1011)).isNotEmpty();
    }
}
