package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.amf.Amf0Value;
import io.streamwire.flv.FlvStreamWriter;
import io.streamwire.core.Anomaly;
import io.streamwire.flv.FlvAnomalyKind;
import io.streamwire.flv.FlvDecoder;
import io.streamwire.flv.FlvTag;
import io.streamwire.flv.FlvTagHeader;
import io.streamwire.flv.ScriptData;
import io.streamwire.flv.OnMetaData;
import io.streamwire.testkit.ReadmeSnippets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flv README's streaming-writer example, compiled and run; the file is then read by MetadataInjector. */
class FlvStreamWriterReadmeExampleTest {

    @Test
    void writesAFileTagByTag(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("out.flv");
        Amf0Value metadata = Amf0Value.object(Map.of("width", Amf0Value.of(320.0), "height", Amf0Value.of(240.0)));
        List<Amf0Value> values = List.of(Amf0Value.of("@setDataFrame"), Amf0Value.of("onMetaData"), metadata);
        long timestamp = 20_000_000L; // 5 h 33 min: past the 24-bit Timestamp
        int messageTypeId = 9;
        ByteBuffer body = ByteBuffer.wrap(new byte[] {0x17, 1, 0, 0, 0, 0, 0, 0, 1, 0x65});
        // README:begin
        try (FlvStreamWriter flv = FlvStreamWriter.of(Files.newOutputStream(path), true, true)) { // or a FileChannel
            flv.writeScriptData(0, values);              // as received over RTMP: "@setDataFrame" is dropped
            flv.writeTag(messageTypeId, timestamp, body); // 8 audio, 9 video; long ms, TimestampExtended; body not moved
        }                                                 // FLV header, tags and every PreviousTagSize written
        // README:end
        List<String> seen = new java.util.ArrayList<>();
        FlvDecoder decoder = new FlvDecoder(new FlvDecoder.Listener() {
            @Override
            public void onTag(FlvTag tag) {
                if (tag.tagType() == FlvTagHeader.SCRIPT_DATA) {
                    OnMetaData meta = ScriptData.parse(tag.body()).onMetaData();
                    seen.add("meta " + meta.width() + "x" + meta.height());
                } else {
                    seen.add(tag.tagType() + " " + tag.header().timestampUnsigned() + " " + tag.body().equals(body));
                }
            }

            @Override
            public void onAnomaly(Anomaly<FlvAnomalyKind> anomaly) {
                seen.add("anomaly " + anomaly);
            }
        });
        decoder.feed(ByteBuffer.wrap(Files.readAllBytes(path)));
        decoder.endOfInput();
        assertThat(seen).containsExactly("meta 320.0x240.0", "9 20000000 true");
        assertThat(body.position()).isZero();
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(FlvStreamWriterReadmeExampleTest.class);
    }
}
