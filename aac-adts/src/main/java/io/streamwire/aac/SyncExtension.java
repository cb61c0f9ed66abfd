package io.streamwire.aac;

/**
 * The backward-compatible extension signalling at the end of an AudioSpecificConfig:
 * ISO/IEC 14496-3:2019 §1.6.2.1 (syncExtensionType 0x2B7, and 0x548 for PS), semantics §1.6.5.
 *
 * <pre>
 * syncExtensionType(11) = 0x2B7, extensionAudioObjectType(5 [+6])
 * AOT 5:  sbrPresentFlag(1) [extensionSamplingFrequencyIndex(4) [extensionSamplingFrequency(24)]
 *                            [syncExtensionType(11) = 0x548 psPresentFlag(1)]]
 * AOT 22: sbrPresentFlag(1) [extensionSamplingFrequencyIndex(4) [..(24)]] extensionChannelConfiguration(4)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param extensionAudioObjectType extensionAudioObjectType (5 = SBR, 22 = ER BSAC)
 * @param sbrPresentFlag sbrPresentFlag, or -1 for other extension types
 * @param extensionSamplingFrequencyIndex 4 bits when sbrPresentFlag is 1, else -1
 * @param extensionSamplingFrequency explicit 24-bit rate when the index is 15, else 0
 * @param psPresentFlag psPresentFlag after syncExtensionType 0x548, or -1 when absent
 * @param extensionChannelConfiguration 4 bits for AOT 22, else -1
 *
 * @since 0.1.0
 */
public record SyncExtension(int extensionAudioObjectType, int sbrPresentFlag, int extensionSamplingFrequencyIndex,
        int extensionSamplingFrequency, int psPresentFlag, int extensionChannelConfiguration) {

    /** syncExtensionType announcing the extension. */
    public static final int SYNC_EXTENSION_TYPE = 0x2B7;
    /** syncExtensionType announcing psPresentFlag. */
    public static final int PS_SYNC_EXTENSION_TYPE = 0x548;

    /** Checks that fields are present exactly as the syntax allows. */
    public SyncExtension {
        if (extensionAudioObjectType < 1 || extensionAudioObjectType > 95) {
            throw new IllegalArgumentException("extensionAudioObjectType " + extensionAudioObjectType);
        }
        boolean hasSbrFlag = extensionAudioObjectType == 5 || extensionAudioObjectType == 22;
        if (hasSbrFlag != (sbrPresentFlag >= 0) || sbrPresentFlag > 1) {
            throw new IllegalArgumentException("sbrPresentFlag " + sbrPresentFlag);
        }
        if ((sbrPresentFlag == 1) != (extensionSamplingFrequencyIndex >= 0) || extensionSamplingFrequencyIndex > 15
                || (extensionSamplingFrequencyIndex == 15) != (extensionSamplingFrequency > 0)
                || extensionSamplingFrequency > 0xFFFFFF) {
            throw new IllegalArgumentException("extensionSamplingFrequencyIndex/Frequency "
                    + extensionSamplingFrequencyIndex + "/" + extensionSamplingFrequency);
        }
        if (psPresentFlag > 1 || (psPresentFlag >= 0 && (extensionAudioObjectType != 5 || sbrPresentFlag != 1))) {
            throw new IllegalArgumentException("psPresentFlag " + psPresentFlag);
        }
        if ((extensionAudioObjectType == 22) != (extensionChannelConfiguration >= 0) || extensionChannelConfiguration > 15) {
            throw new IllegalArgumentException("extensionChannelConfiguration " + extensionChannelConfiguration);
        }
    }

    /** SBR announced backward-compatibly, with or without PS. */
    public static SyncExtension sbr(int extensionSamplingFrequencyIndex, boolean ps) {
        return new SyncExtension(5, 1, extensionSamplingFrequencyIndex, 0, ps ? 1 : -1, -1);
    }
}
