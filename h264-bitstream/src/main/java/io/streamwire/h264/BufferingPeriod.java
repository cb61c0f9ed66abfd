package io.streamwire.h264;

import io.streamwire.core.internal.BitReader;
import java.util.ArrayList;
import java.util.List;

/**
 * buffering_period() SEI payload (type 0): ITU-T H.264 (08/2021) §D.1.2, semantics §D.2.2. Its
 * field lengths come from the HRD parameters of the SPS it names.
 *
 * <pre>
 * seq_parameter_set_id ue(v)
 * [NalHrdBpPresentFlag: { initial_cpb_removal_delay u(v) initial_cpb_removal_delay_offset u(v) } x CPBs]
 * [VclHrdBpPresentFlag: { initial_cpb_removal_delay u(v) initial_cpb_removal_delay_offset u(v) } x CPBs]
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param seqParameterSetId seq_parameter_set_id, 0..31
 * @param nal {initial_cpb_removal_delay, initial_cpb_removal_delay_offset} per NAL HRD CPB (empty without it)
 * @param vcl the same for the VCL HRD
 *
 * @since 0.1.0
 */
public record BufferingPeriod(int seqParameterSetId, List<Delay> nal, List<Delay> vcl) {
    static final String SPEC = "ITU-T H.264 §D.1.2";

    /**
     * One CPB's initial delay, in 90 kHz units.
     *
     * @param initialCpbRemovalDelay initial_cpb_removal_delay
     * @param initialCpbRemovalDelayOffset initial_cpb_removal_delay_offset
     */
    public record Delay(long initialCpbRemovalDelay, long initialCpbRemovalDelayOffset) {}

    /** Copies the lists. */
    public BufferingPeriod {
        nal = List.copyOf(nal);
        vcl = List.copyOf(vcl);
    }

    /**
     * Decodes a message of type 0, looking up its SPS in {@code sets}.
     *
     * @throws H264Exception for an unknown SPS
     * @throws io.streamwire.core.TruncatedInputException for a truncated payload
     */
    public static BufferingPeriod parse(SeiMessage message, ParameterSets sets) {
        if (message.payloadType() != SeiMessage.BUFFERING_PERIOD) {
            throw new H264Exception("sei payloadType", message.payloadType() + " is not buffering_period (0)", message.offset(), SPEC);
        }
        BitReader r = message.reader("buffering_period", SPEC);
        int id = r.ue("seq_parameter_set_id", 31);
        Sps sps = sets.sps(id);
        if (sps == null) {
            throw r.error("seq_parameter_set_id", id + " refers to an SPS not seen yet");
        }
        VuiParameters v = sps.vuiParameters();
        List<Delay> nal = read(r, v == null ? null : v.nalHrdParameters());
        List<Delay> vcl = read(r, v == null ? null : v.vclHrdParameters());
        return new BufferingPeriod(id, nal, vcl);
    }

    private static List<Delay> read(BitReader r, HrdParameters hrd) {
        if (hrd == null) {
            return List.of();
        }
        int bits = hrd.initialCpbRemovalDelayLengthMinus1() + 1;
        List<Delay> out = new ArrayList<>(hrd.cpbs().size());
        for (int i = 0; i < hrd.cpbs().size(); i++) {
            out.add(new Delay(r.readBitsLong(bits, "initial_cpb_removal_delay"), r.readBitsLong(bits, "initial_cpb_removal_delay_offset")));
        }
        return out;
    }
}
