package vn.phonghop.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With TLS_CERT and TLS_KEY the node serves HTTPS and WSS only. */
class TlsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("A configured certificate turns on HTTPS and WSS")
    void serves_tls() throws Exception {
        var kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        var keys = kpg.generateKeyPair();
        var now = Instant.parse("2026-01-01T00:00:00Z");
        var name = new X500Name("CN=localhost, O=Phòng họp không giấy");
        var cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        Path certFile = dir.resolve("cert.pem");
        Path keyFile = dir.resolve("key.pem");
        Files.writeString(certFile, pem(cert));
        Files.writeString(keyFile, pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keys.getPrivate(), null)));
        try (var server = new TestServer(dir.resolve("data"), Map.of("TLS_CERT", certFile.toString(), "TLS_KEY", keyFile.toString()))) {
            var https = server.vertx.createHttpClient(new HttpClientOptions().setSsl(true).setTrustAll(true).setVerifyHost(false));
            int status = https.request(new RequestOptions().setHost("127.0.0.1").setPort(server.port).setURI("/health"))
                    .compose(r -> r.send()).map(r -> r.statusCode()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(200, status);
            var wss = server.vertx.createWebSocketClient(new WebSocketClientOptions().setSsl(true).setTrustAll(true).setVerifyHost(false));
            var ws = wss.connect(server.port, "127.0.0.1", "/live").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            var pong = new java.util.concurrent.CompletableFuture<JsonObject>();
            ws.textMessageHandler(t -> pong.complete(new JsonObject(t)));
            ws.writeTextMessage("{\"type\":\"ping\"}");
            assertEquals("pong", pong.get(30, TimeUnit.SECONDS).getString("type"));
            ws.close();
            wss.close();
            https.close();
        }
    }

    private static String pem(Object o) throws Exception {
        var out = new StringWriter();
        try (var w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        }
        return out.toString();
    }
}
