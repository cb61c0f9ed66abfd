package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.testkit.Allocation;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Checks that the testkit allocation counter sees allocation (the zero-allocation tests rely on it). */
class AllocationCounterTest {

    @Test
    void detectsAllocation() {
        assertThatThrownBy(() -> Allocation.assertAllocatesNothing("allocating loop", 10, 100, 256,
                () -> ByteBuffer.allocate(1024).putInt(0, 1)))
                .hasMessageContaining("allocating loop allocated");
    }
}
