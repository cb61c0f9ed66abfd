/** RTMP (Adobe RTMP specification 1.0, 2012; Enhanced RTMP). Carries FLV tag bodies and AMF from io.streamwire.flv. */
module io.streamwire.rtmp {
    requires transitive io.streamwire.core;
    requires transitive io.streamwire.flv;

    exports io.streamwire.rtmp;
}
