package vn.phonghop.server.minutes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.phonghop.server.minutes.MinutesVerifier.Status;

/** Signed minutes (PAdES B-B, 03-HD/VPTW): valid as signed, tampering found, readers agree. */
class MinutesSigningTest {

    @Test
    @DisplayName("Signed minutes verify as valid and name the signer")
    void signed_minutes_are_valid() {
        var v = MinutesVerifier.verify(Keys.signedSample());
        assertEquals(Status.VALID, v.status(), v.detail());
        assertTrue(v.signer().contains("Khóa phát triển — không dùng cho văn bản thật"), v.signer());
        assertEquals("CN=Khóa phát triển — không dùng cho văn bản thật,O=Phòng họp không giấy", v.signer());
    }

    @Test
    @DisplayName("Signing appends a revision: the signed file begins with the unsigned minutes, unchanged")
    void incremental() {
        byte[] unsigned = Samples.pdf();
        byte[] signed = Keys.signedSample();
        assertTrue(signed.length > unsigned.length);
        assertArrayEquals(unsigned, Arrays.copyOf(signed, unsigned.length));
    }

    @Test
    @DisplayName("poppler's pdfsig finds the signature valid and covering the total document")
    void pdfsig_agrees() {
        var result = Tools.run("pdfsig", Samples.write("signed.pdf", Keys.signedSample()).toString());
        assertTrue(result.output().contains("Signature Validation: Signature is Valid."), result.output());
        assertTrue(result.output().contains("Total document signed"), result.output());
        assertTrue(result.output().contains("ETSI.CAdES.detached"), result.output());
    }

    @Test
    @DisplayName("The signature is PAdES baseline B: CAdES detached, SHA-256, signing certificate bound, time in /M only")
    void pades_profile() throws Exception {
        byte[] signed = Keys.signedSample();
        try (var doc = Loader.loadPDF(signed)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            assertEquals(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(), sig.getSubFilter());
            assertEquals(Keys.NOW.toEpochMilli(), sig.getSignDate().getTimeInMillis());
            ContentInfo info;
            try (var in = new ASN1InputStream(new ByteArrayInputStream(sig.getContents(signed)))) {
                info = ContentInfo.getInstance(in.readObject());
            }
            var cms = new CMSSignedData(info);
            assertTrue(cms.isDetachedSignature());
            var signer = cms.getSignerInfos().getSigners().iterator().next();
            assertEquals(NISTObjectIdentifiers.id_sha256.getId(), signer.getDigestAlgOID());
            var attributes = signer.getSignedAttributes();
            assertNotNull(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
            assertNotNull(attributes.get(CMSAttributes.messageDigest));
            assertNull(attributes.get(CMSAttributes.signingTime), "PAdES: the claimed time is /M, not signing-time");
        }
    }

    @Test
    @DisplayName("The same minutes signed with the same key at the same time give the same bytes")
    void deterministic() {
        assertArrayEquals(Keys.signedSample(), Keys.signedSample());
    }

    @ParameterizedTest(name = "a byte flipped at {0}")
    @ValueSource(strings = {"the PDF header", "the middle of the minutes", "the signature value",
            "the signature's padding", "the signature dictionary", "the last byte"})
    @DisplayName("A flipped byte anywhere in the signed file makes it TAMPERED")
    void flipped_byte(String where) throws IOException {
        byte[] signed = Keys.signedSample();
        int[] range;
        try (var doc = Loader.loadPDF(signed)) {
            range = doc.getLastSignatureDictionary().getByteRange();
        }
        int at = switch (where) {
            case "the PDF header" -> 5;
            case "the middle of the minutes" -> Samples.pdf().length / 2;
            case "the signature value" -> range[1] + 1 + 2 * 1500;
            case "the signature's padding" -> range[2] - 10;
            case "the signature dictionary" -> indexOf(signed, "/ETSI.CAdES.detached") + 3;
            default -> signed.length - 1;
        };
        signed[at] ^= 0x01;
        var v = MinutesVerifier.verify(signed);
        assertEquals(Status.TAMPERED, v.status(), () -> where + ": " + v.detail());
    }

    @Test
    @DisplayName("Bytes appended after signing make the file TAMPERED")
    void appended_bytes() {
        byte[] signed = Keys.signedSample();
        byte[] longer = Arrays.copyOf(signed, signed.length + 12);
        System.arraycopy("\n% appended".getBytes(StandardCharsets.US_ASCII), 0, longer, signed.length, 11);
        assertEquals(Status.TAMPERED, MinutesVerifier.verify(longer).status());
    }

    @Test
    @DisplayName("Unsigned minutes are UNSIGNED, and something that is not a PDF is refused")
    void unsigned() {
        assertEquals(Status.UNSIGNED, MinutesVerifier.verify(Samples.pdf()).status());
        assertThrows(IllegalArgumentException.class,
                () -> MinutesVerifier.verify("không phải PDF".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("With no keystore configured a development key is created once, RSA-3072, and flagged as such")
    void development_key() throws IOException {
        var dir = Files.createTempDirectory("minutes-dev");
        var file = dir.resolve("keys").resolve("development.p12");
        SigningKey first = DevelopmentKeys.configuredOrDevelopment(null, Keys.PASSWORD, file, Keys.NOW);
        assertTrue(Files.exists(file));
        assertTrue(first.development());
        assertEquals(3072, ((RSAPublicKey) first.certificate().getPublicKey()).getModulus().bitLength());
        assertEquals(DevelopmentKeys.SUBJECT.replace(", ", ","), first.certificate().getSubjectX500Principal().getName());
        SigningKey again = DevelopmentKeys.configuredOrDevelopment(null, Keys.PASSWORD, file, Keys.NOW.plusSeconds(60));
        assertEquals(first.certificate(), again.certificate(), "the development key is made once and kept");
        assertThrows(IOException.class, () -> SigningKey.fromPkcs12(file, "sai".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> DevelopmentKeys.create(dir.resolve("x.p12"),
                "mật khẩu".toCharArray(), Keys.NOW), "the JDK's PKCS#12 takes ASCII passwords only");
    }

    @Test
    @DisplayName("A configured keystore is used as it is and is not a development key")
    void configured_key() throws IOException {
        var dir = Files.createTempDirectory("minutes-org");
        var file = dir.resolve("chi-bo.p12");
        DevelopmentKeys.create(file, Keys.PASSWORD, Keys.NOW, "CN=Chi bộ Khoa Công nghệ thông tin, O=Đảng bộ Trường");
        SigningKey key = DevelopmentKeys.configuredOrDevelopment(file, Keys.PASSWORD, dir.resolve("unused.p12"), Keys.NOW);
        assertFalse(key.development());
        assertFalse(Files.exists(dir.resolve("unused.p12")));
        var v = MinutesVerifier.verify(new MinutesSigner(key).sign(Samples.pdf(), Keys.NOW));
        assertEquals(Status.VALID, v.status(), v.detail());
        assertTrue(v.signer().contains("CN=Chi bộ Khoa Công nghệ thông tin"), v.signer());
    }

    private static int indexOf(byte[] haystack, String needle) {
        String s = new String(haystack, StandardCharsets.ISO_8859_1);
        int at = s.lastIndexOf(needle);
        assertTrue(at >= 0, needle);
        return at;
    }

}
