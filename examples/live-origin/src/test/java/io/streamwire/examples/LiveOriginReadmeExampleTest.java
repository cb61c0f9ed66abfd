package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.examples.origin.LiveOrigin;
import io.streamwire.examples.origin.OriginConfig;
import io.streamwire.testkit.ReadmeSnippets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's embedding example, compiled and run (without a publisher: the playlist is a 404 until one comes). */
class LiveOriginReadmeExampleTest {
    @Test
    void embedTheOrigin() throws Exception {
        List<String> printed;
        int status;
        // README:begin
        OriginConfig config = OriginConfig.defaults()
                .withBind("127.0.0.1", 0, 0)                 // loopback, free ports
                .withAdmin("127.0.0.1", 0)                   // /stats and /metrics on a free port too
                .withAllowedKeys(Set.of("camera1"))          // only this key may publish
                .withSegments(2, 10, 0.334);                 // 2 s segments, 10 in the window, LL-HLS parts
        try (LiveOrigin origin = LiveOrigin.start(config)) {
            printed = origin.urls("127.0.0.1", "camera1");   // publish, HLS, HTTP-FLV and RTMP play URLs
            HttpResponse<String> playlist = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + origin.httpPort() + "/live/camera1.m3u8")).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = playlist.statusCode();                  // 404 until camera1 publishes, then 200
        }
        // README:end
        assertThat(printed).hasSize(4);
        assertThat(printed.get(0)).startsWith("publish:   rtmp://127.0.0.1:").endsWith("/live/camera1");
        assertThat(printed.get(1)).endsWith("/live/camera1.m3u8");
        assertThat(status).isEqualTo(404);
        ReadmeSnippets.assertInReadme(LiveOriginReadmeExampleTest.class);
    }
}
