package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Event message box {@code emsg}, ISO/IEC 23009-1:2022 §5.10.3.3 (carried in CMAF segments, ISO/IEC
 * 23000-19 §7.4.5; ID3 with scheme {@code https://aomedia.org/emsg/ID3}, SCTE-35 with
 * {@code urn:scte:scte35:2013:bin}), a full box of version 0 or 1:
 * <pre>
 * version 0: string scheme_id_uri; string value; unsigned int(32) timescale;
 *            unsigned int(32) presentation_time_delta; unsigned int(32) event_duration; unsigned int(32) id;
 * version 1: unsigned int(32) timescale; unsigned int(64) presentation_time; unsigned int(32) event_duration;
 *            unsigned int(32) id; string scheme_id_uri; string value;
 * unsigned int(8) message_data[];   // to the end of the box
 * </pre>
 *
 * @param version 0 or 1
 * @param flags 24 bits, 0
 * @param schemeIdUri scheme_id_uri
 * @param value value
 * @param timescale ticks per second of the times below
 * @param presentationTime version 1: presentation_time; version 0: presentation_time_delta (from the segment's earliest presentation time)
 * @param eventDuration event_duration, 0xFFFFFFFF unknown
 * @param id id
 * @param messageData message_data (read-only)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record EventMessageBox(int version, int flags, String schemeIdUri, String value, long timescale, long presentationTime,
        long eventDuration, long id, ByteBuffer messageData) implements Box {
    /** Checks the components; keeps a read-only view of the data. */
    public EventMessageBox {
        Boxes.checkVersionFlags(version, 1, flags);
        Boxes.checkNoNul("schemeIdUri", schemeIdUri);
        Boxes.checkNoNul("value", value);
        Objects.requireNonNull(schemeIdUri, "schemeIdUri");
        Objects.requireNonNull(value, "value");
        Boxes.checkU32("timescale", timescale);
        Boxes.checkU32("event_duration", eventDuration);
        Boxes.checkU32("id", id);
        if (version == 0) {
            Boxes.checkU32("presentation_time_delta", presentationTime);
        }
        messageData = messageData.slice().asReadOnlyBuffer();
    }

    @Override
    public BoxType type() {
        return BoxType.EMSG;
    }

    static EventMessageBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version > 1) {
            return null;
        }
        if (version == 0) {
            String scheme = p.utf8z("scheme_id_uri");
            String value = p.utf8z("value");
            return new EventMessageBox(version, flags, scheme, value, p.u32("timescale"), p.u32("presentation_time_delta"),
                    p.u32("event_duration"), p.u32("id"), p.rest());
        }
        long timescale = p.u32("timescale");
        long time = p.i64("presentation_time");
        long duration = p.u32("event_duration");
        long id = p.u32("id");
        return new EventMessageBox(version, flags, p.utf8z("scheme_id_uri"), p.utf8z("value"), timescale, time, duration, id,
                p.rest());
    }

    @Override
    public int payloadSize() {
        return 4 + 16 + (version == 1 ? 4 : 0) + schemeIdUri.getBytes(StandardCharsets.UTF_8).length + 1
                + value.getBytes(StandardCharsets.UTF_8).length + 1 + messageData.remaining();
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        if (version == 0) {
            putString(out, schemeIdUri);
            putString(out, value);
            BigEndian.putIntRelative(out, (int) timescale);
            BigEndian.putIntRelative(out, (int) presentationTime);
        } else {
            BigEndian.putIntRelative(out, (int) timescale);
            BigEndian.putLongRelative(out, presentationTime);
        }
        BigEndian.putIntRelative(out, (int) eventDuration);
        BigEndian.putIntRelative(out, (int) id);
        if (version == 1) {
            putString(out, schemeIdUri);
            putString(out, value);
        }
        out.put(messageData.duplicate());
    }

    private static void putString(ByteBuffer out, String s) {
        out.put(s.getBytes(StandardCharsets.UTF_8)).put((byte) 0);
    }
}
