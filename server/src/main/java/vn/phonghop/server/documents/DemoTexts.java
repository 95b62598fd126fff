package vn.phonghop.server.documents;

import java.util.List;

/**
 * The wording of the demo documents: the demo cell of {@code Demo} (fifteen members, two probationary,
 * one exempt; the people of its roster), plausible content, no real persons.
 */
final class DemoTexts {

    /** A heading or a paragraph of body text. */
    record Block(boolean heading, String text) {
    }

    private DemoTexts() {
    }

    private static Block h(String text) {
        return new Block(true, text);
    }

    private static Block p(String text) {
        return new Block(false, text);
    }

    static final List<Block> REPORT = List.of(
            h("I. ĐẶC ĐIỂM TÌNH HÌNH"),
            p("Chi bộ Phòng Hành chính – Tổng hợp hiện có 15 đảng viên, trong đó 13 đảng viên chính thức và"
                    + " 2 đảng viên dự bị; 1 đồng chí được miễn công tác và sinh hoạt đảng theo quy định. Trong"
                    + " tháng 10/2026, khối lượng công việc của phòng tăng do chuẩn bị báo cáo sơ kết 9 tháng,"
                    + " phục vụ các đoàn kiểm tra của thành phố và triển khai Nghị quyết của Đảng ủy Sở về chuyển"
                    + " đổi số trong công tác hành chính tư pháp. Đảng viên trong chi bộ giữ vững lập trường tư"
                    + " tưởng, đoàn kết, hoàn thành nhiệm vụ được giao."),
            p("Bên cạnh những thuận lợi, chi bộ còn gặp một số khó khăn: biên chế của phòng còn thiếu 2 người"
                    + " so với vị trí việc làm; một số đảng viên kiêm nhiệm nhiều việc; hệ thống lưu trữ điện tử"
                    + " của Sở chưa đồng bộ, việc số hóa hồ sơ năm 2025 còn chậm so với kế hoạch."),
            h("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 10/2026"),
            h("1. Công tác chính trị, tư tưởng"),
            p("Chi bộ tổ chức cho đảng viên nghiên cứu, quán triệt Nghị quyết của Đảng ủy Sở về chuyển đổi số"
                    + " trong công tác hành chính tư pháp và các văn bản mới của cấp trên; 100% đảng viên tham gia"
                    + " đầy đủ. Tình hình tư tưởng của đảng viên và người lao động trong phòng ổn định; các ý kiến,"
                    + " kiến nghị được tổng hợp, báo cáo Đảng ủy Sở kịp thời."),
            p("Tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Trong tháng,"
                    + " mỗi đảng viên đăng ký một việc làm cụ thể về tác phong phục vụ người dân và doanh nghiệp;"
                    + " chi bộ chọn nội dung chuyên đề \"Gương mẫu, nêu gương trong thực thi công vụ, giải quyết"
                    + " thủ tục hành chính đúng hạn, không gây phiền hà\"."),
            h("2. Lãnh đạo thực hiện nhiệm vụ chuyên môn"),
            p("Chi bộ lãnh đạo phòng tiếp nhận, xử lý đúng hạn 1.312 văn bản đến, phát hành 486 văn bản đi;"
                    + " tiếp nhận 214 hồ sơ thủ tục hành chính qua bộ phận một cửa, trả kết quả đúng hạn 100%."
                    + " Hoàn thành báo cáo sơ kết 9 tháng, các báo cáo phục vụ kỳ họp Hội đồng nhân dân thành phố"
                    + " và bảo đảm điều kiện làm việc cho 3 đoàn kiểm tra."),
            p("Tổ số hóa do đồng chí Hoàng Đức Thắng phụ trách đã số hóa 3.420/4.100 hồ sơ năm 2025 (đạt"
                    + " 83,4%); việc cập nhật hồ sơ lưu trữ điện tử do đồng chí Lê Quang Dũng theo dõi đã khắc"
                    + " phục phần lớn tồn đọng nêu tại kỳ sinh hoạt trước."),
            h("3. Công tác xây dựng Đảng"),
            p("Duy trì nền nếp sinh hoạt chi bộ thường kỳ; tỷ lệ đảng viên dự sinh hoạt tháng 10 đạt 86,7%"
                    + " (13/15 đồng chí), vắng có lý do 2 đồng chí. Chất lượng sinh hoạt có chuyển biến: nhiều ý"
                    + " kiến thảo luận thẳng thắn, đi vào những việc cụ thể của phòng. Chi bộ thu đảng phí đủ 15/15"
                    + " đồng chí, đúng quy định và nộp lên cấp trên đúng hạn."),
            p("Chi bộ tiếp tục theo dõi, giúp đỡ 2 đảng viên dự bị; phân công đảng viên chính thức hướng dẫn"
                    + " các đồng chí rèn luyện. Đồng chí Phan Thị Yến đã báo cáo quá trình rèn luyện trong thời"
                    + " gian dự bị; chi ủy đang hoàn thiện hồ sơ đề nghị xét công nhận đảng viên chính thức theo"
                    + " quy định. Đã giới thiệu 1 quần chúng ưu tú tham dự lớp bồi dưỡng nhận thức về Đảng."),
            h("4. Công tác kiểm tra, giám sát"),
            p("Chi bộ giám sát việc chấp hành quy định về những điều đảng viên không được làm và trách nhiệm"
                    + " nêu gương của đảng viên đối với 3 đồng chí theo kế hoạch năm. Kết quả: các đồng chí được"
                    + " giám sát chấp hành tốt, không có biểu hiện vi phạm."),
            h("III. HẠN CHẾ, NGUYÊN NHÂN"),
            p("Việc số hóa hồ sơ năm 2025 còn chậm so với kế hoạch; một số văn bản trả lời kiến nghị của"
                    + " người dân còn phải gia hạn; việc phát huy vai trò nêu gương của một vài đồng chí trong"
                    + " chấp hành giờ giấc làm việc chưa thường xuyên."),
            p("Nguyên nhân chủ yếu: biên chế còn thiếu trong khi khối lượng công việc tăng; phần mềm quản lý"
                    + " văn bản và hệ thống lưu trữ điện tử chưa kết nối đầy đủ; việc đôn đốc của chi ủy có lúc"
                    + " chưa sát sao."),
            h("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 11/2026"),
            p("Một là, hoàn thành số hóa hồ sơ năm 2025 trước ngày 15/11/2026; đề nghị Văn phòng Sở bổ sung"
                    + " thiết bị quét cho bộ phận lưu trữ."),
            p("Hai là, chuẩn bị báo cáo tổng kết công tác năm 2026 và chương trình công tác năm 2027 của"
                    + " phòng; hoàn thành dự thảo trước ngày 30/11/2026."),
            p("Ba là, nâng cao chất lượng sinh hoạt chi bộ; tổ chức sinh hoạt chuyên đề quý IV với chủ đề"
                    + " \"Chuyển đổi số trong công tác hành chính – văn phòng\"; bảo đảm thời lượng theo hướng dẫn."),
            p("Bốn là, chuẩn bị kiểm điểm, đánh giá, xếp loại chất lượng đảng viên và tập thể chi bộ năm"
                    + " 2026: mỗi đảng viên hoàn thành bản tự kiểm điểm trước ngày 30/11/2026."),
            p("Năm là, hoàn thiện hồ sơ đề nghị công nhận đảng viên chính thức cho đồng chí Phan Thị Yến; tiếp"
                    + " tục giúp đỡ đồng chí Mai Xuân Trường; làm tốt công tác tạo nguồn phát triển đảng viên trong"
                    + " đoàn viên thanh niên của phòng."),
            p("Trên đây là báo cáo tình hình thực hiện nhiệm vụ tháng 10/2026 và phương hướng nhiệm vụ tháng"
                    + " 11/2026 của Chi bộ Phòng Hành chính – Tổng hợp, trình hội nghị chi bộ thảo luận, đóng góp"
                    + " ý kiến."));

