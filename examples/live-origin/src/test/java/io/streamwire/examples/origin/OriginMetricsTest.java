package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.examples.origin.OriginMetrics.OriginTotals;
import io.streamwire.examples.origin.OriginMetrics.StreamStats;
import io.streamwire.testkit.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * {@code /stats} JSON parsed back with the test kit's strict reader, and the Prometheus text checked
 * line by line against the exposition grammar of format 0.0.4 (prometheus.io, "Exposition formats").
 */
class OriginMetricsTest {
    static final OriginTotals TOTALS = new OriginTotals(3, 12, 5, 2, 1, 4, 6);

    static StreamStats stats(String name) {
        return new StreamStats(name, "live", "h264", 1280, 720, 29.97, "aac", 2_500_000, 123_456_789, 61_500, 7, 2, 1,
                3, 31, 1, 0);
    }

    // metric name, optional {labels}, value; label values: anything but " \ and newline unless escaped
    static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*\\})? "
                    + "(NaN|[+-]Inf|[-+]?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)");
    static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (?:[^\\\\\\n]|\\\\[\\\\n])*");
    static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");
    static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");

    /** Checks every line of {@code text} and returns the samples as name -> (stream label -> value). */
    static Map<String, Map<String, String>> checkExposition(String text) {
        assertThat(text).endsWith("\n");
        Set<String> typed = new HashSet<>();
        Set<String> helped = new HashSet<>();
        Map<String, Map<String, String>> samples = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (help.matches()) {
                assertThat(helped.add(help.group(1))).as("one HELP per family: " + line).isTrue();
                assertThat(help.group(1)).startsWith(OriginMetrics.PREFIX);
            } else if (type.matches()) {
                assertThat(typed.add(type.group(1))).as("one TYPE per family: " + line).isTrue();
                assertThat(samples).as("TYPE before any sample of " + type.group(1)).doesNotContainKey(type.group(1));
            } else if (sample.matches()) {
                String name = sample.group(1);
                assertThat(name).startsWith(OriginMetrics.PREFIX);
                assertThat(typed).as("sample after its TYPE: " + line).contains(name);
                if (name.endsWith("_total")) {
                    assertThat(typed).contains(name);
                }
                String stream = "";
                if (sample.group(2) != null) {
                    Matcher label = LABEL.matcher(sample.group(2));
                    while (label.find()) {
                        if (label.group(1).equals("stream")) {
                            stream = unescape(label.group(2));
                        }
                    }
                }
                assertThat(samples.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(stream, sample.group(3)))
                        .as("duplicate sample " + line).isNull();
            } else {
                throw new AssertionError("not exposition format 0.0.4: " + line);
            }
        }
        return samples;
    }

    static String unescape(String v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                char next = v.charAt(++i);
                s.append(next == 'n' ? '\n' : next);
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    @Test
    void jsonParsesBackWithEveryField() {
        String json = OriginMetrics.json(List.of(stats("cam1"), stats("cam.2")), TOTALS);
        Object root = Json.parse(json);
        assertThat(Json.<Map<String, Object>>at(root)).containsOnlyKeys("totals", "streams");
        assertThat(Json.<Map<String, Object>>at(root, "totals")).containsOnlyKeys("rtmpConnections", "httpConnections",
                "flvReaders", "publishesRejected", "connectionsRefused", "requestsTimedOut", "protocolErrors");
        assertThat(Json.<BigDecimal>at(root, "totals", "protocolErrors")).isEqualByComparingTo("6");
        assertThat(Json.<List<Object>>at(root, "streams")).hasSize(2);
        assertThat(Json.<String>at(root, "streams", 1, "name")).isEqualTo("cam.2");
        assertThat(Json.<BigDecimal>at(root, "streams", 0, "video", "frameRate")).isEqualByComparingTo("29.97");
        assertThat(Json.<BigDecimal>at(root, "streams", 0, "video", "width")).isEqualByComparingTo("1280");
        assertThat(Json.<String>at(root, "streams", 0, "audio", "codec")).isEqualTo("aac");
        assertThat(Json.<BigDecimal>at(root, "streams", 0, "bytesIn")).isEqualByComparingTo("123456789");
        assertThat(Json.<Map<String, Object>>at(root, "streams", 0)).containsOnlyKeys("name", "state", "video", "audio",
                "bitrateInBps", "bytesIn", "uptimeMillis", "hlsClients", "flvReaders", "rtmpReaders", "readersDropped",
                "segments", "publishes", "rejectedReaders");
        assertThat(Json.<List<Object>>at(Json.parse(OriginMetrics.json(List.of(), TOTALS)), "streams")).isEmpty();
    }

    @Test
    void jsonEscapesHostileStrings() {
        String nasty = "a\"b\\c\nd\te\u0001f\u2028g\ud83d\ude00h";
        StreamStats s = new StreamStats(nasty, null, "", 0, 0, Double.NaN, nasty, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Object root = Json.parse(OriginMetrics.json(List.of(s), TOTALS));
        assertThat(Json.<String>at(root, "streams", 0, "name")).isEqualTo(nasty);
        assertThat(Json.<Object>at(root, "streams", 0, "state")).isNull();
        assertThat(Json.<BigDecimal>at(root, "streams", 0, "video", "frameRate")).isEqualByComparingTo("0");
    }

    @Property(tries = 300)
    void anyNameSurvivesBothFormats(@ForAll String name, @ForAll double frameRate, @ForAll long bytes) {
        StreamStats s = new StreamStats(name, "live", "hevc", 320, 240, frameRate, "opus", bytes, bytes, 0, 0, 0, 0, 0,
                0, 0, 0);
        Object root = Json.parse(OriginMetrics.json(List.of(s), TOTALS));
        assertThat(Json.<String>at(root, "streams", 0, "name")).isEqualTo(name);
        Map<String, Map<String, String>> samples = checkExposition(OriginMetrics.prometheus(List.of(s), TOTALS));
        assertThat(samples.get("streamwire_origin_stream_received_bytes_total")).containsEntry(name, Long.toString(bytes));
    }

    @Test
    void prometheusFollowsTheGrammarAndCarriesEveryFigure() {
        String text = OriginMetrics.prometheus(List.of(stats("cam1"), stats("we\"ird\\na\nme")), TOTALS);
        Map<String, Map<String, String>> samples = checkExposition(text);
        assertThat(samples.get("streamwire_origin_rtmp_connections")).containsExactly(Map.entry("", "3"));
        assertThat(samples.get("streamwire_origin_protocol_errors_total")).containsExactly(Map.entry("", "6"));
        assertThat(samples.get("streamwire_origin_stream_frame_rate")).containsEntry("cam1", "29.97");
        assertThat(samples.get("streamwire_origin_stream_uptime_seconds")).containsEntry("cam1", "61.5");
        assertThat(samples.get("streamwire_origin_stream_received_bytes_total"))
                .containsOnlyKeys("cam1", "we\"ird\\na\nme");
        assertThat(samples.get("streamwire_origin_stream_info")).containsEntry("cam1", "1");
        assertThat(text).contains("stream_info{stream=\"cam1\",state=\"live\",video_codec=\"h264\",audio_codec=\"aac\"} 1");
        List<String> counters = new ArrayList<>();
        text.lines().filter(l -> l.startsWith("# TYPE") && l.endsWith(" counter")).forEach(counters::add);
        assertThat(counters).allMatch(l -> l.split(" ")[2].endsWith("_total"));
        assertThat(checkExposition(OriginMetrics.prometheus(List.of(), TOTALS))).containsKey("streamwire_origin_flv_readers");
    }

    @Test
    void numbersAreWrittenInBothGrammars() {
        assertThat(OriginMetrics.promNumber(Double.NaN)).isEqualTo("NaN");
        assertThat(OriginMetrics.promNumber(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(OriginMetrics.promNumber(1e20)).isEqualTo("1.0E20");
        assertThat(OriginMetrics.jsonNumber(Double.NEGATIVE_INFINITY)).isEqualTo("0");
        assertThat(Json.parse(OriginMetrics.jsonNumber(1e20))).isInstanceOf(BigDecimal.class);
        assertThat(Json.parse(OriginMetrics.jsonNumber(-0.5))).isEqualTo(new BigDecimal("-0.500"));
    }
}
