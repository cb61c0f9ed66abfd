package io.streamwire.rtmp;

import io.streamwire.amf.Amf0Command;
import io.streamwire.amf.Amf0Null;
import io.streamwire.amf.Amf0Value;
import io.streamwire.amf.AmfLimits;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command messages real peers send (ffmpeg, OBS, Flash Player, FMS, nginx-rtmp), typed: Adobe
 * RTMP Specification 1.0 §7.2 (NetConnection and NetStream commands), plus the de-facto
 * releaseStream/FCPublish/FCUnpublish/getStreamLength/onBWDone and the Enhanced RTMP (v1/v2)
 * connect fields ({@code fourCcList}). Any other command is {@link Unknown} and keeps its AMF0 body.
 *
 * <p>{@link #parse} reads an AMF0 command body (type 20) or an AMF3 one (type 17, whose leading 0x00
 * format byte is skipped; the rest is AMF0 as FMS and Flash send it). {@link #toAmf0()} gives the body
 * back for sending.
 *
 * <p>Implementations are immutable and thread-safe records.
 *
 * @since 0.1.0
 */
public sealed interface RtmpCommand {
    /** The transaction id; 0 for commands that expect no answer. */
    double transactionId();

    /** The command as an AMF0 command body. */
    Amf0Command toAmf0();

    /**
     * connect, §7.2.1.1: the typed fields real clients send, and the whole command object.
     *
     * <p>Immutable and thread-safe (the command object tree is built at most once per thread race,
     * always to an equal value).
     */
    final class Connect implements RtmpCommand {
        private final double transactionId;
        private final String app;
        private final String flashVer;
        private final String tcUrl;
        private final double objectEncoding;
        private final List<String> fourCcList;
        private final List<Amf0Value> arguments;
        private final byte[] commandObjectBytes;
        /** Stream offset of {@link #commandObjectBytes}, for errors. */
        private final long commandObjectOffset;
        /** The limits the connect was parsed with, applied again when the tree is built. */
        private final AmfLimits limits;
        private volatile Amf0Value commandObject;

        /** A connect with these fields; {@code commandObject} should agree with them. */
        public Connect(double transactionId, String app, String flashVer, String tcUrl, double objectEncoding,
                List<String> fourCcList, Amf0Value commandObject, List<Amf0Value> arguments) {
            this(transactionId, app, flashVer, tcUrl, objectEncoding, fourCcList,
                    java.util.Objects.requireNonNull(commandObject, "commandObject"), null, 0, AmfLimits.defaults(),
                    arguments);
        }

        Connect(double transactionId, String app, String flashVer, String tcUrl, double objectEncoding,
                List<String> fourCcList, Amf0Value commandObject, byte[] commandObjectBytes, long commandObjectOffset,
                AmfLimits limits, List<Amf0Value> arguments) {
            this.transactionId = transactionId;
            this.app = app;
            this.flashVer = flashVer;
            this.tcUrl = tcUrl;
            this.objectEncoding = objectEncoding;
            this.fourCcList = List.copyOf(fourCcList);
            this.arguments = List.copyOf(arguments);
            this.commandObject = commandObject;
            this.commandObjectBytes = commandObjectBytes;
            this.commandObjectOffset = commandObjectOffset;
            this.limits = limits;
        }

        /** A connect as ffmpeg sends it. */
        public static Connect of(String app, String tcUrl) {
            Map<String, Amf0Value> o = new LinkedHashMap<>();
            o.put("app", Amf0Value.of(app));
            o.put("type", Amf0Value.of("nonprivate"));
            o.put("flashVer", Amf0Value.of("FMLE/3.0 (compatible; Streamwire)"));
            o.put("tcUrl", Amf0Value.of(tcUrl));
            return new Connect(1, app, "FMLE/3.0 (compatible; Streamwire)", tcUrl, 0, List.of(), Amf0Value.object(o), List.of());
        }

        @Override
        public double transactionId() {
            return transactionId;
        }

        /** The command object's {@code app}: the server application, e.g. "live" (null if absent). */
        public String app() {
            return app;
        }

        /** {@code flashVer}, e.g. "FMLE/3.0 (compatible; Lavf59.27.100)" (null if absent). */
        public String flashVer() {
            return flashVer;
        }

        /** {@code tcUrl}, the server URL the client connected to (null if absent). */
        public String tcUrl() {
            return tcUrl;
        }

        /** {@code objectEncoding}: 0 (AMF0) or 3 (AMF3); 0 when absent. */
        public double objectEncoding() {
            return objectEncoding;
        }

        /** Enhanced RTMP's {@code fourCcList}: codecs the client supports, e.g. "hvc1"; empty if absent. */
        public List<String> fourCcList() {
            return fourCcList;
        }

        /**
         * The whole command object, for the fields not typed here (capsEx, swfUrl, pageUrl, …). When
         * the connect was parsed, the tree is built on the first call (the typed fields above never
         * need it, and the sessions never call this).
         *
         * @throws RtmpException when the parsed object cannot be a tree: flv's value tree rejects a
         *     property name repeated within one object, which the typed fields above tolerate (the
         *     last value wins). Its field names the AMF element ({@code "connect command object amf0
         *     property name"}) and its offset is that of the repeated name in the stream the command
         *     was parsed from (counted as for the message the session received it in), the AMF
         *     module's exception being the cause.
         */
        public Amf0Value commandObject() {
            Amf0Value value = commandObject;
            if (value == null) {
                try {
                    value = io.streamwire.amf.Amf0Reader.readValue(ByteBuffer.wrap(commandObjectBytes), limits);
                } catch (StreamwireException e) {
                    throw RtmpException.fromAmf("connect command object", "cannot be a value tree", e,
                            commandObjectOffset, "RTMP 1.0 §7.2.1.1");
                }
                commandObject = value;
            }
            return value;
        }

        /** Optional user arguments after the command object. */
        public List<Amf0Value> arguments() {
            return arguments;
        }

        @Override
        public Amf0Command toAmf0() {
            return new Amf0Command("connect", transactionId, commandObject(), arguments);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Connect c && Double.compare(c.transactionId, transactionId) == 0
                    && java.util.Objects.equals(c.app, app) && java.util.Objects.equals(c.flashVer, flashVer)
                    && java.util.Objects.equals(c.tcUrl, tcUrl) && Double.compare(c.objectEncoding, objectEncoding) == 0
                    && c.fourCcList.equals(fourCcList) && c.arguments.equals(arguments)
                    && c.commandObject().equals(commandObject());
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(transactionId, app, flashVer, tcUrl, objectEncoding, fourCcList, arguments);
        }

        @Override
        public String toString() {
            return "Connect[transactionId=" + transactionId + ", app=" + app + ", flashVer=" + flashVer + ", tcUrl="
                    + tcUrl + ", objectEncoding=" + objectEncoding + ", fourCcList=" + fourCcList + ", arguments="
                    + arguments + "]";
        }
    }

    /**
     * _result or _error, §7.2.1.2-3: the answer to the command with the same transaction id.
     *
     * @param error true for _error
     * @param transactionId the transaction id of the command answered
     * @param commandObject connect's properties (fmsVer, capabilities), else null
     * @param arguments the information object (connect) or the stream id (createStream), and any more
     */
    record Result(boolean error, double transactionId, Amf0Value commandObject, List<Amf0Value> arguments) implements RtmpCommand {
        public Result {
            arguments = List.copyOf(arguments);
        }

        /** The first argument (connect's information object, createStream's stream id), or null. */
        public Amf0Value info() {
            return arguments.isEmpty() ? null : arguments.get(0);
        }

        @Override
        public Amf0Command toAmf0() {
            return new Amf0Command(error ? "_error" : "_result", transactionId, commandObject, arguments);
        }
    }

    /**
     * createStream, §7.2.1.3.
     *
     * @param transactionId transaction id the _result answers
     */
    record CreateStream(double transactionId) implements RtmpCommand {
        @Override
        public Amf0Command toAmf0() {
            return Amf0Command.of("createStream", transactionId, Amf0Null.INSTANCE);
        }
    }

    /**
     * A command whose only argument is a stream name: releaseStream, FCPublish, FCUnpublish,
     * FCSubscribe, getStreamLength (the Flash Media Live Encoder family).
     */
    record StreamNameCommand(String name, double transactionId, String streamName) implements RtmpCommand {
        public static final List<String> NAMES = List.of("releaseStream", "FCPublish", "FCUnpublish", "FCSubscribe", "getStreamLength");

        @Override
        public Amf0Command toAmf0() {
            return Amf0Command.of(name, transactionId, Amf0Null.INSTANCE, Amf0Value.of(streamName));
        }
    }

    /**
     * publish, §7.2.2.6.
     *
     * @param transactionId transaction id (0 as ffmpeg and OBS send it)
     * @param publishingName the stream name, often {@code key?param=value}
     * @param publishingType "live", "record" or "append" ("live" when absent)
     */
    record Publish(double transactionId, String publishingName, String publishingType) implements RtmpCommand {
        /** The name before any {@code ?}: the stream key. */
        public String streamKey() {
            int q = publishingName.indexOf('?');
            return q < 0 ? publishingName : publishingName.substring(0, q);
        }

        /** The {@code key=value} pairs after {@code ?} (not URL-decoded), in order. */
        public Map<String, String> queryParameters() {
            return RtmpCommands.query(publishingName);
        }

        @Override
        public Amf0Command toAmf0() {
            return Amf0Command.of("publish", transactionId, Amf0Null.INSTANCE, Amf0Value.of(publishingName),
                    Amf0Value.of(publishingType));
        }
    }

    /**
     * play, §7.2.2.1.
     *
     * @param transactionId transaction id
     * @param streamName the stream to play
     * @param start -2 (live, else recorded; the default), -1 (live only), or a start time in seconds
     * @param duration -1 (to the end; the default), 0 (one frame) or seconds
     * @param reset whether to flush a previous playlist (default true)
     */
    record Play(double transactionId, String streamName, double start, double duration, boolean reset) implements RtmpCommand {
        /** The name before any {@code ?}. */
        public String streamKey() {
            int q = streamName.indexOf('?');
            return q < 0 ? streamName : streamName.substring(0, q);
        }

        @Override
        public Amf0Command toAmf0() {
            return Amf0Command.of("play", transactionId, Amf0Null.INSTANCE, Amf0Value.of(streamName), Amf0Value.of(start));
        }
    }

    /**
     * deleteStream, §7.2.2.3.
     *
     * @param transactionId transaction id
     * @param streamId the message stream id to delete
     */
    record DeleteStream(double transactionId, double streamId) implements RtmpCommand {
        @Override
        public Amf0Command toAmf0() {
            return Amf0Command.of("deleteStream", transactionId, Amf0Null.INSTANCE, Amf0Value.of(streamId));
        }
    }

    /** closeStream (sent on the stream being closed). */
    record CloseStream(double transactionId) implements RtmpCommand {
        @Override
        public Amf0Command toAmf0() {
            return Amf0Command.of("closeStream", transactionId, Amf0Null.INSTANCE);
        }
    }

    /**
     * onStatus, §7.2.2.
     *
     * @param transactionId transaction id (0)
     * @param level the info object's {@code level}: "status", "warning" or "error" (null if absent)
     * @param code its {@code code}, e.g. "NetStream.Publish.Start" (null if absent)
     * @param description its {@code description} (null if absent)
     * @param info the whole info object
     */
    record OnStatus(double transactionId, String level, String code, String description, Amf0Value info) implements RtmpCommand {
        /** An onStatus with level, code and description (and nothing else). */
        public static OnStatus of(String level, String code, String description) {
            Map<String, Amf0Value> o = new LinkedHashMap<>();
            o.put("level", Amf0Value.of(level));
            o.put("code", Amf0Value.of(code));
            o.put("description", Amf0Value.of(description));
            return new OnStatus(0, level, code, description, Amf0Value.object(o));
        }

        @Override
        public Amf0Command toAmf0() {
            return Amf0Command.of("onStatus", transactionId, Amf0Null.INSTANCE, info);
        }
    }

    /** onBWDone (FMS's bandwidth check result, which some clients wait for). */
    record OnBwDone(double transactionId) implements RtmpCommand {
        @Override
        public Amf0Command toAmf0() {
            return Amf0Command.of("onBWDone", transactionId, Amf0Null.INSTANCE);
        }
    }

    /** Any other command, raw. */
    record Unknown(Amf0Command command) implements RtmpCommand {
        @Override
        public double transactionId() {
            return command.transactionId();
        }

        @Override
        public Amf0Command toAmf0() {
            return command;
        }
    }

    /**
     * Parses a command message body (position to limit; the position does not move).
     *
     * @param messageTypeId 20 (AMF0) or 17 (AMF3)
     * @param offset stream offset of the body, for errors
     * @throws RtmpException for malformed AMF (the AMF module's exception is the cause) or a typed
     *     command missing a required argument
     * @throws io.streamwire.core.LimitExceededException (module "rtmp") past an AMF limit
     */
    static RtmpCommand parse(int messageTypeId, ByteBuffer body, long offset, AmfLimits limits) {
        ByteBuffer in = body.duplicate();
        if (messageTypeId == MessageType.COMMAND_AMF3 && in.hasRemaining() && in.get(in.position()) == 0) {
            in.position(in.position() + 1);
        }
        long amf0Offset = offset + (in.position() - body.position()); // past the AMF3 format byte
        RtmpCommand fast = RtmpCommands.fast(in, amf0Offset, limits);
        if (fast != null) {
            return fast;
        }
        ByteBuffer amf0 = in.duplicate();
        Amf0Command c;
        try {
            c = Amf0Command.parse(in, limits);
        } catch (StreamwireException e) {
            throw RtmpException.fromAmf("command", "is malformed", e, amf0Offset, "RTMP 1.0 §7.1.1");
        }
        return RtmpCommands.typed(c, amf0Offset, amf0);
    }

    /** As {@link #parse(int, ByteBuffer, long, AmfLimits)} with default AMF limits. */
    static RtmpCommand parse(int messageTypeId, ByteBuffer body) {
        return parse(messageTypeId, body, 0, AmfLimits.defaults());
    }
}
