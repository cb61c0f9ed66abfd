package io.streamwire.examples.origin;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Decides whether an RTMP publish may go on, and under which public playback name.
 *
 * <p>Modes, from {@link PublishAuthConfig} (all empty: open mode, any valid name publishes under itself):
 * <ul>
 * <li><b>stream secrets</b> ({@code --stream name=secret}): the publisher sends the secret as its stream
 *     key ({@code rtmp://host/live/<secret>}) and publishes the public name; the secret is never a
 *     playback path, and a public name sent as a key is refused. Secrets are compared in constant time
 *     (SHA-256 of both sides, then {@link MessageDigest#isEqual}), so neither content nor length leaks.
 * <li><b>signed tokens</b> ({@code --publish-secret S}): the key is
 *     {@code name?exp=<unix seconds>&sig=<hex HMAC-SHA256(S, name + ":" + exp)>} (see {@link #signedName}).
 * <li><b>on_publish callback</b> ({@code --on-publish URL}, as nginx-rtmp's {@code on_publish}): see
 *     {@link PublishCallback}. With secrets or tokens configured, the callback is asked only after they
 *     allowed the publish, and both must allow.
 * </ul>
 * When both secrets and tokens are configured, either may grant the publish.
 *
 * <p>Public names match {@code [A-Za-z0-9_.-]{1,64}} and do not start with '.'. Decisions carry a short
 * reason for the log that never contains a secret, a token signature or a key as sent.
 *
 * <p>Thread-safe.
 */
final class PublishAuth {
    /** Playback names: 1 to 64 of {@code [A-Za-z0-9_.-]}, not starting with '.'. */
    static final Pattern NAME = Pattern.compile("(?!\\.)[A-Za-z0-9_.-]{1,64}");
    /** Longest publishing name (with its query) looked at; longer ones are refused unread. */
    static final int MAX_PUBLISHING_NAME_CHARS = 4096;
    /** The on_publish timeout when the configuration gives none. */
    static final Duration DEFAULT_CALLBACK_TIMEOUT = Duration.ofSeconds(3);

    /** One publish attempt: {@code publishingName} as sent (may hold {@code ?query}); {@code remote} may be null. */
    record PublishRequest(String app, String publishingName, InetSocketAddress remote) {
        PublishRequest {
            Objects.requireNonNull(app, "app");
            Objects.requireNonNull(publishingName, "publishingName");
        }
    }

    /** The verdict: the public name to publish under (null when refused) and a log-safe reason. */
    record PublishDecision(boolean allowed, String playbackName, String reason) {
        static PublishDecision allow(String playbackName, String reason) {
            return new PublishDecision(true, playbackName, reason);
        }

        static PublishDecision refuse(String reason) {
            return new PublishDecision(false, null, reason);
        }
    }

    /**
     * Options; null or empty values turn a mode off.
     *
     * @param streamSecrets public name to secret ({@code --stream name=secret})
     * @param tokenSecret HMAC key of signed publish names ({@code --publish-secret})
     * @param onPublishUrl the on_publish callback ({@code --on-publish})
     * @param callbackTimeout callback timeout (null: {@link #DEFAULT_CALLBACK_TIMEOUT})
     */
    record PublishAuthConfig(Map<String, String> streamSecrets, byte[] tokenSecret, URI onPublishUrl,
            Duration callbackTimeout) {
        /** Open mode. */
        static PublishAuthConfig open() {
            return new PublishAuthConfig(null, null, null, null);
        }
    }

    private final Map<String, byte[]> secretHashes; // public name -> SHA-256(secret)
    private final byte[] tokenSecret;
    private final PublishCallback callback;
    private final Clock clock;

    private PublishAuth(Map<String, byte[]> secretHashes, byte[] tokenSecret, PublishCallback callback, Clock clock) {
        this.secretHashes = secretHashes;
        this.tokenSecret = tokenSecret;
        this.callback = callback;
        this.clock = clock;
    }

    /** Builds the policy of {@code config} on the system clock. */
    static PublishAuth create(PublishAuthConfig config) {
        return create(config, Clock.systemUTC());
    }

    /**
     * Builds the policy of {@code config}, reading token expiry against {@code clock}.
     *
     * @throws IllegalArgumentException if a public name is invalid, a secret is empty, repeats, or equals
     *     a public name, or the timeout is not positive
     */
    static PublishAuth create(PublishAuthConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Map<String, byte[]> hashes = new LinkedHashMap<>();
        Map<String, String> secrets = config.streamSecrets() == null ? Map.of() : config.streamSecrets();
        for (Map.Entry<String, String> e : secrets.entrySet()) {
            String name = e.getKey();
            String secret = e.getValue();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid stream name in --stream: " + name);
            }
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("empty secret for stream " + name);
            }
            if (secrets.containsKey(secret)) {
                throw new IllegalArgumentException("the secret of stream " + name + " is also a public stream name");
            }
            byte[] hash = SignedQuery.sha256(secret);
            if (hashes.values().stream().anyMatch(h -> MessageDigest.isEqual(h, hash))) {
                throw new IllegalArgumentException("stream " + name + " reuses another stream's secret");
            }
            hashes.put(name, hash);
        }
        byte[] token = config.tokenSecret() == null || config.tokenSecret().length == 0 ? null : config.tokenSecret().clone();
        Duration timeout = config.callbackTimeout() == null ? DEFAULT_CALLBACK_TIMEOUT : config.callbackTimeout();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("callback timeout must be positive: " + timeout);
        }
        PublishCallback callback = config.onPublishUrl() == null ? null : new PublishCallback(config.onPublishUrl(), timeout);
        return new PublishAuth(Map.copyOf(hashes), token, callback, clock);
    }

    /** Whether no mode is configured (any valid name publishes under itself). */
    boolean isOpen() {
        return secretHashes.isEmpty() && tokenSecret == null && callback == null;
    }

    /**
     * Decides on {@code r}. The future never completes exceptionally: callback failures and timeouts
     * become refusals.
     */
    CompletableFuture<PublishDecision> authorize(PublishRequest r) {
        Objects.requireNonNull(r, "request");
        String sent = r.publishingName();
        if (sent.length() > MAX_PUBLISHING_NAME_CHARS) {
            return CompletableFuture.completedFuture(PublishDecision.refuse("publishing name longer than "
                    + MAX_PUBLISHING_NAME_CHARS + " characters"));
        }
        int q = sent.indexOf('?');
        String base = q < 0 ? sent : sent.substring(0, q);
        String query = q < 0 ? "" : sent.substring(q + 1);
        PublishDecision local = decideLocally(base, query);
        if (!local.allowed() || callback == null) {
            return CompletableFuture.completedFuture(local);
        }
        return callback.ask(r.app(), local.playbackName(), query, r.remote()).thenApply(remote -> remote.allowed()
                ? PublishDecision.allow(local.playbackName(), local.reason() + "; " + remote.reason())
                : remote);
    }

    private PublishDecision decideLocally(String base, String query) {
        boolean secretsOn = !secretHashes.isEmpty();
        if (!secretsOn && tokenSecret == null) {
            return NAME.matcher(base).matches()
                    ? PublishDecision.allow(base, callback == null ? "open mode" : "name valid")
                    : PublishDecision.refuse("invalid stream name (allowed: [A-Za-z0-9_.-]{1,64}, not starting with '.')");
        }
        if (secretsOn) {
            String matched = matchSecret(base);
            if (matched != null) {
                return PublishDecision.allow(matched, "stream key matches the secret of stream " + matched);
            }
            if (tokenSecret == null) {
                return PublishDecision.refuse(secretHashes.containsKey(base)
                        ? "stream key is a public stream name, not its secret" : "unknown stream key");
            }
        }
        if (!NAME.matcher(base).matches()) {
            return PublishDecision.refuse(secretsOn ? "unknown stream key" : "invalid stream name");
        }
        SignedQuery.Check check = SignedQuery.verify(tokenSecret, base + ":", query, clock.instant().getEpochSecond());
        return check.ok()
                ? PublishDecision.allow(base, "signed publish " + check.reason())
                : PublishDecision.refuse((secretsOn ? "unknown stream key and signed publish refused: "
                        : "signed publish refused: ") + check.reason());
    }

    /** The public name whose secret is {@code key}, or null; every configured secret is compared. */
    private String matchSecret(String key) {
        byte[] hash = SignedQuery.sha256(key);
        String found = null;
        for (Map.Entry<String, byte[]> e : secretHashes.entrySet()) {
            if (MessageDigest.isEqual(e.getValue(), hash)) {
                found = e.getKey();
            }
        }
        return found;
    }

    /**
     * A signed publishing name, {@code name?exp=<exp>&sig=<hex HMAC-SHA256(secret, name + ":" + exp)>},
     * to append to {@code rtmp://host/app/}.
     *
     * @throws IllegalArgumentException if {@code name} is not a valid public name, the secret is empty or
     *     {@code exp} is negative
     */
    static String signedName(byte[] secret, String name, long expEpochSeconds) {
        if (!NAME.matcher(name).matches() || secret.length == 0 || expEpochSeconds < 0) {
            throw new IllegalArgumentException("need a valid name, a non-empty secret and exp >= 0");
        }
        return name + "?exp=" + expEpochSeconds + "&sig=" + SignedQuery.sign(secret, name + ":" + expEpochSeconds);
    }

    /**
     * Prints a signed publishing name: {@code PublishAuth <name> <valid-seconds>}, with the secret in the
     * environment variable {@code STREAMWIRE_PUBLISH_SECRET} (not on the command line, where {@code ps}
     * shows it).
     */
    public static void main(String[] args) {
        String secret = System.getenv("STREAMWIRE_PUBLISH_SECRET");
        if (args.length != 2 || secret == null || secret.isEmpty()) {
            System.err.println("usage: STREAMWIRE_PUBLISH_SECRET=S java ... PublishAuth <name> <valid-seconds>");
            System.exit(2);
            return;
        }
        long exp = Clock.systemUTC().instant().getEpochSecond() + Long.parseLong(args[1]);
        System.out.println(signedName(secret.getBytes(StandardCharsets.UTF_8), args[0], exp));
    }
}
