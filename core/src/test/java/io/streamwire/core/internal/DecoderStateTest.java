package io.streamwire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecoderStateTest {
    @Test
    void endedThenFailedThenReset() {
        DecoderState s = new DecoderState("XDecoder");
        s.checkFeed();
        assertThat(s.beginEnd()).isTrue();
        assertThat(s.beginEnd()).isFalse();
        assertThatThrownBy(s::checkFeed).isInstanceOf(IllegalStateException.class)
                .hasMessage("XDecoder.feed() after endOfInput(); call reset() to start over");
        s.reset();
        RuntimeException first = new RuntimeException("first");
        s.fail(first);
        s.fail(new RuntimeException("second"));
        assertThatThrownBy(s::checkFeed).isInstanceOf(IllegalStateException.class).hasCause(first)
                .hasMessageContaining("first");
        assertThatThrownBy(s::beginEnd).isInstanceOf(IllegalStateException.class).hasCause(first);
        s.reset();
        s.checkFeed(); // open again: feed is allowed and endOfInput ends it
        assertThat(s.beginEnd()).isTrue();
    }
}
