package vn.phonghop.server.minutes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** A development key made once for all the signing tests (an RSA-3072 key takes a moment). */
final class Keys {

    static final char[] PASSWORD = "mat-khau-phat-trien".toCharArray();
    static final Instant NOW = Instant.parse("2026-11-20T03:20:00Z");
    private static SigningKey development;

    private Keys() {
    }

    static synchronized SigningKey development() {
        if (development == null) {
            try {
                Path dir = Files.createTempDirectory("minutes-keys");
                development = DevelopmentKeys.create(dir.resolve("development.p12"), PASSWORD, NOW);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return development;
    }

    /** The sample minutes signed with the development key at {@link #NOW}. */
    static byte[] signedSample() {
        return new MinutesSigner(development()).sign(Samples.pdf(), NOW);
    }
}
