package vn.phonghop.server.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Logger;
import vn.phonghop.server.config.Config;
import vn.phonghop.server.minutes.DevelopmentKeys;
import vn.phonghop.server.minutes.SigningKey;

/**
 * The key that signs archived minutes: the organisation's PKCS#12 file ({@code SIGNING_KEYSTORE},
 * opened with {@code SIGNING_PASSWORD}), or on a fresh install without one a development key made
 * under {@code DATA_DIR/signing/}, with a warning that its documents are not real ones. Opened on
 * first use (making an RSA key takes a moment), then kept.
 */
final class OrganisationKey {
    private static final Logger LOG = Logger.getLogger(OrganisationKey.class.getName());
    /** The development key's password when no SIGNING_PASSWORD is set: the key protects nothing real. */
    private static final String DEVELOPMENT_PASSWORD = "phonghop-development";

    private final Config config;
    private final Clock clock;
    private SigningKey key;

    OrganisationKey(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    synchronized SigningKey get() {
        if (key == null) {
            String password = config.signingPassword().isEmpty() ? DEVELOPMENT_PASSWORD : config.signingPassword();
            Path development = config.dataDir().resolve("signing").resolve("development-key.p12");
            try {
                key = DevelopmentKeys.configuredOrDevelopment(config.signingKeystore().orElse(null),
                        password.toCharArray(), development, clock.instant());
            } catch (IOException e) {
                throw new IllegalStateException("cannot open the signing key", e);
            }
            if (key.development()) {
                LOG.warning("minutes are signed with a DEVELOPMENT key (" + development + "), not the organisation's:"
                        + " set SIGNING_KEYSTORE and SIGNING_PASSWORD to a PKCS#12 file for real documents");
            }
        }
        return key;
    }
}
