package vn.phonghop.agenda.voting;

/** How members vote. */
public enum BallotMode {
    /** Biểu quyết giơ tay: open. */
    SHOW_OF_HANDS,
    /** Giơ thẻ đảng viên: open. */
    PARTY_CARD,
    /** Bỏ phiếu kín: nobody, not even the chair, may learn who chose what. */
    SECRET;

    public boolean secret() {
        return this == SECRET;
    }
}
