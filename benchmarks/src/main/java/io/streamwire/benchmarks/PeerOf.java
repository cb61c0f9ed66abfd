package io.streamwire.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a peer benchmark that also does the work of other things of ours, so the summary lists it
 * as a peer of those too without running it twice: {@code tsDemux_ffmpeg} (FFmpeg hands out whole
 * PES packets) is the peer of {@code tsDemux} and of {@code tsDemuxReassembled}. Values are thing
 * names without the {@code _impl} suffix; the peer's {@code @Param} values are appended as for its
 * own row.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PeerOf {
    /** The other things this peer is compared with. */
    String[] value();
}
