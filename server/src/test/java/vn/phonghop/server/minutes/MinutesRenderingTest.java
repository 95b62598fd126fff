package vn.phonghop.server.minutes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.phonghop.agenda.minutes.MinutesRecord;

/** The minutes as a reader sees them: every word said, the header of Guidance 36-HD/VPTW, the figures. */
class MinutesRenderingTest {

    private static final MinutesRecord RECORD = Samples.RECORD;

    @Test
    @DisplayName("Every remark appears word for word in the text PDFBox extracts, even across page breaks")
    void every_remark_in_pdfbox_text() {
        assertAllRemarksIn(Texts.pdfboxBody(Samples.pdf()));
    }

    @Test
    @DisplayName("Every remark appears word for word in the text poppler's pdftotext extracts")
    void every_remark_in_poppler_text() {
        assertAllRemarksIn(Texts.popplerBody(Samples.pdf()));
    }

    @Test
    @DisplayName("The header carries both bodies, the star, the number, the Party's name, the place and date, the title")
    void header_lines() {
        for (String text : List.of(Texts.pdfbox(Samples.pdf()), Texts.poppler(Samples.pdf()))) {
            String page1 = Texts.normalised(text.substring(0, text.indexOf("I. THỜI GIAN")));
            for (String line : List.of("ĐẢNG BỘ TRƯỜNG ĐẠI HỌC BÁCH KHOA HÀ NỘI", "CHI BỘ KHOA CÔNG NGHỆ THÔNG TIN", "*",
                    "Số 07-BB/CB", "ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 20 tháng 11 năm 2026", "BIÊN BẢN",
                    "Sinh hoạt chi bộ thường kỳ tháng 11 năm 2026")) {
                assertTrue(page1.contains(line), () -> "missing header line \"" + line + "\" in: " + page1);
            }
        }
    }

    @Test
    @DisplayName("The sections name the time, venue, chair, minute-taker, documents, attendance, end time and rules")
    void sections() {
        for (String text : List.of(Texts.normalised(Texts.pdfboxBody(Samples.pdf())),
                Texts.normalised(Texts.popplerBody(Samples.pdf())))) {
            for (String line : List.of(
                    "1. Thời gian: bắt đầu vào hồi 08 giờ 00 phút, ngày 20 tháng 11 năm 2026.",
                    "2. Địa điểm: Phòng họp tầng 3, nhà A1.",
                    "4. Chủ trì: đồng chí Nguyễn Thị Hương.",
                    "5. Thư ký: đồng chí Trần Văn Đức.",
                    "- Hồ sơ đề nghị kết nạp đảng viên (nội dung 6; 23 trang; Mật).",
                    "- Tổng số đảng viên: 17 đồng chí (chính thức: 15, dự bị: 2).",
                    "- Có mặt: 14 đồng chí (chính thức: 12, dự bị: 2).",
                    "- Số đảng viên chính thức được tính để biểu quyết: 14 đồng chí.",
                    "- Tỷ lệ đảng viên dự họp: " + RECORD.attendance().attendance().vi() + ".",
                    "- Vắng mặt: 3 đồng chí.",
                    "+ Đồng chí Phan Thanh Sơn: không có lý do.",
                    "+ Đồng chí Trịnh Xuân Thủy (miễn công tác và sinh hoạt đảng): Nghỉ ốm.",
                    "+ Đồng chí Hồ Sỹ Quyết: Đi công tác tại Đà Nẵng.",
                    "- Đến muộn: đồng chí Lý Thị Ngọc Diệp (08 giờ 21 phút).",
                    "- Khách mời: đồng chí Đỗ Minh Quang, Phó Bí thư Đảng ủy Trường.",
                    "1. Báo cáo tình hình tư tưởng, đảng viên và thu đảng phí",
                    "Kết luận: " + SampleMeeting.conclusion(5),
                    "Quy định áp dụng: Quy định 294-QĐ/TW năm 2025 thi hành Điều lệ Đảng.",
                    "Buổi sinh hoạt kết thúc vào hồi 10 giờ 15 phút cùng ngày.",
                    "THƯ KÝ", "T/M CHI BỘ", "CHỦ TRÌ")) {
                assertTrue(text.contains(line), () -> "missing \"" + line + "\"");
            }
        }
    }

