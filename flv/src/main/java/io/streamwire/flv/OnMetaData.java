package io.streamwire.flv;

import io.streamwire.amf.Amf0Boolean;
import io.streamwire.amf.Amf0EcmaArray;
import io.streamwire.amf.Amf0Number;
import io.streamwire.amf.Amf0Object;
import io.streamwire.amf.Amf0StrictArray;
import io.streamwire.amf.Amf0String;
import io.streamwire.amf.Amf0Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A typed view of the onMetaData argument: Adobe FLV/F4V v10.1 §E.5 "onMetaData" and Enhanced
 * RTMP v2 "Enhancing onMetaData" (codec ids as FourCC). Every property is kept, known or not, in
 * wire order; the accessors read the well-known ones.
 *
 * @param properties all properties in order (unmodifiable)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record OnMetaData(Map<String, Amf0Value> properties) {
    /** Copies the properties, keeping their order. */
    public OnMetaData {
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * The metadata of an ECMA array or object value (the argument of onMetaData); other values give
     * empty metadata.
     */
    public static OnMetaData from(Amf0Value value) {
        return new OnMetaData(value.asProperties());
    }

    /** A copy with one property set (added at the end if new). */
    public OnMetaData with(String key, Amf0Value value) {
        Map<String, Amf0Value> copy = new LinkedHashMap<>(properties);
        copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        return new OnMetaData(copy);
    }

    /** A copy with one number property set. */
    public OnMetaData with(String key, double value) {
        return with(key, new Amf0Number(value));
    }

    /** A copy without a property. */
    public OnMetaData without(String key) {
        Map<String, Amf0Value> copy = new LinkedHashMap<>(properties);
        copy.remove(key);
        return new OnMetaData(copy);
    }

    /** The metadata as the ECMA array onMetaData carries. */
    public Amf0EcmaArray toAmf0() {
        return new Amf0EcmaArray(properties);
    }

    /** A property, or null. */
    public Amf0Value get(String key) {
        return properties.get(key);
    }

    /** A number property, or NaN when absent or not a number. */
    public double number(String key) {
        Amf0Value v = properties.get(key);
        return v == null ? Double.NaN : v.asNumber();
    }

    /** A boolean property, or null. */
    public Boolean bool(String key) {
        return properties.get(key) instanceof Amf0Boolean b ? b.value() : null;
    }

    /** duration in seconds, or NaN. */
    public double duration() {
        return number("duration");
    }

    /** width in pixels, or NaN. */
    public double width() {
        return number("width");
    }

    /** height in pixels, or NaN. */
    public double height() {
        return number("height");
    }

    /** framerate in frames per second, or NaN. */
    public double framerate() {
        return number("framerate");
    }

    /** videodatarate in kbit/s, or NaN. */
    public double videodatarate() {
        return number("videodatarate");
    }

    /** audiodatarate in kbit/s, or NaN. */
    public double audiodatarate() {
        return number("audiodatarate");
    }

    /** audiosamplerate in Hz, or NaN. */
    public double audiosamplerate() {
        return number("audiosamplerate");
    }

    /** filesize in bytes, or NaN. */
    public double filesize() {
        return number("filesize");
    }

    /** videocodecid, or null. */
    public CodecId videocodecid() {
        return CodecId.of(properties.get("videocodecid"));
    }

    /** audiocodecid, or null. */
    public CodecId audiocodecid() {
        return CodecId.of(properties.get("audiocodecid"));
    }

    /** The keyframes index {times, filepositions}, or null when absent or malformed. */
    public Keyframes keyframes() {
        Amf0Value k = properties.get("keyframes");
        if (k == null) {
            return null;
        }
        double[] times = numbers(k.asProperties().get("times"));
        double[] positions = numbers(k.asProperties().get("filepositions"));
        return times == null || positions == null || times.length != positions.length ? null : new Keyframes(times, positions);
    }

    private static double[] numbers(Amf0Value v) {
        if (!(v instanceof Amf0StrictArray a)) {
            return null;
        }
        double[] out = new double[a.values().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.values().get(i).asNumber();
        }
        return out;
    }

    /**
     * videocodecid / audiocodecid: a legacy CodecID / SoundFormat number, or an Enhanced RTMP FourCC
     * (a number holding the UI32, or, as some encoders write it, a 4-character string).
     *
     * @param legacyId the legacy id (0..255), or -1 for a FourCC
     * @param fourCc the FourCC, or null for a legacy id
     */
    public record CodecId(int legacyId, FourCc fourCc) {
        static CodecId of(Amf0Value v) {
            if (v instanceof Amf0Number n) {
                double d = n.value();
                if (d >= 0 && d < 256 && d == Math.rint(d)) {
                    return new CodecId((int) d, null);
                }
                if (d >= 0 && d <= 0xFFFF_FFFFL && d == Math.rint(d)) {
                    return new CodecId(-1, new FourCc((int) (long) d));
                }
            } else if (v instanceof Amf0String s && s.value().length() == 4) {
                return new CodecId(-1, FourCc.of(s.value()));
            }
            return null;
        }

        /** As the number onMetaData carries. */
        public Amf0Value toAmf0() {
            return new Amf0Number(fourCc != null ? Integer.toUnsignedLong(fourCc.value()) : legacyId);
        }
    }

    /**
     * The keyframes index that players use to seek (written by yamdi, flvtool2 and ffmpeg's
     * add_keyframe_index): parallel arrays.
     *
     * @param times keyframe times in seconds
     * @param filepositions byte offsets of the keyframe tags in the file
     */
    public record Keyframes(double[] times, double[] filepositions) {
        /** Copies the arrays. */
        public Keyframes {
            times = times.clone();
            filepositions = filepositions.clone();
            if (times.length != filepositions.length) {
                throw new IllegalArgumentException("times and filepositions differ in length");
            }
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public double[] filepositions() {
            return filepositions.clone();
        }

        /** The keyframes object as onMetaData carries it. */
        public Amf0Object toAmf0() {
            Map<String, Amf0Value> m = new LinkedHashMap<>();
            m.put("filepositions", array(filepositions));
            m.put("times", array(times));
            return new Amf0Object(m);
        }

        private static Amf0StrictArray array(double[] values) {
            Amf0Value[] out = new Amf0Value[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = new Amf0Number(values[i]);
            }
            return new Amf0StrictArray(List.of(out));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Keyframes k && java.util.Arrays.equals(k.times, times)
                    && java.util.Arrays.equals(k.filepositions, filepositions);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(times) * 31 + java.util.Arrays.hashCode(filepositions);
        }

        @Override
        public String toString() {
            return "Keyframes[times=" + java.util.Arrays.toString(times) + ", filepositions="
                    + java.util.Arrays.toString(filepositions) + "]";
        }
    }
}
