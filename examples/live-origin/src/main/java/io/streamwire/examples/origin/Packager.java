package io.streamwire.examples.origin;

import io.streamwire.hls.BlockingReload;
import io.streamwire.hls.MediaPlaylist;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Turns one stream's FLV tag bodies into HLS segments and LL-HLS parts and keeps its live playlist.
 * {@link HlsPackager} writes MPEG-TS. Not thread-safe: the owning {@link Channel} guards it.
 */
interface Packager {
    /** An FLV VIDEODATA body at {@code timestampMs} (on the readers' timeline). */
    void onVideo(long timestampMs, ByteBuffer body);

    /** An FLV AUDIODATA body at {@code timestampMs}. */
    void onAudio(long timestampMs, ByteBuffer body);

    /** Ends the publish: the segment in progress is closed and EXT-X-ENDLIST written. */
    void finish();

    /** The publisher is lost: the segment in progress is closed, no EXT-X-ENDLIST. */
    void pause();

    /** A republish continues this playlist after EXT-X-DISCONTINUITY; codec configurations are read afresh. */
    void resume(Instant wallNow);

    /** Changes whenever a part or segment closes or the playlist ends. */
    long version();

    /** Bytes of the segment being produced. */
    long openSegmentBytes();

    /** The full live playlist. */
    MediaPlaylist playlist();

    /** The answer to a (possibly blocking) playlist request. */
    BlockingReload.Answer reload(BlockingReload request);

    /** A complete segment's bytes, or null. */
    byte[] segment(long msn);

    /** A part's bytes, or null. */
    byte[] part(long msn, int index);

    /** Whether {@code (msn, part)} is the part being produced now (a request for it should wait). */
    boolean isUpcomingPart(long msn, int index);

    /** Whether {@code msn} is the segment being produced now. */
    boolean isUpcomingSegment(long msn);

    boolean finished();

    long lastMsn();

    long discontinuitySequence();

    long segmentsDone();

    long framesIn();

    long framesDropped();

    double longestSegmentSeconds();

    /** Bytes of segments and parts held now. */
    long bytesHeld();
}
