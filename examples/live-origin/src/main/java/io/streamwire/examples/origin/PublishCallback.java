package io.streamwire.examples.origin;

import io.streamwire.examples.origin.PublishAuth.PublishDecision;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code on_publish} HTTP callback, as nginx-rtmp's (nginx-rtmp-module wiki, "Directives",
 * on_publish): a POST of {@code application/x-www-form-urlencoded}
 * {@code call=publish&app=<app>&name=<name>&addr=<ip>} followed by the query arguments the publisher
 * sent. A 2xx answer allows the publish; any other status, a timeout or a connection error refuses it,
 * and the reason says which. Redirects are not followed (nginx-rtmp's 3xx rename is not supported).
 *
 * <p>Thread-safe.
 *
 * @implNote {@code name} is the public playback name: in stream-secrets mode the key as sent is the
 *     secret, which never leaves the process. Characters of the query that are not allowed in a form
 *     body are percent-encoded; the query is otherwise passed as sent. Reasons never contain the URL
 *     (it may carry credentials) nor the query.
 */
final class PublishCallback {
    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * A callback to {@code url} ({@code http} or {@code https}) answering within {@code timeout}.
     *
     * @throws IllegalArgumentException if the scheme is not http or https, the URL is not one an
     *     {@link HttpRequest} takes, or the timeout is not positive
     */
    PublishCallback(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("on_publish URL must be http or https");
        }
        HttpRequest.newBuilder(url).timeout(timeout); // the rest of a request cannot fail: checked here, once
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The form body for one publish. */
    static String formBody(String app, String name, String rawQuery, InetSocketAddress remote) {
        StringBuilder s = new StringBuilder("call=publish&app=").append(enc(app)).append("&name=").append(enc(name))
                .append("&addr=").append(enc(addr(remote)));
        if (rawQuery != null && !rawQuery.isEmpty()) {
            s.append('&').append(safeQuery(rawQuery));
        }
        return s.toString();
    }

    /** Asks the callback; the future completes normally, with a refusal on any failure. */
    CompletableFuture<PublishDecision> ask(String app, String name, String rawQuery, InetSocketAddress remote) {
        HttpRequest request = HttpRequest.newBuilder(url) // url and timeout checked by the constructor
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(app, name, rawQuery, remote), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<Void>> call = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        // The request timeout covers the response headers; this bounds everything else as well.
        long millis = timeout.toMillis();
        return call.orTimeout(millis + 1000, TimeUnit.MILLISECONDS).handle((response, error) -> {
            if (error == null) {
                int status = response.statusCode();
                return status >= 200 && status < 300
                        ? PublishDecision.allow(name, "on_publish callback returned " + status)
                        : PublishDecision.refuse("on_publish callback returned " + status);
            }
            return PublishDecision.refuse(describe(error, millis));
        });
    }

    private static String describe(Throwable error, long millis) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof HttpConnectTimeoutException) {
            return "on_publish callback connect timed out after " + millis + " ms";
        }
        if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            return "on_publish callback timed out after " + millis + " ms";
        }
        if (e instanceof ConnectException) {
            return "on_publish callback connection failed (refused or unreachable)";
        }
        return "on_publish callback failed (" + e.getClass().getSimpleName() + ")";
    }

    private static String addr(InetSocketAddress remote) {
        if (remote == null) {
            return "";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The query with every character a form body does not allow as-is percent-encoded (UTF-8). */
    static String safeQuery(String rawQuery) {
        StringBuilder s = new StringBuilder(rawQuery.length());
        for (int i = 0; i < rawQuery.length(); i++) {
            char c = rawQuery.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~%+=&*".indexOf(c) >= 0)) {
                s.append(c);
            } else {
                int cp = rawQuery.codePointAt(i);
                if (Character.isSupplementaryCodePoint(cp)) {
                    i++;
                }
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    s.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        }
        return s.toString();
    }
}
