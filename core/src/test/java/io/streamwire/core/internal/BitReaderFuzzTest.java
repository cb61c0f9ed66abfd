package io.streamwire.core.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;

/**
 * Random reads over random bytes, in raw and RBSP mode: only the reader's StreamwireException
 * (module "test") may escape, every error offset lies inside the range, and a raw reader's bit count
 * never passes its limit.
 */
class BitReaderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void read(FuzzedDataProvider data) {
        boolean rbsp = data.consumeBoolean();
        int ops = data.consumeInt(1, 64);
        int[] kinds = new int[ops];
        for (int i = 0; i < ops; i++) {
            kinds[i] = data.consumeInt(0, 6);
        }
        byte[] bytes = data.consumeRemainingAsBytes();
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        BitReader r = rbsp
                ? BitReader.rbsp("test", buf, 0, bytes.length, 1000, "s", "§", BitReaderTest.TestException::new)
                : BitReader.raw("test", buf, 0, bytes.length, 1000, "s", "§", BitReaderTest.TestException::new);
        for (int kind : kinds) {
            long before = r.bitsRead();
            try {
                switch (kind) {
                    case 0 -> r.u(1 + (int) (before % 31), "u");
                    case 1 -> r.ue("ue");
                    case 2 -> r.se("se");
                    case 3 -> r.flag("flag");
                    case 4 -> r.readBitsLong(32, "u32");
                    case 5 -> r.moreRbspData();
                    default -> r.alignToByte("align");
                }
            } catch (StreamwireException e) {
                if (!e.module().equals("test") || e.offset() < 1000 || e.offset() > 1000 + bytes.length) {
                    throw new AssertionError("bad error " + e, e);
                }
                return;
            }
            if (r.bitsRead() > 8L * bytes.length || r.bitsRead() < before) {
                throw new AssertionError("bit count " + r.bitsRead() + " for " + bytes.length + " bytes");
            }
        }
    }
}
