package io.streamwire.rtmp;

import io.streamwire.amf.Amf0Boolean;
import io.streamwire.amf.Amf0Command;
import io.streamwire.amf.Amf0Value;
import io.streamwire.amf.Amf0Token;
import io.streamwire.amf.Amf0TokenReader;
import io.streamwire.amf.AmfLimits;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps {@link Amf0Command}s onto {@link RtmpCommand} records. Stateless and thread-safe. */
final class RtmpCommands {
    private RtmpCommands() {}

    static RtmpCommand typed(Amf0Command c, long offset) {
        return typed(c, offset, null);
    }

    /**
     * As {@link #typed(Amf0Command, long)}; {@code body} (the command's AMF0 bytes, position at
     * stream offset {@code offset}, or null) lets an error name the offset of the argument at fault.
     */
    static RtmpCommand typed(Amf0Command c, long offset, ByteBuffer body) {
        java.util.function.IntToLongFunction argumentOffset = i -> body == null ? offset : argumentOffset(body, offset, i);
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
                    new RtmpCommand.StreamNameCommand(c.name(), tid, argString(c, 0, argumentOffset));
            case "publish" -> new RtmpCommand.Publish(tid, argString(c, 0, argumentOffset),
                    c.argument(1) != null && c.argument(1).asString() != null ? c.argument(1).asString() : "live");
            case "play" -> new RtmpCommand.Play(tid, argString(c, 0, argumentOffset), num(c, 1, -2), num(c, 2, -1),
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

    /**
     * The commands without a command object (publish, play, createStream, deleteStream, closeStream,
     * releaseStream, FCPublish, FCUnpublish, getStreamLength) read straight off the token reader,
     * without building value trees; null when the body is anything else (the caller then takes the
     * general path, which also produces the errors).
     */
    static RtmpCommand fast(ByteBuffer body, AmfLimits limits) {
        return fast(body, 0, limits);
    }

    /** As {@link #fast(ByteBuffer, AmfLimits)}; {@code offset} is the stream offset of the body's position. */
    static RtmpCommand fast(ByteBuffer body, long offset, AmfLimits limits) {
        Amf0TokenReader r = new Amf0TokenReader(limits).reset(body);
        try {
            if (r.next() != Amf0Token.STRING) {
                return null;
            }
            if (r.stringEquals("connect")) {
                return fastConnect(r, body, offset, limits);
            }
            int kind = r.stringEquals("publish") ? 1 : r.stringEquals("play") ? 2 : r.stringEquals("createStream") ? 3
                    : r.stringEquals("deleteStream") ? 4 : r.stringEquals("closeStream") ? 5
                    : r.stringEquals("releaseStream") || r.stringEquals("FCPublish") || r.stringEquals("FCUnpublish")
                            || r.stringEquals("getStreamLength") ? 6 : 0;
            String name = kind == 6 ? r.string() : null;
            if (kind == 0 || !r.hasRemaining() || r.next() != Amf0Token.NUMBER) {
                return null;
            }
            double tid = r.number();
            if (r.hasRemaining() && r.next() != Amf0Token.NULL) {
                return null;
            }
            RtmpCommand c = switch (kind) {
                case 1 -> {
                    String publishing = nextString(r);
                    String type = r.hasRemaining() ? nextString(r) : "live";
                    yield publishing == null || type == null ? null : new RtmpCommand.Publish(tid, publishing, type);
                }
                case 2 -> {
                    String stream = nextString(r);
                    double start = r.hasRemaining() ? nextNumber(r) : -2;
                    double duration = r.hasRemaining() ? nextNumber(r) : -1;
                    boolean reset = true;
                    if (r.hasRemaining()) {
                        if (r.next() != Amf0Token.BOOLEAN) {
                            yield null;
                        }
                        reset = r.bool();
                    }
                    yield stream == null || Double.isNaN(start) || Double.isNaN(duration) ? null
                            : new RtmpCommand.Play(tid, stream, start, duration, reset);
                }
                case 3 -> new RtmpCommand.CreateStream(tid);
                case 4 -> {
                    double id = r.hasRemaining() ? nextNumber(r) : 0;
                    yield Double.isNaN(id) ? null : new RtmpCommand.DeleteStream(tid, id);
                }
                case 5 -> new RtmpCommand.CloseStream(tid);
                default -> {
                    String stream = nextString(r);
                    yield stream == null ? null : new RtmpCommand.StreamNameCommand(name, tid, stream);
                }
            };
            return c == null || r.hasRemaining() ? null : c;
        } catch (io.streamwire.core.StreamwireException malformed) { // the tree path reports it
            return null;
        }
    }

    /**
     * connect: the typed fields off the tokens; the command object kept as bytes, its tree built on
     * demand. A repeated property name is tolerated here (last value wins) where flv's tree rejects it.
     */
    private static RtmpCommand fastConnect(Amf0TokenReader r, ByteBuffer body, long offset, AmfLimits limits) {
        if (!r.hasRemaining() || r.next() != Amf0Token.NUMBER) {
            return null;
        }
        double tid = r.number();
        if (!r.hasRemaining() || r.next() != Amf0Token.OBJECT_START) {
            return null;
        }
        long objectOffset = offset + r.tokenOffset();
        int objectStart = body.position() + (int) r.tokenOffset();
        String app = null;
        String flashVer = null;
        String tcUrl = null;
        double objectEncoding = 0;
        java.util.List<String> fourCc = java.util.List.of();
        while (true) {
            Amf0Token t = r.next();
            if (t == Amf0Token.OBJECT_END && r.depth() == 0) {
                break;
            }
            if (t != Amf0Token.PROPERTY_NAME) {
                return null;
            }
            int field = r.stringEquals("app") ? 1 : r.stringEquals("flashVer") ? 2 : r.stringEquals("tcUrl") ? 3
                    : r.stringEquals("objectEncoding") ? 4 : r.stringEquals("fourCcList") ? 5 : 0;
            if (field == 0) {
                r.skipValue();
                continue;
            }
            Amf0Token v = r.next();
            switch (field) {
                case 1, 2, 3 -> {
                    if (v != Amf0Token.STRING) {
                        return null;
                    }
                    String value = r.string();
                    if (field == 1) {
                        app = value;
                    } else if (field == 2) {
                        flashVer = value;
                    } else {
                        tcUrl = value;
                    }
                }
                case 4 -> {
                    if (v != Amf0Token.NUMBER) {
                        return null;
                    }
                    objectEncoding = Double.isNaN(r.number()) ? 0 : r.number();
                }
                default -> {
                    if (v != Amf0Token.STRICT_ARRAY_START) {
                        return null;
                    }
                    java.util.List<String> list = new java.util.ArrayList<>();
                    for (Amf0Token e = r.next(); e != Amf0Token.STRICT_ARRAY_END; e = r.next()) {
                        if (e != Amf0Token.STRING) {
                            return null;
                        }
                        list.add(r.string());
                    }
                    fourCc = list;
                }
            }
        }
        if (r.hasRemaining()) {
            return null; // optional arguments: the general path keeps them
        }
        byte[] object = new byte[r.position() - objectStart];
        body.get(objectStart, object);
        return new RtmpCommand.Connect(tid, app, flashVer, tcUrl, objectEncoding, fourCc, null, object, objectOffset,
                limits, java.util.List.of());
    }

    private static String nextString(Amf0TokenReader r) {
        return r.hasRemaining() && r.next() == Amf0Token.STRING ? r.string() : null;
    }

    private static double nextNumber(Amf0TokenReader r) {
        return r.hasRemaining() && r.next() == Amf0Token.NUMBER ? r.number() : Double.NaN;
    }

    private static String str(Amf0Value object, String name) {
        Amf0Value v = property(object, name);
        return v == null ? null : v.asString();
    }

    private static String argString(Amf0Command c, int i, java.util.function.IntToLongFunction offset) {
        Amf0Value v = c.argument(i);
        if (v == null || v.asString() == null) {
            throw new RtmpException("command " + c.name() + " argument " + i, "must be a string, got " + v,
                    offset.applyAsLong(i), "RTMP 1.0 §7.2");
        }
        return v.asString();
    }

    /**
     * Stream offset of optional argument {@code index} of a command body (after the name, the
     * transaction id and the command object), or of the body's end when there are fewer arguments.
     * Called on a body that parsed; should the walk fail all the same (limits tighter than the
     * parse's), the body's own offset is the answer.
     */
    static long argumentOffset(ByteBuffer body, long offset, int index) {
        Amf0TokenReader r = new Amf0TokenReader(AmfLimits.defaults()).reset(body, offset);
        try {
            for (int k = 0; k < 3 + index && r.hasRemaining(); k++) {
                r.skipValue();
            }
            return r.offset();
        } catch (io.streamwire.core.StreamwireException e) {
            return offset;
        }
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
