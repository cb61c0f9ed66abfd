package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.testkit.ReadmeSnippets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The usage example of core/README.md, compiled and run. */
class CoreReadmeExampleTest {
    /** A stand-in decoder: units of 4 bytes; a stream that ends inside one is truncated; units above 0x7F000000 exceed a limit. */
    static final class Units implements StreamDecoder {
        final List<Integer> units = new ArrayList<>();
        private final ByteBuffer held = ByteBuffer.allocate(4);
        private long position;

        @Override
        public void feed(ByteBuffer input) {
            while (input.hasRemaining()) {
                held.put(input.get());
                position++;
                if (!held.hasRemaining()) {
                    int unit = held.flip().getInt();
                    held.clear();
                    if (unit > 0x7F000000) {
                        throw new LimitExceededException("test", "unit", "TestLimits.maxUnit()", 0x7F000000, unit, position - 4);
                    }
                    units.add(unit);
                }
            }
        }

        @Override
        public void endOfInput() {
            if (held.position() > 0) {
                throw new TruncatedInputException("test", "unit", "needs 4 bytes, " + held.position() + " remain",
                        position - held.position(), null);
            }
        }

        @Override
        public void reset() {
            held.clear();
            units.clear();
            position = 0;
        }

        @Override
        public long position() {
            return position;
        }
    }

    // README:begin
    /** Feeds a whole channel to any Streamwire decoder; returns null, or what was wrong with the input. */
    static String decodeAll(StreamDecoder decoder, ReadableByteChannel in) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (in.read(buffer) >= 0) {
                decoder.feed(buffer.flip()); // consumes all of it; the events are the same however it is cut
                buffer.clear();
            }
            decoder.endOfInput();
            return null;
        } catch (LimitExceededException e) { // any module: raise the setting it names, or refuse the stream
            return "raise " + e.limitName() + " above " + e.limit() + " (needed " + e.actual() + ")";
        } catch (StreamwireException e) { // malformed, truncated or unsupported input, from any module
            return e.module() + ": " + e.field() + " at offset " + e.offset();
        }
    }
    // README:end

    @Test
    void readmeExampleRuns() throws IOException {
        Units ok = new Units();
        assertThat(decodeAll(ok, Channels.newChannel(new ByteArrayInputStream(new byte[] {0, 0, 0, 1, 0, 0, 0, 2})))).isNull();
        assertThat(ok.units).containsExactly(1, 2);
        assertThat(ok.position()).isEqualTo(8);
        assertThat(decodeAll(new Units(), Channels.newChannel(new ByteArrayInputStream(new byte[] {0, 0, 0, 1, 0, 0}))))
                .isEqualTo("test: unit at offset 4");
        assertThat(decodeAll(new Units(), Channels.newChannel(new ByteArrayInputStream(new byte[] {0x7F, 0, 0, 1}))))
                .isEqualTo("raise TestLimits.maxUnit() above 2130706432 (needed 2130706433)");
        ReadmeSnippets.assertInReadme(CoreReadmeExampleTest.class);
    }
}
