package io.streamwire.mpegts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TimestampUnwrapperTest {

    @Property
    void unwrapsAnyWalkWithStepsBelowHalfTheRange(@ForAll @LongRange(min = 0, max = (1L << 40)) long start,
            @ForAll @Size(max = 200) List<@LongRange(min = -(1L << 31), max = (1L << 32) - 1) Long> steps) {
        TimestampUnwrapper u = new TimestampUnwrapper();
        long truth = start;
        long first = u.unwrap(truth & (TimestampUnwrapper.WRAP - 1));
        for (long step : steps) {
            truth += step;
            long got = u.unwrap(truth & (TimestampUnwrapper.WRAP - 1));
            assertThat(got - first).isEqualTo(truth - start);
        }
    }

    @Test
    void bFramePtsBeforeAWrappedDtsStaysInTheEarlierEpoch() {
        TimestampUnwrapper u = new TimestampUnwrapper();
        long near = TimestampUnwrapper.WRAP - 100;
        assertThat(u.unwrap(near)).isEqualTo(near);
        assertThat(u.unwrap(50)).isEqualTo(TimestampUnwrapper.WRAP + 50);
        assertThat(u.peek(TimestampUnwrapper.WRAP - 10)).isEqualTo(TimestampUnwrapper.WRAP - 10);
    }

    @Test
    void discontinuityDoesNotInferAWrap() {
        TimestampUnwrapper u = new TimestampUnwrapper();
        u.unwrap(1000);
        u.unwrap(4_000_000_000L);
        assertThat(u.unwrap(8_000_000_000L)).isEqualTo(8_000_000_000L);
        assertThat(u.peek(1000)).as("without the indicator: a wrap").isEqualTo(TimestampUnwrapper.WRAP + 1000);
        u.discontinuity();
        assertThat(u.unwrap(1000)).as("after discontinuity_indicator: a new timebase in the same epoch").isEqualTo(1000);
    }
}
