package vn.phonghop.server.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs minutes with the organisation's key: PAdES baseline B-B, a detached CAdES signature
 * (SHA-256) in an invisible signature field, appended as an incremental update so the signed
 * file stays PDF/A-3b. The claimed signing time is the signature dictionary's /M, as PAdES
 * requires, not a CMS signing-time attribute; the signed attributes bind the signer's certificate
 * (ESS signing-certificate-v2). RSA PKCS#1 v1.5 is deterministic, so the same input, key and
 * time give the same bytes.
 */
public final class MinutesSigner {

    private static final String ALGORITHM = "SHA256withRSA";

    private final SigningKey key;

    public MinutesSigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The minutes with the signature appended; {@code pdf} itself is the signed revision, unchanged. */
    public byte[] sign(byte[] pdf, Instant signingTime) {
        Objects.requireNonNull(pdf, "pdf");
        Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        time.setTimeInMillis(signingTime.toEpochMilli());
        try (var doc = Loader.loadPDF(pdf); var options = new SignatureOptions()) {
            var signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(commonName(key.certificate()));
            signature.setReason("Ký biên bản");
            signature.setSignDate(time);
            int size = 8192;
            for (X509Certificate c : key.chain()) size += c.getEncoded().length;
            options.setPreferredSignatureSize(size);
            doc.addSignature(signature, this::cms, options);
            // the trailer ID of the update comes from this value, not the clock
            doc.setDocumentId(signingTime.toEpochMilli());
            // writes the original bytes, then the update
            var out = new ByteArrayOutputStream(pdf.length + 2 * size + 4096);
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the signing certificate", e);
        }
    }

    /** The CMS SignedData over the byte ranges PDFBox hands over, without the content (detached). */
    private byte[] cms(InputStream content) throws IOException {
        try {
            X509Certificate cert = key.certificate();
            var signer = new JcaContentSignerBuilder(ALGORITHM).build(key.privateKey());
            var info = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(padesAttributes(cert))
                    .build(signer, cert);
            var generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(info);
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded("DER");
        } catch (OperatorCreationException | CMSException | GeneralSecurityException e) {
            throw new IOException("cannot sign the minutes", e);
        }
    }

    /** content-type, message-digest and signing-certificate-v2; deliberately no signing-time. */
    private static CMSAttributeTableGenerator padesAttributes(X509Certificate cert)
            throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        var issuer = X500Name.getInstance(cert.getIssuerX500Principal().getEncoded());
        var id = new ESSCertIDv2(hash, new IssuerSerial(new GeneralNames(new GeneralName(issuer)), cert.getSerialNumber()));
        var signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(id)));
        return parameters -> {
            var v = new ASN1EncodableVector();
            var contentType = (ASN1ObjectIdentifier) parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE);
            v.add(new Attribute(CMSAttributes.contentType, new DERSet(contentType)));
            byte[] digest = (byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST);
            v.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(digest))));
            v.add(signingCertificate);
            return new AttributeTable(v);
        };
    }

    private static String commonName(X509Certificate cert) {
        var name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        var cn = name.getRDNs(BCStyle.CN);
        return cn.length > 0 && cn[0].getFirst().getValue() instanceof ASN1String s ? s.getString() : name.toString();
    }
}