    @Test
    @DisplayName("Each vote shows its kind, ballot, threshold in words, counts with percentages of the base, outcome")
    void votes() {
        for (String text : List.of(Texts.normalised(Texts.pdfboxBody(Samples.pdf())),
                Texts.normalised(Texts.popplerBody(Samples.pdf())))) {
            for (String line : List.of(
                    "1. Nghị quyết: Thông qua Nghị quyết Chi bộ tháng 11 năm 2026 (nội dung 5)",
                    "- Hình thức: Biểu quyết giơ tay.",
                    "- Yêu cầu để thông qua: trên một nửa số đảng viên chính thức được tính để biểu quyết (14 đồng chí) tán thành.",
                    "- Số đảng viên tham gia biểu quyết: 12 đồng chí.",
                    "+ Tán thành: 11 đồng chí (78,57%).",
                    "+ Không tán thành: 0 đồng chí (0,00%).",
                    "+ Không biểu quyết: 1 đồng chí (7,14%).",
                    "- Kết luận: Thông qua.",
                    "2. Kết nạp đảng viên: Đề nghị kết nạp quần chúng Nguyễn Văn An vào Đảng (nội dung 5)",
                    "- Hình thức: Bỏ phiếu kín.",
                    "- Yêu cầu để thông qua: ít nhất hai phần ba tổng số đảng viên chính thức (15 đồng chí) tán thành.",
                    "- Số phiếu thu về: 12.",
                    "+ Tán thành: 10 phiếu (71,43%).",
                    "+ Không tán thành: 2 phiếu (14,29%).",
                    "3. Bầu cử: Bầu đại biểu dự Đại hội Đảng bộ Trường nhiệm kỳ 2027–2032 (nội dung 6)",
                    "- Yêu cầu để trúng cử: mỗi người phải được trên một nửa số đảng viên chính thức được tính để biểu quyết (14 đồng chí) bầu.",
                    "+ Lê Hoàng Yến: 12 phiếu (85,71%).",
                    "+ Hoàng Thị Thu Trang: 9 phiếu (64,29%).",
                    "+ Vũ Đình Khải: 6 phiếu (42,86%).",
                    "- Kết luận: Trúng cử: Lê Hoàng Yến, Phạm Quốc Việt, Hoàng Thị Thu Trang.",
                    "4. Thi hành kỷ luật: Thi hành kỷ luật đối với đảng viên Bùi Thế Dũng (nội dung 6)",
                    "+ Khiển trách: 6 phiếu (42,86%).",
                    "+ Cảnh cáo: 2 phiếu (14,29%).",
                    "+ Không kỷ luật: 4 phiếu (28,57%).",
                    "- Kết luận: Hình thức kỷ luật: Khiển trách.")) {
                assertTrue(text.contains(line), () -> "missing \"" + line + "\"");
            }
        }
    }

    @Test
    @DisplayName("Every page carries its running number at the top")
    void page_numbers() {
        List<String> heads = Texts.pdfboxPageHeads(Samples.pdf());
        assertTrue(heads.size() > 5, "the sample meeting fills several pages: " + heads.size());
        for (int i = 0; i < heads.size(); i++) assertEquals(Integer.toString(i + 1), heads.get(i).strip());
    }

    @Test
    @DisplayName("A long remark breaks across a page and every line stays within the margins")
    void wrapping_within_margins() {
        List<String> pages = Texts.pdfboxBodyPages(Samples.pdf()).stream().map(Texts::normalised).toList();
        String all = String.join(" ", pages);
        int long_ = 0;
        int broken = 0;
        for (var item : RECORD.items()) {
            for (var remark : item.remarks()) {
                if (remark.text().length() < 3000) continue;
                long_++;
                String expected = Texts.normalised("Đồng chí " + remark.speaker() + ": " + remark.text());
                int from = all.indexOf(expected);
                assertTrue(from >= 0, "a long remark reads whole");
                int first = pageAt(pages, from);
                int last = pageAt(pages, from + expected.length() - 1);
                assertTrue(last - first <= 1, "a remark of a page or less spans at most two pages");
                if (last > first) broken++;
            }
        }
        assertEquals(4, long_, "the sample has four very long remarks");
        assertTrue(broken >= 1, "at least one long remark runs over a page break");

        float[] extent = Texts.horizontalExtent(Samples.pdf());
        float left = 30 * Typesetter.MM;
        float right = 595.28f - 15 * Typesetter.MM;
        assertEquals(left, extent[0], 0.5f, "the text starts at the left margin");
        assertTrue(extent[1] <= right + 0.5f, "text runs into the right margin: " + extent[1]);
        assertTrue(extent[1] > right - 1f, "justified lines reach the right margin: " + extent[1]);
    }

