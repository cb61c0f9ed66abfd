package io.streamwire.amf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An RTMP command message body in AMF0 (message type 20): command name, transaction id, command
 * object, then optional arguments. Adobe RTMP specification (2012) §7.1.1 and §7.2; values per
 * AMF0 §2.
 *
 * <pre>
 * string "connect" | number 1 | object {app, tcUrl, ...} | [argument ...]
 * </pre>
 *
 * @param name the command name, e.g. "connect", "createStream", "publish", "_result", "onStatus"
 * @param transactionId the transaction id (0 for commands that expect no reply)
 * @param commandObject the command object, {@link Amf0Null} when the command has none
 * @param arguments the optional arguments that follow (unmodifiable copy)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record Amf0Command(String name, double transactionId, Amf0Value commandObject, List<Amf0Value> arguments) {
    private static final String SPEC = "RTMP §7.2";

    /** Checks for null and copies the arguments. */
    public Amf0Command {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commandObject, "commandObject");
        arguments = List.copyOf(arguments);
    }

    /** A command with arguments given inline. */
    public static Amf0Command of(String name, double transactionId, Amf0Value commandObject, Amf0Value... arguments) {
        return new Amf0Command(name, transactionId, commandObject, List.of(arguments));
    }

    /** Argument {@code i}, or null when absent. */
    public Amf0Value argument(int i) {
        return i < arguments.size() ? arguments.get(i) : null;
    }

    /**
     * Parses a command from the buffer's position to its limit and moves the position to the
     * limit. A missing command object (a body that stops after the transaction id) reads as
     * {@link Amf0Null}.
     *
     * @throws AmfException if the first value is not a string (field "amf0 string"), the second
     *     is not a number (field "amf0 number"), or a value is malformed (position unchanged)
     * @throws io.streamwire.core.StreamwireException (module "amf") for a value cut short or past a
     *     limit (position unchanged)
     */
    public static Amf0Command parse(ByteBuffer in) {
        return parse(in, AmfLimits.defaults());
    }

    /** As {@link #parse(ByteBuffer)}, with limits. */
    public static Amf0Command parse(ByteBuffer in, AmfLimits limits) {
        Amf0Command fast = Amf0TreeReader.readCommand(in, limits);
        if (fast != null) {
            return fast;
        }
        Amf0TokenReader reader = new Amf0TokenReader(limits).reset(in);
        String name = reader.readString();
        double transactionId = reader.readNumber();
        Amf0Value commandObject = reader.hasRemaining() ? reader.readValue() : Amf0Null.INSTANCE;
        List<Amf0Value> arguments = new ArrayList<>();
        while (reader.hasRemaining()) {
            arguments.add(reader.readValue());
        }
        in.position(reader.position());
        return new Amf0Command(name, transactionId, commandObject, arguments);
    }

    /** Bytes {@link #writeTo} writes. */
    public int encodedSize() {
        return Amf0Writer.encodedSize(values());
    }

    /** Writes the command at the buffer's position with a fresh reference table and moves the position. */
    public void writeTo(ByteBuffer out) {
        new Amf0Writer().writeValues(out, values());
    }

    /** The encoded body in a new array. */
    public byte[] toByteArray() {
        return Amf0Writer.encode(values());
    }

    private List<Amf0Value> values() {
        List<Amf0Value> values = new ArrayList<>(arguments.size() + 3);
        values.add(new Amf0String(name));
        values.add(new Amf0Number(transactionId));
        values.add(commandObject);
        values.addAll(arguments);
        return values;
    }
}
