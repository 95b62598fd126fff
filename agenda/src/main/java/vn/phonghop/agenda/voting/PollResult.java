package vn.phonghop.agenda.voting;

import java.util.List;

/**
 * The outcome of a closed poll, with the figures it was decided on (the majority base and the
 * official members at close) so that the minutes can print counts and percentages of the base.
 */
public sealed interface PollResult {

    int majorityBase();

    int officialMembers();

    int ballots();

    /** Whether the motion passed, someone was elected, or a form of discipline was decided. */
    boolean passed();

    /** For, against and abstain on a motion. */
    record Motion(Threshold threshold, int majorityBase, int officialMembers, int ballots, int forVotes,
                  int againstVotes, int abstainVotes, boolean passed) implements PollResult {
    }

    /** Per-candidate outcome of an election. */
    record CandidateOutcome(String candidateId, String name, int votes, boolean reachedThreshold, boolean elected) {
    }

    /**
     * An election: a candidate needs the threshold; the seats go to those who reach it, most votes
     * first. A tie for the last seat elects neither of the tied and is flagged for another round.
     */
    record Election(Threshold threshold, int majorityBase, int officialMembers, int ballots, int seats,
                    List<CandidateOutcome> candidates, boolean tieForLastSeat) implements PollResult {
        public Election {
            candidates = List.copyOf(candidates);
        }

        public boolean passed() {
            return candidates.stream().anyMatch(CandidateOutcome::elected);
        }

        public List<CandidateOutcome> elected() {
            return candidates.stream().filter(CandidateOutcome::elected).toList();
        }
    }

    /** Per-form outcome of a discipline vote: its own votes and the cumulative count it was judged on. */
    record FormOutcome(DisciplineForm form, Threshold threshold, int votes, int cumulativeVotes, boolean reached) {
    }

    /** A discipline vote: the decided form is the harshest whose cumulative votes reach its threshold. */
    record Discipline(int majorityBase, int officialMembers, int ballots, List<FormOutcome> forms, int noDiscipline,
                      DisciplineForm decided) implements PollResult {
        public Discipline {
            forms = List.copyOf(forms);
        }

        public boolean passed() {
            return decided != null;
        }
    }
}
