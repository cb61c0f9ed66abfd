package io.streamwire.mp4;

import io.streamwire.core.Anomaly;
import io.streamwire.core.Interest;
import io.streamwire.core.StreamDecoder;
import io.streamwire.testkit.DecoderContract;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Mp4BoxDecoder} against the push-decoder contract on ffmpeg-made files and on synthetic
 * streams with largesize, uuid and size-0 boxes: every split in every buffer kind gives the same
 * events, the lifecycle rules hold, a box with a size below its header leaves the decoder failed,
 * and mutated streams raise nothing but the module's exceptions. mdat is taken in fragments, free
 * ignored, everything else whole, so all three interests are exercised.
 */
class Mp4BoxDecoderContractTest {
    private static final HexFormat HEX = HexFormat.of();

    /** Records every event as a string; fragments are joined, payloads summarised by length and CRC-32. */
    static final class Subject implements DecoderContract.Subject, Mp4BoxDecoder.Listener {
        final List<Object> events = new ArrayList<>();
        final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
        final Mp4BoxDecoder decoder = new Mp4BoxDecoder(this, Mp4Limits.defaults().withMaxBoxSize(1 << 20).withMaxDepth(8));

        @Override
        public StreamDecoder decoder() {
            return decoder;
        }

        @Override
        public List<Object> events() {
            return events;
        }

        @Override
        public void onContainerStart(BoxHeader header) {
            events.add("start " + header + " " + decoder.path());
        }

        @Override
        public void onContainerEnd(BoxHeader header) {
            events.add("end " + header);
        }

        @Override
        public Interest onBoxStart(BoxHeader header) {
            fragments.reset();
            String type = header.type().toString();
            Interest interest = type.equals("mdat") ? Interest.FRAGMENTS : type.equals("free") ? Interest.IGNORE : Interest.WHOLE;
            events.add("box " + header + " " + decoder.path() + " " + interest);
            return interest;
        }

        @Override
        public void onBox(BoxHeader header, ByteBuffer payload) {
            events.add("payload " + header.type() + " " + header.size() + " " + summary(payload));
        }

        @Override
        public void onBoxFragment(BoxHeader header, ByteBuffer part, boolean last) {
            byte[] b = new byte[part.remaining()];
            part.get(b);
            fragments.writeBytes(b);
            if (last) {
                events.add("fragments " + header.type() + " " + summary(ByteBuffer.wrap(fragments.toByteArray())));
                fragments.reset();
            }
        }

        @Override
        public void onAnomaly(Anomaly<Mp4AnomalyKind> anomaly) {
            events.add(anomaly);
        }

        private static String summary(ByteBuffer b) {
            byte[] a = new byte[b.remaining()];
            b.duplicate().get(a);
            CRC32 crc = new CRC32();
            crc.update(a);
            return a.length + " bytes crc " + Long.toHexString(crc.getValue());
        }
    }

    /** A box whose size (4) is below its 8-byte header, then the valid stream. */
    private static byte[] withBadBox(byte[] valid) {
        byte[] bad = HEX.parseHex("0000000466726565");
        byte[] invalid = Arrays.copyOf(bad, bad.length + valid.length);
        System.arraycopy(valid, 0, invalid, bad.length, valid.length);
        return invalid;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4/hls/init.mp4", "mp4/dash/chunk-1-003.m4s", "mp4/dash/init-1.mp4", "mp4/dash/chunk-1-001.m4s"})
    void fixtureFiles(String file) {
        byte[] valid = Mp4Fixtures.bytes(file);
        new DecoderContract("mp4", Subject::new, valid, withBadBox(valid)).mutations(200).verify();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // ftyp; moov with a trak holding a largesize free box (skipped) and a uuid box; an empty mdat
        "00000010 66747970 69736f6d 00000200"
            + " 00000040 6d6f6f76 00000038 7472616b 00000001 66726565 0000000000000014 abcdabcd"
            + " 0000001c 75756964 00112233445566778899aabbccddeeff 01020304 00000008 6d646174",
        // moof with two traf (indexed paths), a size-0 box inside a traf, then a top-level size-0 mdat
        "00000030 6d6f6f66 00000010 74726166 00000008 74666474 00000018 74726166 00000000 74727566 01020304 05060708"
            + " 00000000 6d646174 0a0b0c0d0e0f"})
    void syntheticStreams(String hex) {
        byte[] valid = HEX.parseHex(hex.replace(" ", ""));
        new DecoderContract("mp4", Subject::new, valid, withBadBox(valid)).verify();
    }
}
