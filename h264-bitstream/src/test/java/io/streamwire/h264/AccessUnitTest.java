package io.streamwire.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.testkit.Allocation;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessUnitTest {

    /** ffprobe's key flags, one per packet (access unit), from the committed packets CSV. */
    static List<Boolean> ffprobeKeyFlags(String name) {
        return Fixtures.lines("h264/" + name + ".h264.packets.csv").stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.substring(l.lastIndexOf(',') + 1).startsWith("K")).toList();
    }


    @ParameterizedTest
    @ValueSource(strings = {"baseline", "main-bframes", "high", "high10", "yuv444", "interlaced", "slices4", "aud-hrd",
        "crop-318x238", "bench-720p"})
    void accessUnitsAndKeyframesMatchFfprobePackets(String name) {
        byte[] stream = Fixtures.bytes("h264/" + name + ".h264");
        List<AccessUnit> aus = AccessUnit.split(ByteBuffer.wrap(stream));
        assertThat(aus).hasSameSizeAs(ffprobeKeyFlags(name));
        assertThat(aus).extracting(AccessUnit::keyframe).containsExactlyElementsOf(ffprobeKeyFlags(name));
        // ffprobe's packets are cut where the previous access unit's last NAL unit ends (the start
        // code belongs to the next packet): the same boundaries as ours
        List<long[]> packets = ffprobePositions(name);
        for (int i = 1; i < aus.size(); i++) {
            AccessUnit previous = aus.get(i - 1);
            assertThat(packets.get(i)[0]).as("%s packet %d pos", name, i).isEqualTo(previous.offset() + previous.length());
        }
        assertThat(aus.get(0).idr()).isTrue();
    }

    /** ffprobe's {pos, size} per packet. */
    static List<long[]> ffprobePositions(String name) {
        return Fixtures.lines("h264/" + name + ".h264.packets.csv").stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> new long[] {Long.parseLong(l.split(",")[4]), Long.parseLong(l.split(",")[3])}).toList();
    }

    @Test
    void audStreamBoundariesAgreeWithTheDelimiters() {
        byte[] stream = Fixtures.bytes("h264/aud-hrd.h264");
        for (AccessUnit au : AccessUnit.split(ByteBuffer.wrap(stream))) {
            assertThat(stream[(int) au.offset()] & 0x1F).as("access unit at %d starts with an AUD", au.offset()).isEqualTo(9);
        }
    }

    @Test
    void multiSlicePicturesAreOneAccessUnit() {
        List<AccessUnit> aus = AccessUnit.split(ByteBuffer.wrap(Fixtures.bytes("h264/slices4.h264")));
        // first: SPS, PPS, SEI, 4 slices; then 4 slices each
        assertThat(aus.get(0).nalUnitCount()).isEqualTo(7);
        assertThat(aus.subList(1, aus.size())).allMatch(a -> a.nalUnitCount() == 4);
    }

    @Test
    void recoveryPointMakesAKeyframe() {
        byte[] stream = Fixtures.bytes("h264/baseline.h264");
        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(stream));
        List<AccessUnit> aus = AccessUnit.split(ByteBuffer.wrap(stream));
        // insert a recovery point SEI before the second picture (a P picture)
        int secondPictureNal = aus.get(0).nalUnitCount();
        java.util.List<ByteBuffer> edited = new java.util.ArrayList<>(nals);
        edited.add(secondPictureNal, ByteBuffer.wrap(SeiMessage.toNal(List.of(new RecoveryPoint(0, true, false, 0).toMessage()))));
        List<AccessUnit> after = AccessUnit.split(ByteBuffer.wrap(AnnexB.toByteArray(edited)));
        assertThat(after).hasSameSizeAs(aus);
        assertThat(after.get(1).keyframe()).isTrue();
        assertThat(after.get(1).idr()).isFalse();
        assertThat(after.get(1).nalUnitCount()).isEqualTo(2);
    }

    @Test
    void sliceWithUnknownPpsAndTooManyNalUnitsFail() {
        byte[] stream = Fixtures.bytes("h264/slices4.h264");
        List<ByteBuffer> nals = AnnexB.split(ByteBuffer.wrap(stream));
        byte[] noParameterSets = AnnexB.toByteArray(nals.subList(3, nals.size()));
        assertThatThrownBy(() -> AccessUnit.split(ByteBuffer.wrap(noParameterSets)))
                .isInstanceOfSatisfying(H264Exception.class, e -> assertThat(e.field()).isEqualTo("slice_header pic_parameter_set_id"));
        AccessUnitScanner limited = new AccessUnitScanner(H264Limits.defaults().withMaxNalUnitsPerAccessUnit(5)).reset(ByteBuffer.wrap(stream));
        assertThatThrownBy(() -> {
            while (limited.next()) {
                // iterate
            }
        }).isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limitName()).isEqualTo("H264Limits.maxNalUnitsPerAccessUnit()"));
    }

    @Test
    void scanningAWarmStreamAllocatesNothing() {
        ByteBuffer stream = ByteBuffer.wrap(Fixtures.bytes("h264/main-bframes.h264"));
        AccessUnitScanner scanner = new AccessUnitScanner(H264Limits.defaults());
        int[] count = new int[1];
        Allocation.assertAllocatesNothing("AccessUnitScanner", 3_000, 300, 0, () -> {
            scanner.reset(stream);
            while (scanner.next()) {
                count[0]++;
            }
        });
        assertThat(count[0]).isPositive();
    }
}
