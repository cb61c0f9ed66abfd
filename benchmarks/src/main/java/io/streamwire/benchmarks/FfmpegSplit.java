package io.streamwire.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The second table of a run with FFmpeg peers: each FFmpeg-through-JNI row's time per unit split
 * into the JNI bridge and FFmpeg's own work. The bridge is the row's JNI calls and upcalls per
 * unit (counted by the benchmark, {@code ffmpeg.JniCalls}) times their cost calibrated in the same
 * run ({@code ffmpeg.FfmpegJniBenchmark}: {@code jniCall} per call; {@code jniUpcall} minus one call
 * per upcall); FFmpeg's own time is the rest. The split is an estimate: a calibrated crossing
 * runs in a tight loop with warm caches, so the bridge of a real loop may cost a little more.
 */
final class FfmpegSplit {
    private FfmpegSplit() {}

    /** The section for the FFmpeg rows of {@code area} ("all" for every area), or "" when there are none. */
    static String section(List<Summary.Row> rows, String area) {
        List<Summary.Row> peers = rows.stream()
                .filter(r -> r.impl().equals(Summary.FFMPEG) && !r.reference() && r.threads() == 1 && r.units().median() > 0)
                .filter(r -> area.equals("all") || r.area().equals(area)).toList();
        if (peers.isEmpty()) {
            return "";
        }
        Summary.Row call = reference(rows, "jniCall");
        Summary.Row upcall = reference(rows, "jniUpcall");
        double nsCall = call == null ? Double.NaN : 1e9 / call.units().median();
        double nsUpcall = upcall == null || Double.isNaN(nsCall) ? Double.NaN
                : Math.max(0, 1e9 / upcall.units().median() - nsCall);
        StringBuilder out = new StringBuilder("\n");
        out.append(String.format(Locale.ROOT, "FFmpeg through JNI, time per unit split (same run): %s per JNI call, %s per upcall"
                        + " (`FfmpegJniBenchmark`). Bridge = calls × call cost + upcalls × upcall cost; FFmpeg's own = the rest.%n%n",
                Double.isNaN(nsCall) ? "not calibrated (jniCall_ffmpeg not run)" : Summary.number(nsCall) + " ns",
                Double.isNaN(nsUpcall) ? "not calibrated (jniUpcall_ffmpeg not run, upcalls not subtracted)"
                        : Summary.number(nsUpcall) + " ns"));
        out.append("| area | benchmark | FFmpeg-JNI per unit | JNI calls / upcalls per unit | bridge per unit | FFmpeg's own per unit"
                + " | Streamwire per unit | ours vs FFmpeg-JNI | ours vs FFmpeg's own |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Summary.Row peer : peers) {
            double units = peer.units().median();
            double total = 1e9 / units;
            double calls = peer.jniCalls().median() / units;
            double upcalls = peer.upcalls().median() / units;
            double bridge = Double.isNaN(nsCall) ? Double.NaN : calls * nsCall + (Double.isNaN(nsUpcall) ? 0 : upcalls * nsUpcall);
            double own = total - bridge;
            Summary.Row ours = rows.stream().filter(r -> r.impl().equals(Summary.OURS) && r.area().equals(peer.area())
                    && r.thing().equals(peer.thing()) && r.threads() == 1 && r.units().median() > 0).findFirst().orElse(null);
            double oursNs = ours == null ? Double.NaN : 1e9 / ours.units().median();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s ns | %s / %s | %s | %s | %s | %s | %s |%n",
                    peer.area(), peer.thing(), Summary.number(total), Summary.number(calls), Summary.number(upcalls),
                    ns(bridge), ns(own), ns(oursNs), ratio(total / oursNs), ratio(own / oursNs)));
        }
        return out.toString();
    }

    private static Summary.Row reference(List<Summary.Row> rows, String thing) {
        return rows.stream().filter(r -> r.area().equals(Summary.FFMPEG) && r.thing().equals(thing) && r.threads() == 1
                && r.units().median() > 0).findFirst().orElse(null);
    }

    private static String ns(double v) {
        return Double.isNaN(v) ? "" : Summary.number(v) + " ns";
    }

    private static String ratio(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%.2f×", v);
    }
}
