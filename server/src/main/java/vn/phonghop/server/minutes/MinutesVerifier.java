package vn.phonghop.server.minutes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Tells whether signed minutes are as they were signed. Every signature's byte range must start
 * at the file's first byte and leave out exactly its own hex-encoded contents; the last one must
 * reach the file's end (nothing appended after signing); each CMS signature must verify over the
 * bytes its range covers and name the certificate that made it. Says nothing about whether the
 * certificate is to be trusted: that is the archive's policy.
 */
public final class MinutesVerifier {

    public enum Status {
        /** Signed, and not a byte changed since. */
        VALID,
        /** Signed, but the file is not what was signed (or its signature is damaged). */
        TAMPERED,
        /** No signature at all. */
        UNSIGNED
    }

    /** The verdict, the signer's certificate subject when valid, and what was found wrong otherwise. */
    public record Verification(Status status, String signer, String detail) {
    }

    private static final List<byte[]> SIGNATURE_MARKERS = List.of(ascii("/ByteRange"),
            ascii("ETSI.CAdES"), ascii("adbe.pkcs7"));

    private MinutesVerifier() {
    }

    public static Verification verify(byte[] pdf) {
        List<PDSignature> signatures;
        try (var doc = Loader.loadPDF(pdf)) {
            signatures = doc.getSignatureDictionaries();
        } catch (IOException e) {
            if (looksSigned(pdf)) return tampered("the file cannot be read: " + e.getMessage());
            throw new IllegalArgumentException("not a PDF document", e);
        }
        if (signatures.isEmpty()) {
            return looksSigned(pdf) ? tampered("a signature is there but cannot be read")
                    : new Verification(Status.UNSIGNED, null, "no signature");
        }
        String signer = null;
        long end = 0;
        for (PDSignature s : signatures) {
            int[] range = s.getByteRange();
            String problem = checkRange(range, pdf);
            if (problem != null) return tampered(problem);
            try {
                signer = verifyCms(pdf, range);
            } catch (Exception e) {
                return tampered("the signature does not match the document: " + e.getMessage());
            }
            end = Math.max(end, (long) range[2] + range[3]);
        }
        if (end != pdf.length) return tampered((pdf.length - end) + " bytes were added after the last signature");
        return new Verification(Status.VALID, signer, signatures.size() + " signature(s) cover the whole file");
    }

    private static Verification tampered(String detail) {
        return new Verification(Status.TAMPERED, null, detail);
    }

    /** null when the range is [0, a, b, c] with a '<' at a, a '>' just before b and hex digits between. */
    private static String checkRange(int[] r, byte[] pdf) {
        if (r == null || r.length != 4) return "the byte range is not four numbers";
        if (r[0] != 0 || r[1] <= 0 || r[2] <= r[1] + 1 || r[3] < 0 || (long) r[2] + r[3] > pdf.length) {
            return "the byte range " + Arrays.toString(r) + " does not fit the file";
        }
        if (pdf[r[1]] != '<' || pdf[r[2] - 1] != '>') return "the byte range does not leave out exactly the signature";
        for (int i = r[1] + 1; i < r[2] - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) return "the signature contents are not hexadecimal at byte " + i;
        }
        return null;
    }

    /** The signer's certificate subject; throws when the signature does not verify. */
    private static String verifyCms(byte[] pdf, int[] r) throws Exception {
        byte[] contents = hex(pdf, r[1] + 1, r[2] - 1);
        ASN1Primitive object;
        int length;
        // The contents are zero-padded to their reserved size; read just the first DER object.
        try (var in = new ASN1InputStream(new ByteArrayInputStream(contents))) {
            object = in.readObject();
        }
        length = object.getEncoded("DER").length;
        for (int i = length; i < contents.length; i++) {
            if (contents[i] != 0) throw new IllegalStateException("bytes after the signature are not padding");
        }
        var signedBytes = new ByteArrayOutputStream(r[1] + r[3]);
        signedBytes.write(pdf, r[0], r[1]);
        signedBytes.write(pdf, r[2], r[3]);
        var cms = new CMSSignedData(new CMSProcessableByteArray(signedBytes.toByteArray()), ContentInfo.getInstance(object));
        var signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) throw new IllegalStateException(signers.size() + " signers, expected one");
        SignerInformation si = signers.iterator().next();
        @SuppressWarnings("unchecked")
        var matches = cms.getCertificates().getMatches(si.getSID());
        if (matches.isEmpty()) throw new IllegalStateException("the signer's certificate is not in the signature");
        var cert = (X509CertificateHolder) matches.iterator().next();
        if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
            throw new IllegalStateException("the signature value is wrong");
        }
        checkSigningCertificate(si, cert);
        return new X500Principal(cert.getSubject().getEncoded()).getName(X500Principal.RFC2253);
    }

    /** The signed attributes name the certificate by its hash: a certificate swapped in would not match. */
    private static void checkSigningCertificate(SignerInformation si, X509CertificateHolder cert)
            throws IOException, NoSuchAlgorithmException {
        var table = si.getSignedAttributes();
        var attribute = table == null ? null : table.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) throw new IllegalStateException("no signing-certificate-v2 attribute (not PAdES)");
        var ids = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts();
        var algorithm = ids[0].getHashAlgorithm().getAlgorithm().getId();
        byte[] expected = MessageDigest.getInstance(algorithm).digest(cert.getEncoded());
        if (!MessageDigest.isEqual(expected, ids[0].getCertHash())) {
            throw new IllegalStateException("the signing-certificate attribute names another certificate");
        }
    }

    private static byte[] hex(byte[] pdf, int from, int to) {
        byte[] out = new byte[(to - from) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (Character.digit(pdf[from + 2 * i], 16) << 4 | Character.digit(pdf[from + 2 * i + 1], 16));
        }
        return out;
    }

    private static boolean looksSigned(byte[] pdf) {
        for (byte[] marker : SIGNATURE_MARKERS) if (indexOf(pdf, marker) >= 0) return true;
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
