package io.streamwire.mpegts.psi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import io.streamwire.mpegts.TsLimits;
import java.nio.ByteBuffer;

/**
 * Jazzer target for section assembly and every table parser (PAT, PMT, CAT, SCTE-35), CRC checking
 * off. Input: a byte of PUSI flags, then 184-byte packet payloads. Tables that parse must write and
 * parse back to the same value; only the module's {@link StreamwireException} may escape a parser, and
 * the assembler never throws. Seeds and findings under {@code SectionAssemblerFuzzTestInputs/assemble/}.
 */
class SectionAssemblerFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void assemble(byte[] data) {
        if (data.length < 2) {
            return;
        }
        int flags = data[0] & 0xFF;
        SectionAssembler assembler = new SectionAssembler((pid, section, offset) -> parseAll(section), 0x100,
                TsLimits.defaults().withMaxSectionLength(4093), SectionAssembler.CrcMode.OFF);
        int k = 0;
        for (int at = 1; at < data.length; at += 184) {
            int n = Math.min(184, data.length - at);
            assembler.feed(ByteBuffer.wrap(data), at, n, (flags >>> (k++ & 7) & 1) != 0 || at == 1, at);
        }
    }

    static void parseAll(ByteBuffer section) {
        int tableId = section.get(section.position()) & 0xFF;
        try {
            Object table = switch (tableId) {
                case Pat.TABLE_ID -> Pat.parse(section.duplicate());
                case Cat.TABLE_ID -> Cat.parse(section.duplicate());
                case Pmt.TABLE_ID -> Pmt.parse(section.duplicate());
                case SpliceInfoSection.TABLE_ID -> SpliceInfoSection.parse(section.duplicate());
                default -> null;
            };
            if (table == null) {
                return;
            }
            byte[] written = PsiTablesTest.write(table);
            Object back = switch (tableId) {
                case Pat.TABLE_ID -> Pat.parse(ByteBuffer.wrap(written));
                case Cat.TABLE_ID -> Cat.parse(ByteBuffer.wrap(written));
                case Pmt.TABLE_ID -> Pmt.parse(ByteBuffer.wrap(written));
                default -> SpliceInfoSection.parse(ByteBuffer.wrap(written));
            };
            if (!back.equals(table)) {
                throw new AssertionError("write/parse round trip changed " + table + " into " + back);
            }
            if (table instanceof Pmt pmt) {
                pmt.streams().forEach(s -> s.esInfo().forEach(Descriptor::typed));
                pmt.streams().forEach(s -> io.streamwire.mpegts.StreamType.of(s.streamType(), s.esInfo()));
            }
            if (table instanceof SpliceInfoSection s) {
                for (SpliceDescriptor d : s.descriptors()) {
                    try {
                        d.segmentation();
                    } catch (StreamwireException expected) {
                        requireModule(expected); // a short segmentation descriptor
                        // offsets count from splice_descriptor_tag: inside the body, or just past its end
                        if (expected.offset() < 6 || expected.offset() > 6 + d.body().remaining()) {
                            throw new AssertionError("segmentation() offset " + expected.offset() + " outside the descriptor", expected);
                        }
                    }
                }
            }
        } catch (StreamwireException expected) {
            requireModule(expected); // malformed table: the module's exception only
        }
    }

    private static void requireModule(StreamwireException e) {
        if (!"mpegts".equals(e.module())) {
            throw new AssertionError("an exception of module " + e.module(), e);
        }
    }
}
