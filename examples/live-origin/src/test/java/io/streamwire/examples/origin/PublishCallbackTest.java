package io.streamwire.examples.origin;

import static io.streamwire.examples.origin.PublishAuthTest.CLOCK;
import static io.streamwire.examples.origin.PublishAuthTest.NOW;
import static io.streamwire.examples.origin.PublishAuthTest.TOKEN_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamwire.examples.origin.PublishAuth.PublishAuthConfig;
import io.streamwire.examples.origin.PublishAuth.PublishDecision;
import io.streamwire.examples.origin.PublishAuth.PublishRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The on_publish callback against a JDK HTTP server on loopback: 2xx, 403, too slow, refused connection. */
class PublishCallbackTest {
    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 204;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/on_publish", this::answer);
        server.createContext("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        contentTypes.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static PublishDecision decide(PublishAuth auth, String name) throws Exception {
        return auth.authorize(new PublishRequest("live", name, new InetSocketAddress("192.0.2.7", 50123)))
                .get(10, TimeUnit.SECONDS);
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void twoHundredsAllowAndTheFormCarriesNginxRtmpFields() throws Exception {
        PublishAuth auth = PublishAuth.create(new PublishAuthConfig(null, null, url("/on_publish"), null), CLOCK);
        PublishDecision d = decide(auth, "cam1?user=ann&pass=x%20y");
        assertThat(d.allowed()).isTrue();
        assertThat(d.playbackName()).isEqualTo("cam1");
        assertThat(d.reason()).contains("204");
        assertThat(contentTypes).containsExactly("POST application/x-www-form-urlencoded");
        Map<String, List<String>> form = form(bodies.get(0));
        assertThat(form).containsExactly(Map.entry("call", List.of("publish")), Map.entry("app", List.of("live")),
                Map.entry("name", List.of("cam1")), Map.entry("addr", List.of("192.0.2.7")),
                Map.entry("user", List.of("ann")), Map.entry("pass", List.of("x y")));
        status = 200;
        assertThat(decide(auth, "cam2").allowed()).isTrue();
        assertThat(form(bodies.get(1)).keySet()).containsExactly("call", "app", "name", "addr");
    }

    @Test
    void nonTwoHundredsRefuseAndSayTheStatus() throws Exception {
        PublishAuth auth = PublishAuth.create(new PublishAuthConfig(null, null, url("/on_publish"), null), CLOCK);
        for (int code : new int[] {403, 302, 404, 500}) {
            status = code;
            PublishDecision d = decide(auth, "cam1");
            assertThat(d.allowed()).as("status %d", code).isFalse();
            assertThat(d.playbackName()).isNull();
            assertThat(d.reason()).contains("returned " + code).doesNotContain("127.0.0.1");
        }
        assertThat(bodies).hasSize(4);
        assertThat(decide(auth, "bad name").allowed()).as("invalid names never reach the callback").isFalse();
        assertThat(bodies).hasSize(4);
    }

    @Test
    void slowCallbackBeyondTheTimeoutRefuses() throws Exception {
        PublishAuth auth = PublishAuth.create(new PublishAuthConfig(null, null, url("/slow"), Duration.ofMillis(300)), CLOCK);
        long start = System.nanoTime();
        PublishDecision d = decide(auth, "cam1");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).contains("timed out");
        assertThat(tookMillis).isBetween(250L, 5_000L);
    }

    @Test
    void refusedConnectionRefuses() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI closed = URI.create("http://user:pw@127.0.0.1:" + port + "/on_publish?token=abc");
        PublishAuth auth = PublishAuth.create(new PublishAuthConfig(null, null, closed, Duration.ofSeconds(2)), CLOCK);
        PublishDecision d = decide(auth, "cam1");
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).contains("connection failed").doesNotContain("pw").doesNotContain("abc");
    }

    @Test
    void bothMustAllowWhenCombinedWithLocalModes() throws Exception {
        PublishAuth auth = PublishAuth.create(new PublishAuthConfig(Map.of("cam1", "k-secret"), TOKEN_SECRET,
                url("/on_publish"), null), CLOCK);
        status = 200;
        PublishDecision bySecret = decide(auth, "k-secret?a=1");
        assertThat(bySecret.allowed()).isTrue();
        assertThat(bySecret.playbackName()).isEqualTo("cam1");
        assertThat(bodies.get(0)).as("the secret never leaves the process").doesNotContain("k-secret").contains("name=cam1");
        String token = PublishAuth.signedName(TOKEN_SECRET, "cam7", NOW + 30);
        assertThat(decide(auth, token).playbackName()).isEqualTo("cam7");
        assertThat(form(bodies.get(1)).get("exp")).containsExactly(Long.toString(NOW + 30));

        status = 403;
        assertThat(decide(auth, "k-secret").allowed()).as("local yes, callback no").isFalse();
        int asked = bodies.size();
        status = 200;
        assertThat(decide(auth, "wrong-key").allowed()).as("local no: the callback is not asked").isFalse();
        assertThat(decide(auth, PublishAuth.signedName(TOKEN_SECRET, "cam7", NOW - 1)).allowed()).isFalse();
        assertThat(bodies).hasSize(asked);
    }

    @Test
    void formBodyEncodesWhatAFormCannotCarry() {
        String body = PublishCallback.formBody("li ve", "cam1", "a=\"b c\"&d=\u00e9&e=%41", null);
        assertThat(body).isEqualTo("call=publish&app=li+ve&name=cam1&addr=&a=%22b%20c%22&d=%C3%A9&e=%41");
    }
}
