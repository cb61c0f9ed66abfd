package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a publisher costs the origin, in one run: 4 publishers of H.264/AAC into MPEG-TS LL-HLS (the
 * earlier pipeline), then 4 of HEVC/AAC over Enhanced RTMP into CMAF LL-HLS, then 4 of H.264/AAC into
 * CMAF, each looped at real time ({@code -re -stream_loop -1}) for {@code streamwire.cost.seconds}
 * (15 by default) after a warm-up. The cost is this JVM's process CPU time over the window (the origin
 * is all that runs in it then) per publisher, in percent of one core. The goal: HEVC → CMAF at
 * most H.264 → TS; the figures are printed for the README, and the goal is asserted with 25% allowed
 * for the noise of a shared 2-core machine.
 */
@Tag("interop")
class PipelineCostInteropTest {
    static final int PUBLISHERS = 4;

    @TempDir
    Path dir;

    static double cpuPercentPerPublisher(LiveOrigin origin, Procs procs, Path tool, Path fixture, String prefix, String query,
            int seconds) throws Exception {
        List<Procs.Run> runs = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            runs.add(procs.start(List.of(tool.toString(), "-hide_banner", "-nostdin", "-v", "error", "-re", "-stream_loop",
                    "-1", "-i", fixture.toString(), "-c", "copy", "-f", "flv",
                    "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/" + prefix + i + query)));
        }
        for (int i = 0; i < PUBLISHERS; i++) {
            String name = prefix + i;
            Resources.waitFor(() -> origin.stats(name) != null && origin.stats(name).segments() >= 2, 30_000, name + " live");
        }
        Thread.sleep(2_000); // warm-up past the JIT's first compilations
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long cpu = os.getProcessCpuTime() - cpu0;
        long wall = System.nanoTime() - t0;
        for (int i = 0; i < PUBLISHERS; i++) {
            assertThat(origin.stats(prefix + i).packagerErrors()).isZero();
            assertThat(origin.stats(prefix + i).live()).isTrue();
        }
        for (Procs.Run r : runs) {
            r.process().destroy();
        }
        for (Procs.Run r : runs) { // the static ffmpeg 7 may ignore SIGTERM while it waits on the network
            if (!r.process().waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                r.process().destroyForcibly().waitFor();
            }
        }
        return 100.0 * cpu / wall / PUBLISHERS;
    }

    @Test
    void anHevcPublisherIntoCmafCostsNoMoreThanAnH264PublisherIntoTs() throws Exception {
        int seconds = Integer.getInteger("streamwire.cost.seconds", 15);
        Path avc = Fixtures.copyTo(CmafFixtures.AVC, dir);
        Path hevc = Fixtures.copyTo(CmafFixtures.HEVC, dir);
        try (LiveOrigin origin = LiveOrigin.start(OriginConfig.loopbackEphemeral()); Procs procs = new Procs(dir)) {
            double ts = cpuPercentPerPublisher(origin, procs, CmafInteropTest.ffmpeg(), avc, "avc-ts-", "?segments=ts", seconds);
            double hevcCmaf = cpuPercentPerPublisher(origin, procs, ExternalTools.requireFfmpeg7(), hevc, "hevc-cmaf-", "",
                    seconds);
            double avcCmaf = cpuPercentPerPublisher(origin, procs, CmafInteropTest.ffmpeg(), avc, "avc-cmaf-", "", seconds);
            System.out.printf(Locale.ROOT, "COST %d publishers x %d s each, %% of one core per publisher: H.264/AAC -> TS"
                    + " LL-HLS %.2f; HEVC/AAC (Enhanced RTMP) -> CMAF LL-HLS %.2f; H.264/AAC -> CMAF LL-HLS %.2f%n",
                    PUBLISHERS, seconds, ts, hevcCmaf, avcCmaf);
            assertThat(hevcCmaf).as("HEVC -> CMAF vs H.264 -> TS, %% of a core per publisher").isLessThanOrEqualTo(ts * 1.25);
        }
    }
}
