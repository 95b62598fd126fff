package vn.phonghop.agenda.voting;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What one voter marks on one ballot; its shape matches the poll's. */
public sealed interface Choice {

    /** The tally keys this choice adds one to. */
    List<String> tallyKeys();

    /** For, against or abstain on a motion. */
    record Motion(Answer answer) implements Choice {
        public List<String> tallyKeys() {
            return List.of(answer.name());
        }
    }

    /** The candidates this voter approves (at most as many as there are seats; none is allowed). */
    record Election(Set<String> approved) implements Choice {
        public Election {
            approved = Set.copyOf(approved);
        }

        public List<String> tallyKeys() {
            return List.copyOf(new TreeSet<>(approved));
        }
    }

    /** The form of discipline this voter supports, or none. */
    record Discipline(DisciplineForm form) implements Choice {
        public static final String NONE = "NONE";

        public List<String> tallyKeys() {
            return List.of(form == null ? NONE : form.name());
        }
    }
}
