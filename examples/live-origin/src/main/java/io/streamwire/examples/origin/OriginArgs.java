package io.streamwire.examples.origin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** The origin's command line. */
final class OriginArgs {
    static final String USAGE = """
            usage: java -jar live-origin.jar [--rtmp-port 1935] [--http-port 8080] [--bind 0.0.0.0]
                     [--segments fmp4|ts] [--target-duration 2] [--window 10] [--part 0.334]
                     [--record DIR] [--record-formats mp4,flv]
                     [--stream name=secret,...] [--publish-secret S] [--on-publish URL] [--keys n1,n2]
                     [--play-secret S] [--admin-port 8081|-1] [--admin-bind 127.0.0.1]
                     [--grace SECONDS] [--max-per-address N] [--reader-batch-ms MS]""";

    private OriginArgs() {}

    static OriginConfig parse(String[] args) {
        OriginConfig c = OriginConfig.defaults();
        int target = c.targetDurationSeconds();
        int window = c.windowSegments();
        double part = c.partTargetSeconds();
        OriginConfig.Security s = c.security();
        OriginConfig.Limits l = c.limits();
        Map<String, String> secrets = new LinkedHashMap<>();
        byte[] publishKey = null;
        byte[] playKey = null;
        URI onPublish = null;
        int adminPort = s.adminPort();
        OriginConfig.Output output = c.output();
        String adminBind = s.adminBind();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--rtmp-port" -> c = c.withBind(c.bindAddress(), Integer.parseInt(v), c.httpPort());
                    case "--http-port" -> c = c.withBind(c.bindAddress(), c.rtmpPort(), Integer.parseInt(v));
                    case "--bind" -> c = c.withBind(v, c.rtmpPort(), c.httpPort());
                    case "--keys" -> c = c.withAllowedKeys(new HashSet<>(Arrays.asList(v.split(","))));
                    case "--target-duration" -> target = Integer.parseInt(v);
                    case "--window" -> window = Integer.parseInt(v);
                    case "--part" -> part = Double.parseDouble(v);
                    case "--record" -> c = c.withRecordDirectory(Path.of(v));
                    case "--segments" -> output = new OriginConfig.Output(switch (v) {
                        case "fmp4" -> OriginConfig.SegmentFormat.FMP4;
                        case "ts" -> OriginConfig.SegmentFormat.TS;
                        default -> throw new IllegalArgumentException("--segments is fmp4 or ts, not " + v);
                    }, output.recordFlv(), output.recordMp4());
                    case "--record-formats" -> {
                        java.util.List<String> f = Arrays.asList(v.split(","));
                        if (f.isEmpty() || !java.util.Set.of("mp4", "flv").containsAll(f)) {
                            throw new IllegalArgumentException("--record-formats takes mp4 and/or flv, not " + v);
                        }
                        output = new OriginConfig.Output(output.segments(), f.contains("flv"), f.contains("mp4"));
                    }
                    case "--stream" -> {
                        for (String pair : v.split(",")) {
                            int eq = pair.indexOf('=');
                            if (eq <= 0 || eq == pair.length() - 1) {
                                throw new IllegalArgumentException("--stream wants name=secret, got a value without '='");
                            }
                            secrets.put(pair.substring(0, eq), pair.substring(eq + 1));
                        }
                    }
                    case "--publish-secret" -> publishKey = v.getBytes(StandardCharsets.UTF_8);
                    case "--play-secret" -> playKey = v.getBytes(StandardCharsets.UTF_8);
                    case "--on-publish" -> onPublish = URI.create(v);
                    case "--admin-port" -> adminPort = Integer.parseInt(v);
                    case "--admin-bind" -> adminBind = v;
                    case "--grace" -> l = l.withPublisherTimes(l.publisherIdleMillis(), Math.round(Double.parseDouble(v) * 1000));
                    case "--max-per-address" -> l = l.withMaxConnectionsPerAddress(Integer.parseInt(v));
                    case "--reader-batch-ms" -> l = l.withReaderBatchMillis(Long.parseLong(v));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number for " + a + ": " + v);
            }
        }
        return c.withSegments(target, window, part).withLimits(l).withOutput(output).withSecurity(new OriginConfig.Security(secrets,
                publishKey, onPublish, s.callbackTimeoutMillis(), playKey, adminPort, adminBind));
    }
}
