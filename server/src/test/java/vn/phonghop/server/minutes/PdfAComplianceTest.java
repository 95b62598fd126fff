package vn.phonghop.server.minutes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The minutes are an archival document: PDF/A-3b by veraPDF, before and after signing. */
class PdfAComplianceTest {

    @Test
    @DisplayName("veraPDF finds the unsigned minutes PDF/A-3b compliant")
    void unsigned_minutes_comply() {
        assertEquals("", VeraPdf.failuresPdfA3b(Samples.pdf()));
    }

    @Test
    @DisplayName("veraPDF finds the signed minutes PDF/A-3b compliant")
    void signed_minutes_comply() {
        assertEquals("", VeraPdf.failuresPdfA3b(Keys.signedSample()));
    }

    @Test
    @DisplayName("veraPDF is no rubber stamp: the same text without the PDF/A metadata fails")
    void validator_rejects_plain_pdf() throws IOException {
        try (PDDocument doc = Loader.loadPDF(Samples.pdf())) {
            doc.getDocumentCatalog().setMetadata(null);
            var out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            String failures = VeraPdf.failuresPdfA3b(out.toByteArray());
            assertTrue(failures.contains("6.6.2.1"), failures);
        }
    }

    @Test
    @DisplayName("The machine-readable record is attached as a PDF/A-3 associated file, JSON, relationship Data")
    void record_attached() throws IOException {
        try (PDDocument doc = Loader.loadPDF(Samples.pdf())) {
            var catalog = doc.getDocumentCatalog();
            COSArray af = (COSArray) catalog.getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
            assertEquals(1, af.size());
            var spec = new PDComplexFileSpecification((COSDictionary) af.getObject(0));
            assertEquals("bien-ban-07-BB-CB.json", spec.getFileUnicode());
            assertEquals("Data", spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship")));
            assertEquals("application/json", spec.getEmbeddedFile().getSubtype());
            assertArrayEquals(Samples.JSON, spec.getEmbeddedFile().toByteArray());
            var named = catalog.getNames().getEmbeddedFiles().getNames().get("bien-ban-07-BB-CB.json");
            assertEquals(spec.getCOSObject(), named.getCOSObject(), "the same file spec in /AF and the name tree");
        }
    }

    @Test
    @DisplayName("The XMP says PDF/A-3B and agrees with the document information; dates are the meeting's end")
    void metadata() throws Exception {
        try (PDDocument doc = Loader.loadPDF(Samples.pdf())) {
            var xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().exportXMPMetadata().readAllBytes());
            var info = doc.getDocumentInformation();
            assertEquals(3, xmp.getPDFAIdentificationSchema().getPart());
            assertEquals("B", xmp.getPDFAIdentificationSchema().getConformance());
            assertEquals("Biên bản Sinh hoạt chi bộ thường kỳ tháng 11 năm 2026", info.getTitle());
            assertEquals(info.getTitle(), xmp.getDublinCoreSchema().getTitle());
            assertEquals(info.getProducer(), xmp.getAdobePDFSchema().getProducer());
            assertEquals(info.getCreator(), xmp.getXMPBasicSchema().getCreatorTool());
            assertEquals("2026-11-20T03:15:00Z", info.getCreationDate().toInstant().toString(), "10:15 in Hà Nội");
            assertEquals(info.getCreationDate().toInstant(), xmp.getXMPBasicSchema().getCreateDate().toInstant());
            assertEquals(info.getModificationDate().toInstant(), xmp.getXMPBasicSchema().getModifyDate().toInstant());
            assertEquals("vi-VN", doc.getDocumentCatalog().getLanguage());
            assertEquals(1, doc.getDocumentCatalog().getOutputIntents().size());
        }
    }

    @Test
    @DisplayName("Every font is Liberation Serif, embedded")
    void fonts_embedded() throws IOException {
        try (PDDocument doc = Loader.loadPDF(Samples.pdf())) {
            int fonts = 0;
            for (var page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                    assertTrue(font.getName().contains("LiberationSerif"), font.getName());
                    fonts++;
                }
            }
            assertTrue(fonts > 0);
        }
    }
}
