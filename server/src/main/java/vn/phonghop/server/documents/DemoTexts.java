package vn.phonghop.server.documents;

import java.util.List;

/** The wording of the demo documents: a fictional cell, plausible content, no real persons. */
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
            p("Chi bộ Tổ dân phố số 7 hiện có 19 đảng viên, trong đó 17 đảng viên chính thức và 2 đảng viên"
                    + " dự bị; 2 đồng chí được miễn công tác và sinh hoạt đảng theo quy định. Trong tháng 10/2026,"
                    + " tình hình chính trị, trật tự an toàn xã hội trên địa bàn ổn định; đời sống vật chất và tinh"
                    + " thần của nhân dân tiếp tục được cải thiện. Đảng viên và quần chúng tin tưởng vào sự lãnh"
                    + " đạo của Đảng, đồng thuận với các chủ trương của Đảng ủy và chính quyền phường."),
            p("Bên cạnh những thuận lợi, chi bộ còn gặp một số khó khăn: một bộ phận đảng viên cao tuổi, sức"
                    + " khỏe hạn chế; một số hộ gia đình trong tổ dân phố chịu ảnh hưởng của đợt mưa lớn cuối"
                    + " tháng 9; việc thu gom rác thải ở ngõ 12 và ngõ 15 chưa đều đặn."),
            h("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 10/2026"),
            h("1. Công tác chính trị, tư tưởng"),
            p("Chi bộ tổ chức cho đảng viên nghiên cứu, quán triệt các văn bản mới của cấp trên; phổ biến"
                    + " đến nhân dân các nội dung về bảo vệ môi trường, phòng chống cháy nổ trong khu dân cư và"
                    + " phòng chống lừa đảo qua mạng. 100% đảng viên tham gia đầy đủ; các ý kiến phản ánh của nhân"
                    + " dân được tổng hợp, báo cáo Đảng ủy phường kịp thời."),
            p("Tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Trong tháng,"
                    + " chi bộ đăng ký và thực hiện nội dung chuyên đề \"Gương mẫu, nêu gương trong giữ gìn vệ"
                    + " sinh môi trường nơi cư trú\"; mỗi đảng viên nhận phụ trách từ 5 đến 7 hộ gia đình để vận"
                    + " động, nhắc nhở."),
            h("2. Công tác xây dựng Đảng"),
            p("Duy trì nền nếp sinh hoạt chi bộ thường kỳ; tỷ lệ đảng viên dự sinh hoạt đạt 89,5% (17/19"
                    + " đồng chí), vắng có lý do 2 đồng chí. Chất lượng sinh hoạt có chuyển biến: nhiều ý kiến"
                    + " thảo luận thẳng thắn, đi vào những việc cụ thể của tổ dân phố. Chi bộ thu đảng phí đầy"
                    + " đủ, đúng quy định và nộp lên cấp trên đúng hạn."),
            p("Chi bộ tiếp tục theo dõi, giúp đỡ 2 đảng viên dự bị; phân công đảng viên chính thức hướng dẫn"
                    + " các đồng chí rèn luyện, tham gia công việc của tổ dân phố. Đã giới thiệu 1 quần chúng ưu"
                    + " tú là Chi hội trưởng Chi hội Phụ nữ tham dự lớp bồi dưỡng nhận thức về Đảng."),
            h("3. Công tác kiểm tra, giám sát"),
            p("Chi bộ thực hiện giám sát việc chấp hành quy định về những điều đảng viên không được làm và"
                    + " trách nhiệm nêu gương của đảng viên nơi cư trú đối với 3 đồng chí theo kế hoạch năm."
                    + " Kết quả: các đồng chí được giám sát chấp hành tốt, không có biểu hiện vi phạm."),
            h("4. Lãnh đạo thực hiện các nhiệm vụ của tổ dân phố"),
            p("Lãnh đạo tổ dân phố tổ chức ra quân tổng vệ sinh môi trường vào sáng chủ nhật ngày 12/10/2026"
                    + " với sự tham gia của 146 lượt người; nạo vét rãnh thoát nước ngõ 12, phát quang bờ kè"
                    + " dọc kênh. Ban công tác Mặt trận vận động được 38.500.000 đồng ủng hộ các hộ bị ảnh hưởng"
                    + " bởi mưa lớn; trao 12 suất quà cho hộ có hoàn cảnh khó khăn."),
            p("Công tác bảo đảm an ninh trật tự được duy trì; tổ an ninh cơ sở phối hợp với công an phường"
                    + " tuần tra vào các buổi tối cuối tuần, không để xảy ra vụ việc phức tạp. Tổ dân phố hoàn"
                    + " thành rà soát, cập nhật dữ liệu dân cư và hướng dẫn 57 người dân cài đặt, sử dụng ứng"
                    + " dụng dịch vụ công trực tuyến."),
            h("III. HẠN CHẾ, NGUYÊN NHÂN"),
            p("Một số đảng viên còn tham gia sinh hoạt chưa đầy đủ; việc phát huy vai trò nêu gương ở nơi"
                    + " cư trú của một vài đồng chí chưa thường xuyên. Việc thu gom rác thải ở hai ngõ còn chậm"
                    + " do đơn vị thu gom thay đổi lịch; chi bộ chưa kịp thời kiến nghị để điều chỉnh."),
            p("Nguyên nhân chủ yếu: một số đồng chí còn bận việc gia đình, sức khỏe hạn chế; công tác phối"
                    + " hợp giữa tổ dân phố và đơn vị thu gom rác có lúc chưa chặt chẽ; việc đôn đốc của chi ủy"
                    + " có lúc chưa sát sao."),
            h("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 11/2026"),
            p("Một là, tổ chức cho đảng viên và nhân dân tham gia Ngày hội Đại đoàn kết toàn dân tộc ở khu"
                    + " dân cư (18/11); phân công mỗi đảng viên phụ trách một phần việc cụ thể."),
            p("Hai là, nâng cao chất lượng sinh hoạt chi bộ; tổ chức sinh hoạt chuyên đề quý IV với chủ đề"
                    + " \"Xây dựng tổ dân phố xanh, sạch, đẹp, văn minh\"; bảo đảm thời lượng theo hướng dẫn."),
            p("Ba là, kiến nghị Ủy ban nhân dân phường điều chỉnh lịch thu gom rác thải ở ngõ 12 và ngõ 15;"
                    + " vận động các hộ phân loại rác tại nguồn."),
            p("Bốn là, chuẩn bị kiểm điểm, đánh giá, xếp loại chất lượng đảng viên và tập thể chi bộ năm"
                    + " 2026: mỗi đảng viên hoàn thành bản tự kiểm điểm trước ngày 30/11/2026."),
            p("Năm là, tiếp tục giúp đỡ 2 đảng viên dự bị; làm tốt công tác tạo nguồn phát triển đảng viên"
                    + " trong đoàn viên thanh niên và hội viên các đoàn thể của tổ dân phố."),
            p("Trên đây là báo cáo tình hình thực hiện nhiệm vụ tháng 10/2026 và phương hướng nhiệm vụ tháng"
                    + " 11/2026 của Chi bộ Tổ dân phố số 7, trình hội nghị chi bộ thảo luận, đóng góp ý kiến."));

    static final List<Block> RESOLUTION = List.of(
            p("Căn cứ Điều lệ Đảng Cộng sản Việt Nam và các quy định, hướng dẫn thi hành Điều lệ Đảng;"),
            p("Căn cứ chương trình công tác năm 2026 của Đảng ủy phường Hòa Bình;"),
            p("Căn cứ kết quả thảo luận tại hội nghị chi bộ thường kỳ tháng 11/2026,"),
            h("CHI BỘ QUYẾT NGHỊ:"),
            h("1. Đánh giá kết quả tháng 10/2026"),
            p("Hội nghị thống nhất với báo cáo của chi ủy về tình hình thực hiện nhiệm vụ tháng 10/2026."
                    + " Chi bộ đã lãnh đạo hoàn thành các nhiệm vụ chủ yếu: duy trì nền nếp sinh hoạt, làm tốt"
                    + " công tác vận động nhân dân giữ gìn vệ sinh môi trường, hỗ trợ các hộ bị ảnh hưởng bởi mưa"
                    + " lớn, bảo đảm an ninh trật tự trên địa bàn. Hạn chế cần khắc phục: việc phát huy vai trò"
                    + " nêu gương nơi cư trú của một số đảng viên chưa thường xuyên; thu gom rác thải ở một số"
                    + " ngõ còn chậm."),
            h("2. Nhiệm vụ tháng 11/2026"),
            p("2.1. Tổ chức thành công Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư ngày 18/11/2026; biểu"
                    + " dương 5 hộ gia đình tiêu biểu trong phong trào xây dựng đời sống văn hóa."),
            p("2.2. Tổ chức sinh hoạt chuyên đề quý IV với chủ đề \"Xây dựng tổ dân phố xanh, sạch, đẹp, văn"
                    + " minh\"; đồng chí Bí thư chi bộ chuẩn bị nội dung, các đồng chí chi ủy viên tham gia ý kiến."),
            p("2.3. Kiến nghị Ủy ban nhân dân phường điều chỉnh lịch thu gom rác thải; giao đồng chí Tổ trưởng"
                    + " tổ dân phố làm việc với đơn vị thu gom trước ngày 15/11/2026."),
            p("2.4. Chuẩn bị kiểm điểm, đánh giá, xếp loại chất lượng đảng viên và tập thể chi bộ năm 2026;"
                    + " các đồng chí đảng viên hoàn thành bản tự kiểm điểm trước ngày 30/11/2026."),
            p("2.5. Tiếp tục giúp đỡ 2 đảng viên dự bị; giới thiệu quần chúng ưu tú tham gia lớp bồi dưỡng"
                    + " nhận thức về Đảng theo kế hoạch của Đảng ủy phường."),
            h("3. Tổ chức thực hiện"),
            p("Chi ủy có trách nhiệm cụ thể hóa nghị quyết thành kế hoạch, phân công đảng viên thực hiện,"
                    + " định kỳ kiểm tra, đôn đốc và báo cáo kết quả tại hội nghị chi bộ tháng 12/2026. Các đồng"
                    + " chí đảng viên có trách nhiệm gương mẫu thực hiện và vận động gia đình, nhân dân nơi cư"
                    + " trú cùng thực hiện nghị quyết."),
            p("Nghị quyết này được hội nghị chi bộ thông qua với tỷ lệ … % đảng viên tán thành (trên tổng số"
                    + " đảng viên chính thức của chi bộ trừ số được miễn công tác, sinh hoạt vắng mặt)."));
}
