package vn.phonghop.agenda.items;

import java.util.List;

/**
 * Orders of business a secretary can start from. The regular cell meeting follows
 * DOMAIN.md: opening, content, votes, adopting the minutes (42-HD/BTCTW).
 */
public enum AgendaTemplate {
    REGULAR_CELL_MEETING(List.of(
            new Entry("Khai mạc: thu đảng phí; báo cáo tình hình đảng viên (chính thức, dự bị, miễn sinh hoạt, có mặt, vắng mặt có lý do); thông qua chương trình; cử thư ký", 10, List.of()),
            new Entry("Nội dung sinh hoạt", 60, List.of(
                    new Entry("Thông tin thời sự, chủ trương, chính sách mới", 10, List.of()),
                    new Entry("Kiểm điểm việc thực hiện nhiệm vụ tháng trước", 15, List.of()),
                    new Entry("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 10, List.of()),
                    new Entry("Ý kiến của đảng viên và của quần chúng", 10, List.of()),
                    new Entry("Phương hướng, nhiệm vụ tháng tới và phân công thực hiện; thảo luận", 15, List.of()))),
            new Entry("Biểu quyết thông qua nghị quyết (kết luận) của chi bộ; xét kết nạp (nếu có); đánh giá chất lượng buổi sinh hoạt", 10, List.of()),
            new Entry("Thông qua biên bản; bế mạc", 10, List.of())));

    /** One item of a template, with its planned minutes and sub-items. */
    public record Entry(String title, int plannedMinutes, List<Entry> children) {
    }

    private final List<Entry> entries;

    AgendaTemplate(List<Entry> entries) {
        this.entries = entries;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The items the template adds, with ids {@code prefix-1}, {@code prefix-2.1}, … */
    public List<AgendaItem> items(String idPrefix) {
        var out = new java.util.ArrayList<AgendaItem>();
        for (int i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            String id = idPrefix + "-" + (i + 1);
            out.add(AgendaItem.planned(id, null, e.title(), e.plannedMinutes()));
            for (int j = 0; j < e.children().size(); j++) {
                var c = e.children().get(j);
                out.add(AgendaItem.planned(id + "." + (j + 1), id, c.title(), c.plannedMinutes()));
            }
        }
        return out;
    }
}