    @Test
    @DisplayName("Other margins move the text: with 25/25/35/15 mm every line starts 5 mm further right")
    void configurable_margins() {
        var layout = MinutesLayout.DEFAULT.withMargins(25, 25, 35, 15);
        byte[] pdf = new MinutesRenderer(layout).render(RECORD, Samples.NUMBER, Samples.JSON);
        assertEquals(35 * Typesetter.MM, Texts.horizontalExtent(pdf)[0], 0.5f);
        assertAllRemarksIn(Texts.pdfboxBody(pdf));
        assertThrows(IllegalArgumentException.class, () -> MinutesLayout.DEFAULT.withMargins(20, 20, 90, 15));
    }

    private static int pageAt(List<String> pages, int offset) {
        int end = 0;
        for (int i = 0; i < pages.size(); i++) {
            end += pages.get(i).length() + 1;
            if (offset < end) return i + 1;
        }
        throw new IllegalArgumentException("offset beyond the text: " + offset);
    }

    @Test
    @DisplayName("Rendering the same record twice gives the same bytes")
    void deterministic() {
        byte[] first = new MinutesRenderer().render(RECORD, Samples.NUMBER, Samples.JSON);
        byte[] second = new MinutesRenderer().render(Records.mapRemarks(RECORD, s -> new String(s)), Samples.NUMBER,
                MinutesJson.of(RECORD));
        assertArrayEquals(first, second);
    }

    @Test
    @DisplayName("Decomposed Vietnamese (NFD) is drawn as the composed letters: the same bytes as NFC input")
    void nfc_before_drawing() {
        var decomposed = Records.mapRemarks(RECORD, Records::nfd);
        assertNotEquals(RECORD.items().get(0).remarks().get(0).text(), decomposed.items().get(0).remarks().get(0).text());
        byte[] pdf = new MinutesRenderer().render(decomposed, Samples.NUMBER, Samples.JSON);
        assertArrayEquals(Samples.pdf(), pdf);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Đồng chí phát biểu rất hay 👍", "Tham khảo kinh nghiệm 中国 về chuyển đổi số", "Ký tự điều khiển \u0007"})
    @DisplayName("A character the font lacks stops the rendering with an error naming it, never a blank")
    void missing_glyph(String remark) {
        var record = Records.withFirstRemark(RECORD, remark);
        var e = assertThrows(MissingGlyphException.class,
                () -> new MinutesRenderer().render(record, Samples.NUMBER, MinutesJson.of(record)));
        int expected = remark.codePoints().filter(c -> c == 0x1F44D || c == 0x4E2D || c == 7).findFirst().orElseThrow();
        assertEquals(expected, e.codePoint());
        assertTrue(e.getMessage().contains(String.format("U+%04X", expected)), e.getMessage());
    }

    @Test
    @DisplayName("Minutes are rendered only for a meeting that has ended")
    void unfinished_meeting() {
        assertThrows(IllegalArgumentException.class,
                () -> new MinutesRenderer().render(Records.unfinished(RECORD), Samples.NUMBER, Samples.JSON));
    }

    private static void assertAllRemarksIn(String extracted) {
        String text = Texts.normalised(extracted);
        int count = 0;
        for (var item : RECORD.items()) {
            for (var remark : item.remarks()) {
                String expected = Texts.normalised("Đồng chí " + remark.speaker() + ": " + remark.text());
                assertTrue(text.contains(expected), () -> "missing remark: " + expected);
                count++;
            }
        }
        assertEquals(60, count);
        assertTrue(text.contains(SampleMeeting.KEY_REMARK));
    }
}
