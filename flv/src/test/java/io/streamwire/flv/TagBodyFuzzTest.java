package io.streamwire.flv;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.StreamwireException;
import java.nio.ByteBuffer;

/** Jazzer target for the audio and video tag-body parsers and writers; seeds under {@code TagBodyFuzzTestInputs/parse/}. */
class TagBodyFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        if (data.length == 0) {
            return;
        }
        boolean audio = (data[0] & 1) == 0;
        ByteBuffer in = ByteBuffer.wrap(data, 1, data.length - 1);
        // the peeks never throw, never move the buffer, and agree with the parser whenever it succeeds
        boolean key = !audio && VideoData.isKeyframe(in);
        boolean sequenceHeader = audio ? AudioData.isSequenceHeader(in) : VideoData.isSequenceHeader(in);
        int fourCc = audio ? AudioData.peekFourCc(in) : VideoData.peekFourCc(in);
        if (in.position() != 1 || in.limit() != data.length) {
            throw new AssertionError("a peek moved the buffer");
        }
        Object body;
        try {
            body = audio ? AudioTagBody.parse(in) : VideoTagBody.parse(in);
        } catch (StreamwireException expected) {
            if (!expected.module().equals("flv")) {
                throw new AssertionError("module " + expected.module() + " escaped: " + expected, expected);
            }
            if (in.position() != 1) {
                throw new AssertionError("position moved on failure");
            }
            return;
        }
        checkPeeks(body, key, sequenceHeader, fourCc);
        int size = audio ? ((AudioTagBody) body).encodedSize() : ((VideoTagBody) body).encodedSize();
        ByteBuffer out = ByteBuffer.allocate(size);
        if (audio) {
            ((AudioTagBody) body).writeTo(out);
        } else {
            ((VideoTagBody) body).writeTo(out);
        }
        if (out.hasRemaining()) {
            throw new AssertionError("encodedSize " + size + " but wrote " + out.position());
        }
        Object again = audio ? AudioTagBody.parse(out.flip()) : VideoTagBody.parse(out.flip());
        if (!again.equals(body)) {
            throw new AssertionError("parse(write(parse(x))) != parse(x): " + body + " vs " + again);
        }
    }

    private static void checkPeeks(Object body, boolean key, boolean sequenceHeader, int fourCc) {
        boolean wantKey = false;
        boolean wantSequenceHeader;
        int wantFourCc;
        if (body instanceof VideoData v) {
            boolean packetized = v.codecId() == VideoData.AVC || v.codecId() == VideoData.HEVC;
            wantKey = v.frameType() == VideoTagBody.KEY_FRAME && (!packetized || v.avcPacketType() == VideoData.AVC_NALU);
            wantSequenceHeader = packetized && v.frameType() != VideoTagBody.COMMAND_FRAME
                    && v.avcPacketType() == VideoData.AVC_SEQUENCE_HEADER;
            wantFourCc = v.codecId() == VideoData.AVC ? FourCc.AVC1.value() : v.codecId() == VideoData.HEVC ? FourCc.HVC1.value() : 0;
        } else if (body instanceof ExVideoData x) {
            boolean coded = x.videoPacketType() == ExVideoData.CODED_FRAMES || x.videoPacketType() == ExVideoData.CODED_FRAMES_X;
            wantKey = x.videoCommand() == -1 && x.frameType() == VideoTagBody.KEY_FRAME && coded;
            wantSequenceHeader = x.videoCommand() == -1 && (x.videoPacketType() == ExVideoData.SEQUENCE_START
                    || x.videoPacketType() == ExVideoData.MPEG2TS_SEQUENCE_START);
            wantFourCc = x.videoCommand() == -1 ? x.track().fourCc().value() : 0;
        } else if (body instanceof AudioData a) {
            wantSequenceHeader = a.isAacSequenceHeader();
            wantFourCc = a.soundFormat() == AudioData.AAC ? FourCc.MP4A.value()
                    : a.soundFormat() == AudioData.MP3 || a.soundFormat() == 14 ? FourCc.MP3.value() : 0;
        } else {
            ExAudioData x = (ExAudioData) body;
            wantSequenceHeader = x.audioPacketType() == ExAudioData.SEQUENCE_START;
            wantFourCc = x.track().fourCc().value();
        }
        if (key != wantKey || sequenceHeader != wantSequenceHeader || fourCc != wantFourCc) {
            throw new AssertionError("peeks " + key + "/" + sequenceHeader + "/" + fourCc + " but parsed " + body);
        }
        if (body instanceof VideoTagBody v) {
            checkUnifiedView(v, wantFourCc);
        }
    }

    /** fourCc() agrees with the peek; an HEVC body re-signalled in the other form has the same track and back again. */
    private static void checkUnifiedView(VideoTagBody v, int wantFourCc) {
        if ((v.fourCc() == null ? 0 : v.fourCc().value()) != wantFourCc) {
            throw new AssertionError("fourCc() " + v.fourCc() + " but the peek says " + wantFourCc + ": " + v);
        }
        VideoTrack track = v.track();
        boolean single = v instanceof VideoData || ((ExVideoData) v).modEx().isEmpty() && ((ExVideoData) v).videoMultitrackType() == -1;
        if (track == null || !track.fourCc().equals(FourCc.HVC1) || !single || v.frameType() < 1 || v.frameType() > 4) {
            return;
        }
        int type = v.videoPacketType();
        boolean legacyHasIt = type == ExVideoData.SEQUENCE_START || type == ExVideoData.CODED_FRAMES
                || type == ExVideoData.CODED_FRAMES_X || type == ExVideoData.SEQUENCE_END;
        FlvWriter.HevcForm other = v instanceof VideoData ? FlvWriter.HevcForm.ENHANCED_HVC1 : FlvWriter.HevcForm.LEGACY_CODEC_ID_12;
        if (other == FlvWriter.HevcForm.LEGACY_CODEC_ID_12 && !legacyHasIt) {
            return;
        }
        VideoTagBody converted = FlvWriter.hevc(other, v);
        if (!converted.track().equals(track) || converted.frameType() != v.frameType()) {
            throw new AssertionError("the " + other + " form of " + v + " is " + converted);
        }
        ByteBuffer out = ByteBuffer.allocate(converted.encodedSize());
        converted.writeTo(out);
        VideoTagBody reparsed = VideoTagBody.parse(out.flip());
        if (!reparsed.equals(converted) || !reparsed.track().equals(track)) {
            throw new AssertionError("the " + other + " form of " + v + " reads back as " + reparsed);
        }
    }
}
