package io.streamwire.h265;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Jazzer target for {@link HevcPps#parse}: as {@link HevcSpsFuzzTest}, for the PPS (type 34); the tile
 * spacing is derived against a fixture SPS (an IllegalArgumentException there is the documented answer
 * to tiles that do not fit that picture).
 */
class HevcPpsFuzzTest {
    private static final HevcSps SPS = HevcSps.parse(FixtureNals.ofType("main", 33).get(0).duplicate());

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        byte[] nal = ParameterSetFuzzing.withHeader(34, data);
        ParameterSetFuzzing.sameInEveryBufferKind(nal, HevcPps::parse);
        HevcPps pps;
        try {
            pps = HevcPps.parse(ByteBuffer.wrap(nal));
        } catch (io.streamwire.core.StreamwireException expected) {
            return;
        }
        if (!HevcPps.parse(ByteBuffer.wrap(pps.toNal())).equals(pps)) {
            throw new AssertionError("parse(write(pps)) != pps");
        }
        try {
            pps.columnWidthsInCtbs(SPS);
            pps.rowHeightsInCtbs(SPS);
        } catch (IllegalArgumentException tilesDoNotFit) {
            // documented
        }
    }
}
