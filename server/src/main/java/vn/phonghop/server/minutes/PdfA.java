package vn.phonghop.server.minutes;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.Map;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes the minutes PDF/A-3b: XMP metadata agreeing with the document information, an sRGB
 * output intent, and the machine-readable record attached as an associated file. Every date is
 * the one given, so the same minutes give the same bytes.
 */
final class PdfA {

    /** The document's identity for its metadata; {@code when} stands for creation and modification. */
    record Description(String title, String subject, String creator, String producer, Calendar when) {
    }

    /** A file attached to the document as its data source. */
    record Attachment(String name, String mimeType, String description, byte[] bytes) {
    }

    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private static final COSName AF = COSName.getPDFName("AF");
    private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");

    private PdfA() {
    }

    static void conform(PDDocument doc, Description d, Attachment attachment) throws IOException {
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage("vi-VN");
        info(doc, d);
        var metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp(d));
        catalog.setMetadata(metadata);
        var intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB_PROFILE));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
        attach(doc, attachment, d.when());
    }

    private static void info(PDDocument doc, Description d) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(d.title());
        info.setSubject(d.subject());
        info.setCreator(d.creator());
        info.setProducer(d.producer());
        info.setCreationDate(d.when());
        info.setModificationDate(d.when());
    }

    private static byte[] xmp(Description d) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        var dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(d.title());
        dc.setDescription(d.subject());
        dc.setFormat("application/pdf");
        var pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(d.producer());
        var basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(d.creator());
        basic.setCreateDate(d.when());
        basic.setModifyDate(d.when());
        basic.setMetadataDate(d.when());
        var id = xmp.createAndAddPDFAIdentificationSchema();
        id.setPart(3);
        try {
            id.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        var out = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, out, true);
        } catch (TransformerException e) {
            throw new IOException("cannot write the XMP metadata", e);
        }
        return out.toByteArray();
    }

    /** Embedded, listed in the catalog's /AF array (PDF/A-3) and in the EmbeddedFiles name tree. */
    private static void attach(PDDocument doc, Attachment a, Calendar when) throws IOException {
        var file = new PDEmbeddedFile(doc, new ByteArrayInputStream(a.bytes()), COSName.FLATE_DECODE);
        file.setSubtype(a.mimeType());
        file.setSize(a.bytes().length);
        file.setCreationDate(when);
        file.setModDate(when);
        var spec = new PDComplexFileSpecification();
        spec.setFile(a.name());
        spec.setFileUnicode(a.name());
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription(a.description());
        spec.getCOSObject().setItem(AF_RELATIONSHIP, COSName.getPDFName("Data"));
        var tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(a.name(), spec));
        var names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
        var af = new COSArray();
        af.add(spec);
        doc.getDocumentCatalog().getCOSObject().setItem(AF, af);
    }
}
