package vn.phonghop.server.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The two documents of the demo cell meeting (the November 2026 regular meeting of the demo's cell,
 * {@code Demo.CELL}, whose names these headings repeat: {@code DemoDocumentsTest} checks they
 * agree), generated rather than committed: the October report and the draft
 * November resolution, in Vietnamese with full diacritics, identical bytes on every run.
 */
public final class DemoDocuments {

    public static final String REPORT_TITLE = "Báo cáo tình hình thực hiện nhiệm vụ tháng 10/2026";
    public static final String RESOLUTION_TITLE = "Dự thảo Nghị quyết chi bộ tháng 11/2026";

    static final String SUPERIOR = "ĐẢNG BỘ SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI";
    static final String CELL = "CHI BỘ PHÒNG HÀNH CHÍNH – TỔNG HỢP";

    private DemoDocuments() {
    }

    /** The cell's report on October 2026, several pages. */
    public static byte[] monthlyReport() {
        return render(REPORT_TITLE, "Số 10-BC/CB", "BÁO CÁO",
                "Tình hình thực hiện nhiệm vụ tháng 10/2026 và phương hướng nhiệm vụ tháng 11/2026",
                DemoTexts.REPORT);
    }

    /** The draft resolution for the November 2026 meeting. */
    public static byte[] draftResolution() {
        return render(RESOLUTION_TITLE, "Số 11-NQ/CB", "NGHỊ QUYẾT (DỰ THẢO)",
                "Hội nghị chi bộ thường kỳ tháng 11/2026", DemoTexts.RESOLUTION);
    }

    private static byte[] render(String title, String number, String kind, String summary,
            List<DemoTexts.Block> body) {
        try (PDDocument document = new PDDocument()) {
            PDFont regular = Fonts.serif(document);
            PDFont bold = Fonts.serifBold(document);
            PDFont italic = Fonts.serifItalic(document);
            PageWriter page = new PageWriter(document, regular);
            page.paragraph(SUPERIOR, regular, 13, 0);
            page.paragraph(CELL, bold, 13, 0);
            page.paragraph("*   " + number, regular, 13, 0);
            page.space(4);
            page.centered("ĐẢNG CỘNG SẢN VIỆT NAM", bold, 14);
            page.centered("Hà Nội, ngày 05 tháng 11 năm 2026", italic, 13);
            page.space(14);
            page.centered(kind, bold, 16);
            page.centered(summary, bold, 14);
            page.space(10);
            for (DemoTexts.Block block : body) {
                if (block.heading()) {
                    page.space(6);
                    page.paragraph(block.text(), bold, 14, 0);
                } else {
                    page.paragraph(block.text(), regular, 14, 28);
                }
            }
            page.space(18);
            page.centered("T/M CHI BỘ", bold, 14);
            page.centered("BÍ THƯ", bold, 14);
            page.space(36);
            page.centered("Nguyễn Văn Hùng", bold, 14);
            page.finish();
            describe(document, title);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the demo document " + title, e);
        }
    }

    // Fixed dates and a fixed seed for the trailer's /ID (PDFBox otherwise seeds it with the
    // current time): the same input makes the same bytes.
    private static void describe(PDDocument document, String title) {
        document.setDocumentId((long) title.hashCode());
        PDDocumentInformation info = document.getDocumentInformation();
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("GMT+07:00"));
        date.clear();
        date.set(2026, Calendar.NOVEMBER, 5, 8, 0, 0);
        info.setTitle(title);
        info.setAuthor(CELL);
        info.setCreator("Phòng họp không giấy");
        info.setCreationDate(date);
        info.setModificationDate(date);
    }
}
