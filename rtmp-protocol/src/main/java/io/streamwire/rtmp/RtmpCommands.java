package io.streamwire.rtmp;

import io.streamwire.amf.Amf0Boolean;
import io.streamwire.amf.Amf0Command;
import io.streamwire.amf.Amf0Value;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps {@link Amf0Command}s onto {@link RtmpCommand} records. Stateless and thread-safe. */
final class RtmpCommands {
    private RtmpCommands() {}

    static RtmpCommand typed(Amf0Command c, long offset) {
        double tid = c.transactionId();
        return switch (c.name()) {
            case "connect" -> {
                Amf0Value o = c.commandObject();
                Amf0Value enc = property(o, "objectEncoding");
                Amf0Value fourCc = property(o, "fourCcList");
                yield new RtmpCommand.Connect(tid, str(o, "app"), str(o, "flashVer"), str(o, "tcUrl"),
                        enc == null || Double.isNaN(enc.asNumber()) ? 0 : enc.asNumber(),
                        fourCc == null ? java.util.List.of() : strings(fourCc), o, c.arguments());
            }
            case "_result", "_error" -> new RtmpCommand.Result(c.name().equals("_error"), tid, c.commandObject(), c.arguments());
            case "createStream" -> new RtmpCommand.CreateStream(tid);
            case "releaseStream", "FCPublish", "FCUnpublish", "FCSubscribe", "getStreamLength" ->
                    new RtmpCommand.StreamNameCommand(c.name(), tid, argString(c, 0, offset));
            case "publish" -> new RtmpCommand.Publish(tid, argString(c, 0, offset),
                    c.argument(1) != null && c.argument(1).asString() != null ? c.argument(1).asString() : "live");
            case "play" -> new RtmpCommand.Play(tid, argString(c, 0, offset), num(c, 1, -2), num(c, 2, -1),
                    !(c.argument(3) instanceof Amf0Boolean b) || b.value());
            case "deleteStream" -> new RtmpCommand.DeleteStream(tid, num(c, 0, 0));
            case "closeStream" -> new RtmpCommand.CloseStream(tid);
            case "onBWDone" -> new RtmpCommand.OnBwDone(tid);
            case "onStatus" -> {
                Amf0Value info = c.argument(0) != null ? c.argument(0) : c.commandObject();
                yield new RtmpCommand.OnStatus(tid, str(info, "level"), str(info, "code"), str(info, "description"), info);
            }
            default -> new RtmpCommand.Unknown(c);
        };
    }

    private static String str(Amf0Value object, String name) {
        Amf0Value v = property(object, name);
        return v == null ? null : v.asString();
    }

    private static String argString(Amf0Command c, int i, long offset) {
        Amf0Value v = c.argument(i);
        if (v == null || v.asString() == null) {
            throw new RtmpException("command " + c.name() + " argument " + i, "must be a string, got " + v, offset,
                    "RTMP 1.0 §7.2");
        }
        return v.asString();
    }

    private static double num(Amf0Command c, int i, double absent) {
        Amf0Value v = c.argument(i);
        return v == null || Double.isNaN(v.asNumber()) ? absent : v.asNumber();
    }

    /** Strings of a strict array, skipping other values. */
    static java.util.List<String> strings(Amf0Value value) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (value instanceof io.streamwire.amf.Amf0StrictArray a) {
            for (Amf0Value v : a.values()) {
                if (v.asString() != null) {
                    out.add(v.asString());
                }
            }
        }
        return out;
    }

    /** A property of an object-like value, or null. */
    static Amf0Value property(Amf0Value value, String name) {
        return value == null ? null : value.asProperties().get(name);
    }

    static Map<String, String> query(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        int q = name.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : name.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return out;
    }
}
