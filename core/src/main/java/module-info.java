/**
 * What every Streamwire module shares: the exception family ({@link io.streamwire.core.StreamwireException}),
 * the push-decoder contract and its lifecycle ({@link io.streamwire.core.StreamDecoder}), the anomaly
 * shape, and (for Streamwire modules only) big-endian byte access and the bit reader.
 */
module io.streamwire.core {
    exports io.streamwire.core;
    // Byte and bit access shared by the library modules; not public API.
    exports io.streamwire.core.internal to
            io.streamwire.flv,
            io.streamwire.rtmp,
            io.streamwire.mpegts,
            io.streamwire.hls,
            io.streamwire.h264,
            io.streamwire.h265,
            io.streamwire.aac,
            io.streamwire.mp4;
}
