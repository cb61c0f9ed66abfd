package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.examples.origin.PublishAuth.PublishAuthConfig;
import io.streamwire.examples.origin.PublishAuth.PublishDecision;
import io.streamwire.examples.origin.PublishAuth.PublishRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local publish modes: open, stream secrets and signed tokens (the callback: {@link PublishCallbackTest}). */
class PublishAuthTest {
    static final long NOW = 1_800_000_000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    static final byte[] TOKEN_SECRET = "token-secret-S".getBytes(StandardCharsets.UTF_8);
    static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 40000);

    static PublishDecision decide(PublishAuth auth, String publishingName) throws Exception {
        return auth.authorize(new PublishRequest("live", publishingName, REMOTE)).get(5, TimeUnit.SECONDS);
    }

    /** The signature computed independently of the code under test (JCA HmacSHA256 over name:exp). */
    static String hmacHex(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void openModeAcceptsAnyValidNameUnderItselfAndDropsTheQuery() throws Exception {
        PublishAuth auth = PublishAuth.create(PublishAuthConfig.open(), CLOCK);
        assertThat(auth.isOpen()).isTrue();
        assertThat(decide(auth, "cam-1")).isEqualTo(PublishDecision.allow("cam-1", "open mode"));
        PublishDecision withQuery = decide(auth, "cam_2.hd?foo=bar");
        assertThat(withQuery.allowed()).isTrue();
        assertThat(withQuery.playbackName()).isEqualTo("cam_2.hd");
        assertThat(PublishAuth.create(new PublishAuthConfig(Map.of(), new byte[0], null, null), CLOCK).isOpen()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".hidden", "..", "a/b", "a b", "caf\u00e9", "x%2e", "?exp=1",
            "a2345678901234567890123456789012345678901234567890123456789012345"})
    void openModeRefusesInvalidNames(String name) throws Exception {
        PublishDecision d = decide(PublishAuth.create(PublishAuthConfig.open(), CLOCK), name);
        assertThat(d.allowed()).isFalse();
        assertThat(d.playbackName()).isNull();
    }

    @Test
    void nameLimitsAreExactlyOneTo64() {
        assertThat(PublishAuth.NAME.matcher("a".repeat(64)).matches()).isTrue();
        assertThat(PublishAuth.NAME.matcher("a".repeat(65)).matches()).isFalse();
        assertThat(PublishAuth.NAME.matcher("a.").matches()).isTrue();
        assertThat(PublishAuth.NAME.matcher("-_.9").matches()).isTrue();
    }

    @Test
    void streamSecretPublishesUnderThePublicNameAndTheSecretNeverAppears() throws Exception {
        PublishAuth auth = PublishAuth.create(new PublishAuthConfig(
                Map.of("cam1", "s3cr3t-Key", "cam2", "other+secret/with?chars"), null, null, null), CLOCK);
        PublishDecision d = decide(auth, "s3cr3t-Key");
        assertThat(d.allowed()).isTrue();
        assertThat(d.playbackName()).isEqualTo("cam1");
        assertThat(d.reason()).doesNotContain("s3cr3t");
        PublishDecision other = decide(auth, "other+secret/with");
        assertThat(other.allowed()).as("the key is the part before '?'").isFalse();
        assertThat(decide(auth, "s3cr3t-Key?obs=1").playbackName()).isEqualTo("cam1");
    }

    @Test
    void streamSecretsRefuseWrongSecretsAndThePublicNameAsKey() throws Exception {
        PublishAuth auth = PublishAuth.create(new PublishAuthConfig(Map.of("cam1", "s3cr3t-Key"), null, null, null), CLOCK);
        for (String key : new String[] {"s3cr3t-KEY", "s3cr3t-Ke", "s3cr3t-Key2", "", "cam1"}) {
            PublishDecision d = decide(auth, key);
            assertThat(d.allowed()).as(key).isFalse();
            assertThat(d.playbackName()).isNull();
            assertThat(d.reason()).doesNotContain("s3cr3t");
        }
        assertThat(decide(auth, "cam1").reason()).contains("public stream name");
    }

    @Test
    void streamSecretConfigurationIsChecked() {
        assertThatThrownBy(() -> PublishAuth.create(new PublishAuthConfig(Map.of("bad name", "x"), null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishAuth.create(new PublishAuthConfig(Map.of("a", ""), null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishAuth.create(new PublishAuthConfig(Map.of("a", "same", "b", "same"), null, null, null)))
                .hasMessageNotContaining("same");
        assertThatThrownBy(() -> PublishAuth.create(new PublishAuthConfig(Map.of("a", "b", "b", "zz"), null, null, null)))
                .as("a secret that is a public name would be a playback path").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signedTokenAllowsUntilAndIncludingExp() throws Exception {
        PublishAuth auth = PublishAuth.create(new PublishAuthConfig(null, TOKEN_SECRET, null, null), CLOCK);
        String sig = hmacHex(TOKEN_SECRET, "cam1:" + NOW);
        PublishDecision d = decide(auth, "cam1?exp=" + NOW + "&sig=" + sig);
        assertThat(d.allowed()).isTrue();
        assertThat(d.playbackName()).isEqualTo("cam1");
        assertThat(d.reason()).doesNotContain(sig);
        assertThat(decide(auth, "cam1?sig=" + sig.toUpperCase() + "&exp=" + NOW + "&x=1").allowed())
                .as("order, case and extra arguments do not matter").isTrue();
        assertThat(PublishAuth.signedName(TOKEN_SECRET, "cam1", NOW)).isEqualTo("cam1?exp=" + NOW + "&sig=" + sig);
    }

    @Test
    void signedTokenRefusals() throws Exception {
        PublishAuth auth = PublishAuth.create(new PublishAuthConfig(null, TOKEN_SECRET, null, null), CLOCK);
        long exp = NOW + 60;
        String good = PublishAuth.signedName(TOKEN_SECRET, "cam1", exp);
        assertThat(decide(auth, good).allowed()).isTrue();
        String expired = PublishAuth.signedName(TOKEN_SECRET, "cam1", NOW - 1);
        assertThat(decide(auth, expired).reason()).contains("expired");
        String sig = hmacHex(TOKEN_SECRET, "cam1:" + exp);
        char flipped = sig.charAt(10) == '0' ? '1' : '0';
        String tampered = "cam1?exp=" + exp + "&sig=" + sig.substring(0, 10) + flipped + sig.substring(11);
        assertThat(decide(auth, tampered).reason()).contains("bad signature");
        assertThat(decide(auth, "cam2?exp=" + exp + "&sig=" + sig).reason()).as("another name").contains("bad signature");
        assertThat(decide(auth, "cam1?exp=" + (exp + 1) + "&sig=" + sig).reason()).as("a later exp").contains("bad signature");
        String otherKey = PublishAuth.signedName("another".getBytes(StandardCharsets.UTF_8), "cam1", exp);
        assertThat(decide(auth, otherKey).allowed()).isFalse();
        assertThat(decide(auth, "cam1").reason()).contains("missing");
        assertThat(decide(auth, good + "&exp=" + exp).reason()).as("repeated exp").contains("repeated");
        assertThat(decide(auth, "cam1?exp=+" + exp + "&sig=" + sig).allowed()).isFalse();
        assertThat(decide(auth, "cam1?exp=" + exp + "&sig=" + sig.substring(2)).allowed()).isFalse();
        assertThat(decide(auth, "cam1?exp=" + exp + "&sig=" + sig + "00").allowed()).isFalse();
        String playToken = "cam1?" + PlaybackTokens.of(TOKEN_SECRET).query("cam1", exp);
        assertThat(decide(auth, playToken).allowed()).as("a playback token is no publish token").isFalse();
        assertThat(decide(auth, ".x?exp=" + exp + "&sig=" + hmacHex(TOKEN_SECRET, ".x:" + exp)).allowed()).isFalse();
        assertThat(decide(auth, "x".repeat(5000)).allowed()).isFalse();
    }

    @Test
    void secretsAndTokensTogetherEitherGrants() throws Exception {
        PublishAuth auth = PublishAuth.create(new PublishAuthConfig(Map.of("cam1", "k-1"), TOKEN_SECRET, null, null), CLOCK);
        assertThat(decide(auth, "k-1").playbackName()).isEqualTo("cam1");
        assertThat(decide(auth, PublishAuth.signedName(TOKEN_SECRET, "cam9", NOW + 5)).playbackName()).isEqualTo("cam9");
        assertThat(decide(auth, "cam1").allowed()).isFalse();
        assertThat(decide(auth, "k-2").reason()).doesNotContain("k-2").contains("unknown stream key");
    }

    @Test
    void signedNameRefusesBadInput() {
        assertThatThrownBy(() -> PublishAuth.signedName(TOKEN_SECRET, "a b", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishAuth.signedName(new byte[0], "a", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishAuth.signedName(TOKEN_SECRET, "a", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
