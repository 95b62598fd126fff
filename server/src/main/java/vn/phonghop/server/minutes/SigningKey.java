package vn.phonghop.server.minutes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/** The organisation's signing key and its certificate chain (signer first), from a PKCS#12 keystore. */
public final class SigningKey {

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    public SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) throw new IllegalArgumentException("a signing key needs its certificate");
    }

    /** The first key entry of a PKCS#12 file; the same password opens the file and the key. */
    public static SigningKey fromPkcs12(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) continue;
                var key = (PrivateKey) ks.getKey(alias, password);
                var chain = new ArrayList<X509Certificate>();
                for (Certificate c : ks.getCertificateChain(alias)) chain.add((X509Certificate) c);
                return new SigningKey(key, chain);
            }
            throw new IOException("no private key in " + file);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open the keystore " + file + ": " + e.getMessage(), e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Whether this is a development key: a document signed with it is not a real document. */
    public boolean development() {
        return certificate().getSubjectX500Principal().equals(new X500Principal(DevelopmentKeys.SUBJECT));
    }
}
