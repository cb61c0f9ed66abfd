package io.streamwire.examples.origin;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Structured log lines through {@link System.Logger} (logger {@code io.streamwire.examples.origin}):
 * {@code event=publish stream=cam1 addr=10.0.0.5 ...}, one line per connect, publish, reject (with
 * its reason), disconnect and error, so that they can be grepped or shipped as they are. Values with
 * spaces are quoted. Secrets are never logged: callers pass playback names and reasons only.
 */
final class OriginLog {
    private static final Logger LOG = System.getLogger("io.streamwire.examples.origin");

    private OriginLog() {}

    static void info(String event, Object... keyValues) {
        log(Level.INFO, event, keyValues);
    }

    static void warn(String event, Object... keyValues) {
        log(Level.WARNING, event, keyValues);
    }

    private static void log(Level level, String event, Object... keyValues) {
        if (!LOG.isLoggable(level)) {
            return;
        }
        LOG.log(level, line(event, keyValues));
    }

    /** {@code event=<event> k1=v1 k2="v 2"}. */
    static String line(String event, Object... keyValues) {
        StringBuilder sb = new StringBuilder(64).append("event=").append(event);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            sb.append(' ').append(keyValues[i]).append('=');
            String v = String.valueOf(keyValues[i + 1]);
            if (v.isEmpty() || v.indexOf(' ') >= 0 || v.indexOf('"') >= 0 || v.indexOf('=') >= 0) {
                sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }
}
