/** FLV files and tag bodies (Adobe FLV/F4V v10.1, Enhanced RTMP), AMF0 and AMF3. */
module io.streamwire.flv {
    requires transitive io.streamwire.core;
    exports io.streamwire.flv;
    exports io.streamwire.amf;
}
