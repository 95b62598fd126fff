package vn.phonghop.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    @DisplayName("With no variables set, the defaults describe a single node with embedded H2 under ./data")
    void defaults() {
        Config config = Config.from(Map.of());
        Path data = Path.of("./data").toAbsolutePath().normalize();

        assertEquals(8080, config.port());
        assertEquals(data, config.dataDir());
        assertEquals("jdbc:h2:file:" + data.resolve("phonghop") + ";DB_CLOSE_ON_EXIT=FALSE", config.dbUrl());
        assertTrue(config.embeddedDatabase());
        assertFalse(config.clustered());
        assertFalse(config.tls());
        assertEquals(50L * 1024 * 1024, config.maxDocumentBytes());
        assertEquals(Duration.ofHours(12), config.sessionTtl());
        assertEquals("phonghop", config.clusterName());
    }

    @Test
    @DisplayName("Every variable overrides its default")
    void overrides() {
        Config config = Config.from(Map.ofEntries(
                Map.entry("PORT", "9443"),
                Map.entry("DATA_DIR", "/srv/phonghop"),
                Map.entry("DB_URL", "jdbc:postgresql://db.internal/phonghop"),
                Map.entry("DB_USER", "phonghop"),
                Map.entry("DB_PASSWORD", "s3cret"),
                Map.entry("CLUSTER_MEMBERS", " 10.0.0.1, 10.0.0.2 ,,"),
                Map.entry("CLUSTER_NAME", "tinh-uy"),
                Map.entry("CLUSTER_INTERFACE", "10.0.0.*"),
                Map.entry("TLS_CERT", "/etc/phonghop/cert.pem"),
                Map.entry("TLS_KEY", "/etc/phonghop/key.pem"),
                Map.entry("SIGNING_KEYSTORE", "/etc/phonghop/sign.p12"),
                Map.entry("SIGNING_PASSWORD", "ky-so"),
                Map.entry("MAX_DOCUMENT_BYTES", "10MiB"),
                Map.entry("SESSION_TTL", "30m")));

        assertEquals(9443, config.port());
        assertEquals(Path.of("/srv/phonghop"), config.dataDir());
        assertEquals("jdbc:postgresql://db.internal/phonghop", config.dbUrl());
        assertFalse(config.embeddedDatabase());
        assertEquals(List.of("10.0.0.1", "10.0.0.2"), config.clusterMembers());
        assertTrue(config.clustered());
        assertEquals(Optional.of("10.0.0.*"), config.clusterInterface());
        assertTrue(config.tls());
        assertEquals(Optional.of(Path.of("/etc/phonghop/sign.p12")), config.signingKeystore());
        assertEquals(10L * 1024 * 1024, config.maxDocumentBytes());
        assertEquals(Duration.ofMinutes(30), config.sessionTtl());
    }

    @Test
    @DisplayName("The embedded database follows DATA_DIR when DB_URL is empty")
    void embeddedUrlFollowsDataDir() {
        Config config = Config.from(Map.of("DATA_DIR", "/var/lib/phonghop", "DB_URL", "  "));
        assertTrue(config.dbUrl().startsWith("jdbc:h2:file:/var/lib/phonghop/phonghop;"));
    }

    @Test
    @DisplayName("Sizes and durations accept plain numbers, units and ISO-8601")
    void sizesAndDurations() {
        assertEquals(52_428_800L, Config.parseBytes("X", "52428800"));
        assertEquals(2048L, Config.parseBytes("X", "2K"));
        assertEquals(1L << 30, Config.parseBytes("X", "1GiB"));
        assertEquals(Duration.ofHours(12), Config.parseDuration("X", "PT12H"));
        assertEquals(Duration.ofSeconds(90), Config.parseDuration("X", "90s"));
        assertEquals(Duration.ofDays(2), Config.parseDuration("X", "2d"));
    }

    @Test
    @DisplayName("A malformed value is refused with the variable's name")
    void malformedValues() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.from(Map.of("PORT", "http")))
                .getMessage().contains("PORT"));
        assertThrows(IllegalArgumentException.class, () -> Config.from(Map.of("PORT", "70000")));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Config.from(Map.of("SESSION_TTL", "soon"))).getMessage().contains("SESSION_TTL"));
        assertThrows(IllegalArgumentException.class, () -> Config.from(Map.of("SESSION_TTL", "0h")));
        assertThrows(IllegalArgumentException.class, () -> Config.from(Map.of("MAX_DOCUMENT_BYTES", "lots")));
    }

    @Test
    @DisplayName("Printing the configuration never shows a password")
    void secretsHidden() {
        String printed = Config.from(Map.of("DB_PASSWORD", "s3cret", "SIGNING_PASSWORD", "ky-so")).toString();
        assertFalse(printed.contains("s3cret"));
        assertFalse(printed.contains("ky-so"));
    }
}
