package io.streamwire.mp4;

/** The typed parser and spec section of every box type this module reads. Stateless; thread-safe. */
final class BoxParsers {
    private BoxParsers() {}

    private static final String P12 = "ISO/IEC 14496-12:2022 ";

    /** The typed record for {@code h}, or null to keep the box raw (unknown type or version). */
    static Box parse(BoxHeader h, Payload p, int depth) {
        int t = h.type().value();
        if (t == BoxType.FTYP.value() || t == BoxType.STYP.value()) {
            return FileTypeBox.parse(p);
        } else if (t == BoxType.MVHD.value()) {
            return MovieHeaderBox.parse(p);
        } else if (t == BoxType.TKHD.value()) {
            return TrackHeaderBox.parse(p);
        } else if (t == BoxType.MDHD.value()) {
            return MediaHeaderBox.parse(p);
        } else if (t == BoxType.HDLR.value()) {
            return HandlerBox.parse(p);
        } else if (t == BoxType.VMHD.value()) {
            return VideoMediaHeaderBox.parse(p);
        } else if (t == BoxType.SMHD.value()) {
            return SoundMediaHeaderBox.parse(p);
        } else if (t == BoxType.DREF.value()) {
            return DataReferenceBox.parse(p, depth);
        } else if (t == BoxType.URL.value()) {
            return DataEntryUrlBox.parse(p);
        } else if (t == BoxType.STSD.value()) {
            return SampleDescriptionBox.parse(p, depth);
        } else if (t == BoxType.AVC1.value() || t == BoxType.AVC3.value() || t == BoxType.HVC1.value()
                || t == BoxType.HEV1.value() || t == BoxType.AV01.value()) {
            return VisualSampleEntry.parse(p, depth);
        } else if (t == BoxType.MP4A.value() || t == BoxType.OPUS.value()) {
            return AudioSampleEntry.parse(p, depth);
        } else if (t == BoxType.AVCC.value() || t == BoxType.HVCC.value() || t == BoxType.AV1C.value()) {
            return CodecConfigurationBox.parse(p);
        } else if (t == BoxType.ESDS.value()) {
            return EsdsBox.parse(p);
        } else if (t == BoxType.DOPS.value()) {
            return OpusSpecificBox.parse(p);
        } else if (t == BoxType.COLR.value()) {
            return ColourInformationBox.parse(p);
        } else if (t == BoxType.PASP.value()) {
            return PixelAspectRatioBox.parse(p);
        } else if (t == BoxType.BTRT.value()) {
            return BitRateBox.parse(p);
        } else if (t == BoxType.STTS.value()) {
            return TimeToSampleBox.parse(p);
        } else if (t == BoxType.CTTS.value()) {
            return CompositionOffsetBox.parse(p);
        } else if (t == BoxType.STSS.value()) {
            return SyncSampleBox.parse(p);
        } else if (t == BoxType.STSZ.value()) {
            return SampleSizeBox.parse(p);
        } else if (t == BoxType.STSC.value()) {
            return SampleToChunkBox.parse(p);
        } else if (t == BoxType.STCO.value() || t == BoxType.CO64.value()) {
            return ChunkOffsetBox.parse(p);
        } else if (t == BoxType.ELST.value()) {
            return EditListBox.parse(p);
        } else if (t == BoxType.TREX.value()) {
            return TrackExtendsBox.parse(p);
        } else if (t == BoxType.MFHD.value()) {
            return MovieFragmentHeaderBox.parse(p);
        } else if (t == BoxType.TFHD.value()) {
            return TrackFragmentHeaderBox.parse(p);
        } else if (t == BoxType.TFDT.value()) {
            return TrackFragmentBaseMediaDecodeTimeBox.parse(p);
        } else if (t == BoxType.TRUN.value()) {
            return TrackRunBox.parse(p);
        } else if (t == BoxType.PRFT.value()) {
            return ProducerReferenceTimeBox.parse(p);
        } else if (t == BoxType.EMSG.value()) {
            return EventMessageBox.parse(p);
        }
        return null;
    }

    /** The spec section that defines a box type, for error messages. */
    static String spec(int t) {
        String s = t == BoxType.FTYP.value() ? "§4.3" : t == BoxType.STYP.value() ? "§8.16.2"
                : t == BoxType.MVHD.value() ? "§8.2.2" : t == BoxType.TKHD.value() ? "§8.3.2"
                : t == BoxType.MDHD.value() ? "§8.4.2" : t == BoxType.HDLR.value() ? "§8.4.3"
                : t == BoxType.VMHD.value() ? "§12.1.2" : t == BoxType.SMHD.value() ? "§12.2.2"
                : t == BoxType.DREF.value() || t == BoxType.URL.value() ? "§8.7.2"
                : t == BoxType.STSD.value() || t == BoxType.BTRT.value() ? "§8.5.2"
                : t == BoxType.COLR.value() ? "§12.1.5" : t == BoxType.PASP.value() ? "§12.1.4"
                : t == BoxType.STTS.value() ? "§8.6.1.2" : t == BoxType.CTTS.value() ? "§8.6.1.3"
                : t == BoxType.STSS.value() ? "§8.6.2" : t == BoxType.STSZ.value() ? "§8.7.3.2"
                : t == BoxType.STSC.value() ? "§8.7.4" : t == BoxType.STCO.value() || t == BoxType.CO64.value() ? "§8.7.5"
                : t == BoxType.ELST.value() ? "§8.6.6" : t == BoxType.TREX.value() ? "§8.8.3"
                : t == BoxType.MFHD.value() ? "§8.8.5" : t == BoxType.TFHD.value() ? "§8.8.7"
                : t == BoxType.TFDT.value() ? "§8.8.12" : t == BoxType.TRUN.value() ? "§8.8.8"
                : t == BoxType.PRFT.value() ? "§8.16.5" : t == BoxType.MOOV.value() ? "§8.2.1"
                : t == BoxType.TRAK.value() ? "§8.3.1" : t == BoxType.MDIA.value() ? "§8.4.1"
                : t == BoxType.MINF.value() ? "§8.4.4" : t == BoxType.DINF.value() ? "§8.7.1"
                : t == BoxType.STBL.value() ? "§8.5.1" : t == BoxType.EDTS.value() ? "§8.6.5"
                : t == BoxType.MVEX.value() ? "§8.8.1" : t == BoxType.MOOF.value() ? "§8.8.4"
                : t == BoxType.TRAF.value() ? "§8.8.6" : t == BoxType.MFRA.value() ? "§8.8.9" : null;
        if (s != null) {
            return P12 + s;
        }
        if (t == BoxType.AVC1.value() || t == BoxType.AVC3.value() || t == BoxType.AVCC.value()) {
            return "ISO/IEC 14496-15:2022 §5.4.2";
        } else if (t == BoxType.HVC1.value() || t == BoxType.HEV1.value() || t == BoxType.HVCC.value()) {
            return "ISO/IEC 14496-15:2022 §8.4.1";
        } else if (t == BoxType.AV01.value() || t == BoxType.AV1C.value()) {
            return "AV1-ISOBMFF v1.2.0 §2.3";
        } else if (t == BoxType.MP4A.value() || t == BoxType.ESDS.value()) {
            return "ISO/IEC 14496-14:2020 §6.7";
        } else if (t == BoxType.OPUS.value() || t == BoxType.DOPS.value()) {
            return OpusSpecificBox.SPEC;
        } else if (t == BoxType.EMSG.value()) {
            return "ISO/IEC 23009-1:2022 §5.10.3.3";
        }
        return BoxHeader.SPEC;
    }
}
