package vn.phonghop.agenda.voting;

import java.util.List;
import java.util.Objects;

/**
 * What a poll asks and under which rules: the decision kind (and so the threshold), the ballot
 * mode, the candidates and seats of an election, the forms offered in a discipline vote, whether
 * a voter may change an open vote, and the rule set it runs under.
 */
public record PollSpec(String pollId, String itemId, String question, DecisionKind kind, BallotMode mode,
                       List<Candidate> candidates, int seats, List<DisciplineForm> forms, boolean changeAllowed,
                       String ruleSetId) {
    public PollSpec {
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        candidates = List.copyOf(candidates);
        forms = List.copyOf(forms);
    }

    public boolean secret() {
        return mode.secret();
    }

    /** A changed vote would need the old choice; a secret ballot has no link back to it. */
    public boolean votesMayChange() {
        return changeAllowed && !secret();
    }

    public boolean hasCandidate(String id) {
        return candidates.stream().anyMatch(c -> c.id().equals(id));
    }
}
