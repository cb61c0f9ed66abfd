package io.streamwire.h265;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.internal.EmulationPrevention;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixtures of the parameter set, slice header and SEI tests, and the NAL units in them: a plain
 * start-code split written here so these tests do not depend on the module's own Annex B reader.
 */
final class FixtureNals {
    /** Every raw fixture (scripts/fixtures/h265-bitstream.sh), by name. */
    static final String[] FIXTURES = {"main", "main10", "rext422-10", "rext444", "rext444-12", "mono", "crop-318x238",
        "bframes-pyramid", "open-gop", "slices4", "hdr10", "hrd", "still", "scaling-default"};

    private FixtureNals() {}

    /** The NAL units of an Annex B stream, each a slice without its start code and trailing zero bytes. */
    static List<ByteBuffer> split(byte[] s) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 2 < s.length; i++) {
            if (s[i] == 0 && s[i + 1] == 0 && s[i + 2] == 1) {
                starts.add(i + 3);
                i += 2;
            }
        }
        List<ByteBuffer> nals = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) - 3 : s.length;
            while (to > from && s[to - 1] == 0) {
                to--;
            }
            nals.add(ByteBuffer.wrap(s, from, to - from).slice());
        }
        return nals;
    }

    static int type(ByteBuffer nal) {
        return nal.get(nal.position()) >>> 1 & 0x3F;
    }

    /** The NAL units of {@code type} in fixture {@code name} (e.g. "main"). */
    static List<ByteBuffer> ofType(String name, int type) {
        List<ByteBuffer> out = new ArrayList<>();
        for (ByteBuffer nal : split(Fixtures.bytes("h265/" + name + ".h265"))) {
            if (type(nal) == type) {
                out.add(nal);
            }
        }
        return out;
    }

    /** ffprobe's committed stream view of the fixture, key to value. */
    static Map<String, String> probe(String name) {
        return keyValues(Fixtures.lines("h265/" + name + ".h265.sps.txt"));
    }

    static Map<String, String> keyValues(List<String> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : lines) {
            int eq = l.indexOf('=');
            if (eq > 0) {
                m.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return m;
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /** The RBSP of a NAL unit: after the two header bytes, emulation prevention removed. */
    static byte[] rbspOf(ByteBuffer nal) {
        return bytes(EmulationPrevention.remove(nal.duplicate().position(nal.position() + 2)));
    }

    /** Returns normally when {@code e} carries module "h265"; otherwise fails with it as the cause. */
    static void requireH265(StreamwireException e) {
        if (!"h265".equals(e.module())) {
            throw new AssertionError("a StreamwireException of module " + e.module() + " escaped", e);
        }
    }
}