    static final List<Block> RESOLUTION = List.of(
            p("Căn cứ Điều lệ Đảng Cộng sản Việt Nam và các quy định, hướng dẫn thi hành Điều lệ Đảng;"),
            p("Căn cứ chương trình công tác năm 2026 của Đảng ủy Sở Tư pháp thành phố Hà Nội;"),
            p("Căn cứ kết quả thảo luận tại hội nghị chi bộ thường kỳ tháng 11/2026,"),
            h("CHI BỘ QUYẾT NGHỊ:"),
            h("1. Đánh giá kết quả tháng 10/2026"),
            p("Hội nghị thống nhất với báo cáo của chi ủy về tình hình thực hiện nhiệm vụ tháng 10/2026."
                    + " Chi bộ đã lãnh đạo hoàn thành các nhiệm vụ chủ yếu: duy trì nền nếp sinh hoạt; lãnh đạo"
                    + " phòng xử lý đúng hạn văn bản đến và hồ sơ thủ tục hành chính; hoàn thành báo cáo sơ kết"
                    + " 9 tháng và phục vụ tốt các đoàn kiểm tra. Hạn chế cần khắc phục: số hóa hồ sơ năm 2025"
                    + " còn chậm; một số văn bản trả lời kiến nghị của người dân còn phải gia hạn."),
            h("2. Nhiệm vụ tháng 11/2026"),
            p("2.1. Hoàn thành số hóa hồ sơ năm 2025 trước ngày 15/11/2026; giao đồng chí Hoàng Đức Thắng"
                    + " chịu trách nhiệm, báo cáo kết quả tại hội nghị chi bộ tháng 12/2026."),
            p("2.2. Chuẩn bị báo cáo tổng kết công tác năm 2026 và chương trình công tác năm 2027 của phòng;"
                    + " giao đồng chí Lê Quang Dũng chủ trì dự thảo, hoàn thành trước ngày 30/11/2026."),
            p("2.3. Tổ chức sinh hoạt chuyên đề quý IV với chủ đề \"Chuyển đổi số trong công tác hành chính –"
                    + " văn phòng\"; đồng chí Bí thư chi bộ chuẩn bị nội dung, các đồng chí chi ủy viên tham gia"
                    + " ý kiến."),
            p("2.4. Chuẩn bị kiểm điểm, đánh giá, xếp loại chất lượng đảng viên và tập thể chi bộ năm 2026;"
                    + " các đồng chí đảng viên hoàn thành bản tự kiểm điểm trước ngày 30/11/2026."),
            p("2.5. Hoàn thiện hồ sơ đề nghị Đảng ủy Sở xét công nhận đảng viên chính thức cho đồng chí Phan"
                    + " Thị Yến; tiếp tục giúp đỡ đồng chí Mai Xuân Trường."),
            h("3. Tổ chức thực hiện"),
            p("Chi ủy có trách nhiệm cụ thể hóa nghị quyết thành kế hoạch, phân công đảng viên thực hiện,"
                    + " định kỳ kiểm tra, đôn đốc và báo cáo kết quả tại hội nghị chi bộ tháng 12/2026. Các đồng"
                    + " chí đảng viên có trách nhiệm gương mẫu thực hiện và vận động người lao động trong phòng"
                    + " cùng thực hiện nghị quyết."),
            p("Nghị quyết này được hội nghị chi bộ thông qua với tỷ lệ … % đảng viên tán thành (trên tổng số"
                    + " đảng viên chính thức của chi bộ trừ số được miễn công tác, sinh hoạt vắng mặt)."));
}
