package vn.phonghop.agenda.voting;

import static vn.phonghop.agenda.voting.BallotMode.PARTY_CARD;
import static vn.phonghop.agenda.voting.BallotMode.SECRET;
import static vn.phonghop.agenda.voting.BallotMode.SHOW_OF_HANDS;
import static vn.phonghop.agenda.voting.Threshold.AT_LEAST_TWO_THIRDS_OF_BASE;
import static vn.phonghop.agenda.voting.Threshold.AT_LEAST_TWO_THIRDS_OF_OFFICIAL;
import static vn.phonghop.agenda.voting.Threshold.MORE_THAN_HALF_OF_BASE;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.phonghop.agenda.attendance.QuorumRule;

/**
 * The rule sets the system knows, oldest first. The implementing regulation of the Statute went
 * 24-QĐ/TW (2021) → 232-QĐ/TW (01/2025) → 294-QĐ/TW (in force 01/07/2025); the cell-meeting guidance
 * 12-HD/BTCTW (2018) → 42-HD/BTCTW (10/2025). The voting values below are those of DOMAIN.md, which
 * the three versions share; a future version that changes one is a new constant here.
 */
public final class RuleSets {

    public static final RuleSet QD24_2021 = standard("24-QĐ/TW",
            "Quy định 24-QĐ/TW năm 2021 thi hành Điều lệ Đảng", LocalDate.of(2021, 7, 30), "12-HD/BTCTW");
    public static final RuleSet QD232_2025 = standard("232-QĐ/TW",
            "Quy định 232-QĐ/TW năm 2025 thi hành Điều lệ Đảng", LocalDate.of(2025, 1, 20), "12-HD/BTCTW");
    public static final RuleSet QD294_2025 = standard("294-QĐ/TW",
            "Quy định 294-QĐ/TW năm 2025 thi hành Điều lệ Đảng", LocalDate.of(2025, 7, 1), "42-HD/BTCTW");

    /** The default for new meetings. */
    public static final RuleSet DEFAULT = QD294_2025;

    private static final List<RuleSet> ALL = List.of(QD24_2021, QD232_2025, QD294_2025);

    private RuleSets() {
    }

    public static List<RuleSet> all() {
        return ALL;
    }

    public static Optional<RuleSet> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The newest rule set in force on a date, if any. */
    public static Optional<RuleSet> inForceOn(LocalDate date) {
        return ALL.stream().filter(r -> r.inForceOn(date)).max(Comparator.comparing(RuleSet::effectiveFrom));
    }

    private static RuleSet standard(String id, String title, LocalDate from, String guidance) {
        var d = new EnumMap<DecisionKind, DecisionRule>(DecisionKind.class);
        d.put(DecisionKind.ORDINARY_RESOLUTION, new DecisionRule(MORE_THAN_HALF_OF_BASE, Set.of(SHOW_OF_HANDS, SECRET), SHOW_OF_HANDS));
        d.put(DecisionKind.CONCLUSION, new DecisionRule(MORE_THAN_HALF_OF_BASE, Set.of(SHOW_OF_HANDS, SECRET), SHOW_OF_HANDS));
        d.put(DecisionKind.ADMISSION, new DecisionRule(AT_LEAST_TWO_THIRDS_OF_OFFICIAL, Set.of(SECRET, PARTY_CARD), SECRET));
        d.put(DecisionKind.PROBATION_CONFIRMATION, new DecisionRule(AT_LEAST_TWO_THIRDS_OF_OFFICIAL, Set.of(SECRET, PARTY_CARD), SECRET));
        d.put(DecisionKind.DISCIPLINE, new DecisionRule(MORE_THAN_HALF_OF_BASE, Set.of(SECRET), SECRET));
        d.put(DecisionKind.EXPULSION, new DecisionRule(AT_LEAST_TWO_THIRDS_OF_BASE, Set.of(SECRET), SECRET));
        d.put(DecisionKind.ELECTION, new DecisionRule(MORE_THAN_HALF_OF_BASE, Set.of(SECRET), SECRET));
        d.put(DecisionKind.PROCEDURAL, new DecisionRule(MORE_THAN_HALF_OF_BASE, Set.of(SHOW_OF_HANDS), SHOW_OF_HANDS));
        var forms = new EnumMap<DisciplineForm, Threshold>(DisciplineForm.class);
        forms.put(DisciplineForm.REPRIMAND, MORE_THAN_HALF_OF_BASE);
        forms.put(DisciplineForm.WARNING, MORE_THAN_HALF_OF_BASE);
        forms.put(DisciplineForm.REMOVAL_FROM_POST, MORE_THAN_HALF_OF_BASE);
        forms.put(DisciplineForm.EXPULSION, AT_LEAST_TWO_THIRDS_OF_BASE);
        return new RuleSet(id, title, from, guidance, d, forms, 30, QuorumRule.MORE_THAN_HALF_WARN, 90, 1, 85, 3);
    }

}
