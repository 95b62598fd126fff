package vn.phonghop.agenda.voting;

import java.util.Set;

/** The threshold and ballot modes a rule set gives one kind of decision. */
public record DecisionRule(Threshold threshold, Set<BallotMode> allowedModes, BallotMode defaultMode) {
    public DecisionRule {
        allowedModes = Set.copyOf(allowedModes);
        if (!allowedModes.contains(defaultMode)) throw new IllegalArgumentException("default mode not allowed");
    }

    /** The meeting chooses the mode when more than one is allowed. */
    public boolean meetingChooses() {
        return allowedModes.size() > 1;
    }
}
