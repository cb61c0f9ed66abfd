package io.streamwire.examples.origin;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Renders the origin's counters as {@code /stats} JSON (RFC 8259, written by hand) and as Prometheus
 * text exposition format 0.0.4 ({@code /metrics}; prometheus.io "Exposition formats", "Text-based
 * format"): {@code # HELP} and {@code # TYPE} once per metric family, samples named
 * {@code streamwire_origin_*}, per-stream samples labelled {@code stream="<name>"}.
 *
 * <p>Stream names are the public playback names (never a publish secret): the stats carry nothing
 * else. Strings are escaped for JSON ({@code "}, {@code \}, control characters as {@code \}{@code uXXXX})
 * and label values for Prometheus ({@code \\}, {@code \"}, {@code \n}); HELP text escapes {@code \\} and
 * {@code \n}.
 *
 * <p>Thread-safe (stateless).
 */
final class OriginMetrics {
    static final String PREFIX = "streamwire_origin_";
    /** The Content-Type of {@link #prometheus}. */
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private OriginMetrics() {}

    /** One stream's figures; {@code state} is e.g. "live" or "ended". */
    record StreamStats(String name, String state, String videoCodec, int width, int height, double frameRate,
            String audioCodec, long bitrateInBps, long bytesIn, long uptimeMillis, int hlsClients, int flvReaders,
            int rtmpReaders, long readersDropped, long segments, long publishes, long rejectedReaders) {}

    /** Server-wide figures. */
    record OriginTotals(int rtmpConnections, int httpConnections, int flvReaders, long publishesRejected,
            long connectionsRefused, long requestsTimedOut, long protocolErrors) {}

    private record Family<T>(String name, String type, String help, Function<T, Number> value) {}

    private static final List<Family<StreamStats>> STREAM_FAMILIES = List.of(
            new Family<>("stream_bitrate_bits_per_second", "gauge", "Incoming bitrate of the stream.", StreamStats::bitrateInBps),
            new Family<>("stream_received_bytes_total", "counter", "Bytes received from the publisher.", StreamStats::bytesIn),
            new Family<>("stream_uptime_seconds", "gauge", "Time since the stream started.", s -> s.uptimeMillis() / 1000.0),
            new Family<>("stream_width_pixels", "gauge", "Video width.", StreamStats::width),
            new Family<>("stream_height_pixels", "gauge", "Video height.", StreamStats::height),
            new Family<>("stream_frame_rate", "gauge", "Video frames per second (0 when unknown).", StreamStats::frameRate),
            new Family<>("stream_hls_clients", "gauge", "HLS clients seen recently.", StreamStats::hlsClients),
            new Family<>("stream_flv_readers", "gauge", "HTTP-FLV readers connected.", StreamStats::flvReaders),
            new Family<>("stream_rtmp_readers", "gauge", "RTMP players connected.", StreamStats::rtmpReaders),
            new Family<>("stream_readers_dropped_total", "counter", "Readers dropped for falling behind.", StreamStats::readersDropped),
            new Family<>("stream_segments_total", "counter", "HLS segments written.", StreamStats::segments),
            new Family<>("stream_publishes_total", "counter", "Publishes of this stream name.", StreamStats::publishes),
            new Family<>("stream_readers_rejected_total", "counter", "Readers refused (limits or tokens).", StreamStats::rejectedReaders));

    private static final List<Family<OriginTotals>> TOTAL_FAMILIES = List.of(
            new Family<>("rtmp_connections", "gauge", "Open RTMP connections.", OriginTotals::rtmpConnections),
            new Family<>("http_connections", "gauge", "Open HTTP connections.", OriginTotals::httpConnections),
            new Family<>("flv_readers", "gauge", "HTTP-FLV readers connected, all streams.", OriginTotals::flvReaders),
            new Family<>("publishes_rejected_total", "counter", "Publishes refused by the publish policy.", OriginTotals::publishesRejected),
            new Family<>("connections_refused_total", "counter", "Connections refused at the connection limit.", OriginTotals::connectionsRefused),
            new Family<>("requests_timed_out_total", "counter", "Requests or sessions closed on a timeout.", OriginTotals::requestsTimedOut),
            new Family<>("protocol_errors_total", "counter", "Connections closed on a protocol error.", OriginTotals::protocolErrors));

    /** The {@code /stats} document: {@code {"totals": {...}, "streams": [{...}, ...]}}. */
    static String json(List<StreamStats> streams, OriginTotals totals) {
        StringBuilder s = new StringBuilder(256 + 512 * streams.size());
        s.append("{\"totals\":{")
                .append("\"rtmpConnections\":").append(totals.rtmpConnections())
                .append(",\"httpConnections\":").append(totals.httpConnections())
                .append(",\"flvReaders\":").append(totals.flvReaders())
                .append(",\"publishesRejected\":").append(totals.publishesRejected())
                .append(",\"connectionsRefused\":").append(totals.connectionsRefused())
                .append(",\"requestsTimedOut\":").append(totals.requestsTimedOut())
                .append(",\"protocolErrors\":").append(totals.protocolErrors())
                .append("},\"streams\":[");
        for (int i = 0; i < streams.size(); i++) {
            StreamStats t = streams.get(i);
            s.append(i == 0 ? "{" : ",{");
            s.append("\"name\":").append(jsonString(t.name()))
                    .append(",\"state\":").append(jsonString(t.state()))
                    .append(",\"video\":{\"codec\":").append(jsonString(t.videoCodec()))
                    .append(",\"width\":").append(t.width())
                    .append(",\"height\":").append(t.height())
                    .append(",\"frameRate\":").append(jsonNumber(t.frameRate()))
                    .append("},\"audio\":{\"codec\":").append(jsonString(t.audioCodec()))
                    .append("},\"bitrateInBps\":").append(t.bitrateInBps())
                    .append(",\"bytesIn\":").append(t.bytesIn())
                    .append(",\"uptimeMillis\":").append(t.uptimeMillis())
                    .append(",\"hlsClients\":").append(t.hlsClients())
                    .append(",\"flvReaders\":").append(t.flvReaders())
                    .append(",\"rtmpReaders\":").append(t.rtmpReaders())
                    .append(",\"readersDropped\":").append(t.readersDropped())
                    .append(",\"segments\":").append(t.segments())
                    .append(",\"publishes\":").append(t.publishes())
                    .append(",\"rejectedReaders\":").append(t.rejectedReaders())
                    .append('}');
        }
        return s.append("]}").toString();
    }

    /** The Prometheus text exposition (format 0.0.4), ending with a newline. */
    static String prometheus(List<StreamStats> streams, OriginTotals totals) {
        StringBuilder s = new StringBuilder(2048 + 1024 * streams.size());
        for (Family<OriginTotals> f : TOTAL_FAMILIES) {
            header(s, f);
            s.append(PREFIX).append(f.name()).append(' ').append(promNumber(f.value().apply(totals))).append('\n');
        }
        header(s, new Family<StreamStats>("stream_info", "gauge",
                "Stream state and codecs (value 1).", x -> 1));
        for (StreamStats t : streams) {
            s.append(PREFIX).append("stream_info{stream=\"").append(labelValue(t.name()))
                    .append("\",state=\"").append(labelValue(t.state()))
                    .append("\",video_codec=\"").append(labelValue(t.videoCodec()))
                    .append("\",audio_codec=\"").append(labelValue(t.audioCodec())).append("\"} 1\n");
        }
        for (Family<StreamStats> f : STREAM_FAMILIES) {
            header(s, f);
            for (StreamStats t : streams) {
                s.append(PREFIX).append(f.name()).append("{stream=\"").append(labelValue(t.name())).append("\"} ")
                        .append(promNumber(f.value().apply(t))).append('\n');
            }
        }
        return s.toString();
    }

    private static void header(StringBuilder s, Family<?> f) {
        s.append("# HELP ").append(PREFIX).append(f.name()).append(' ')
                .append(f.help().replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        s.append("# TYPE ").append(PREFIX).append(f.name()).append(' ').append(f.type()).append('\n');
    }

    /** A Prometheus label value: backslash, double quote and line feed escaped. */
    static String labelValue(String v) {
        if (v == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '"' -> s.append("\\\"");
                case '\n' -> s.append("\\n");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** A Prometheus sample value: integer types exactly, doubles through {@link #promNumber(double)}. */
    static String promNumber(Number v) {
        return v instanceof Double || v instanceof Float ? promNumber(v.doubleValue()) : Long.toString(v.longValue());
    }

    /** A Prometheus sample value: integral doubles without a fraction, NaN and infinities by their names. */
    static String promNumber(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A JSON number; NaN and infinities (not JSON) become 0. */
    static String jsonNumber(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A JSON string literal (RFC 8259 §7); null becomes {@code null}. */
    static String jsonString(String v) {
        if (v == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c) && !validSurrogate(v, i)) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    private static boolean validSurrogate(String v, int i) {
        char c = v.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(v.charAt(i - 1));
    }
}
