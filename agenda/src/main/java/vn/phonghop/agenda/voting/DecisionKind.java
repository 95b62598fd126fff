package vn.phonghop.agenda.voting;

/** What a poll decides; the rule set gives each kind its threshold and ballot modes. */
public enum DecisionKind {
    /** Nghị quyết thường kỳ. */
    ORDINARY_RESOLUTION(Shape.MOTION),
    /** Kết luận. */
    CONCLUSION(Shape.MOTION),
    /** Kết nạp đảng viên. */
    ADMISSION(Shape.MOTION),
    /** Công nhận đảng viên chính thức. */
    PROBATION_CONFIRMATION(Shape.MOTION),
    /** Kỷ luật: khiển trách, cảnh cáo, cách chức (and khai trừ on the same ballot), cumulative. */
    DISCIPLINE(Shape.DISCIPLINE),
    /** Khai trừ as a single motion. */
    EXPULSION(Shape.MOTION),
    /** Bầu cử: committee, secretary, deputy, delegates to the higher congress; per candidate. */
    ELECTION(Shape.ELECTION),
    /** Đoàn chủ tịch, thư ký đoàn, ban thẩm tra tư cách. */
    PROCEDURAL(Shape.MOTION);

    /** The shape of the ballot. */
    public enum Shape { MOTION, ELECTION, DISCIPLINE }

    private final Shape shape;

    DecisionKind(Shape shape) {
        this.shape = shape;
    }

    public Shape shape() {
        return shape;
    }
}
