package vn.phonghop.server.minutes;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed development key for a server with no signing keystore configured, so that minutes
 * can be signed on a developer's machine. Its subject says it is not for real documents, and
 * {@link SigningKey#development()} tells the caller, who must warn about it.
 */
public final class DevelopmentKeys {

    public static final String SUBJECT = "CN=Khóa phát triển — không dùng cho văn bản thật, O=Phòng họp không giấy";
    private static final String ALIAS = "development";
    private static final Duration VALIDITY = Duration.ofDays(825);

    private DevelopmentKeys() {
    }

    /**
     * The configured keystore when there is one; otherwise the development keystore at
     * {@code developmentKeystore}, created on first use.
     *
     * @param configured the organisation's PKCS#12 file, or null when none is configured
     * @param now        the start of the development certificate's validity, if one is created
     */
    public static SigningKey configuredOrDevelopment(Path configured, char[] password, Path developmentKeystore,
                                                     Instant now) throws IOException {
        if (configured != null) return SigningKey.fromPkcs12(configured, password);
        if (!Files.exists(developmentKeystore)) {
            try {
                create(developmentKeystore, password, now);
            } catch (FileAlreadyExistsException e) {
                // another node created it first: use theirs
            }
        }
        return SigningKey.fromPkcs12(developmentKeystore, password);
    }

    /** Writes a new PKCS#12 file holding an RSA-3072 key and its self-signed development certificate. */
    public static SigningKey create(Path keystore, char[] password, Instant now) throws IOException {
        return create(keystore, password, now, SUBJECT);
    }

    static SigningKey create(Path keystore, char[] password, Instant now, String subject) throws IOException {
        for (char c : password) {
            if (c > 0x7e || c < 0x20) throw new IllegalArgumentException("a PKCS#12 password must be printable ASCII");
        }
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X509Certificate cert = selfSigned(pair, now, subject);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), password, new X509Certificate[] {cert});
            write(ks, keystore, password);
            return new SigningKey(pair.getPrivate(), List.of(cert));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a development key", e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, Instant now, String subject)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        // parsed by the JDK: the most specific name (CN) last in the encoding, first when printed
        var name = X500Name.getInstance(new X500Principal(subject).getEncoded());
        var serial = new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
        var builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        var ext = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** Written beside the target and moved into place, readable by the owner only where the file system allows. */
    private static void write(KeyStore ks, Path keystore, char[] password) throws IOException, GeneralSecurityException {
        Path dir = keystore.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".dev-key", ".p12");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect it
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, password);
            }
            if (Files.exists(keystore)) throw new FileAlreadyExistsException(keystore.toString());
            Files.move(tmp, keystore, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
