package vn.phonghop.agenda.voting;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A poll in one of its stages; the stage is a type because it changes what is allowed:
 * only an open poll takes votes, only a closed one has a result.
 */
public sealed interface Poll {

    PollSpec spec();

    default String id() {
        return spec().pollId();
    }

    /** Created, not yet open. */
    record Draft(PollSpec spec) implements Poll {
        public Open open(Instant at) {
            return new Open(spec, at, Set.of(), Map.of(), Tally.EMPTY);
        }
    }

    /**
     * Taking votes. {@code voted} is who has voted (kept for secret polls too); {@code openChoices}
     * is who chose what, and stays empty for a secret poll, whose tally grows from the ballot box.
     */
    record Open(PollSpec spec, Instant openedAt, Set<String> voted, Map<String, Choice> openChoices, Tally tally)
            implements Poll {
        public Open {
            // one vote more shares the voters and choices of the version before (VoterSet, ChoiceMap), it does not copy them
            voted = VoterSet.of(voted);
            openChoices = ChoiceMap.of(openChoices);
        }

        public boolean hasVoted(String memberId) {
            return voted.contains(memberId);
        }

        /**
         * Who has voted since {@code earlier}, sorted, when it is an earlier moment of this same
         * opening (same poll, same opening time, its voters all still here); empty otherwise.
         */
        public java.util.Optional<java.util.List<String>> votedSince(Open earlier) {
            if (!earlier.spec().equals(spec) || !earlier.openedAt().equals(openedAt)) return java.util.Optional.empty();
            return java.util.Optional.ofNullable(VoterSet.added(earlier.voted(), voted));
        }

        public Open withOpenVote(String voter, Choice choice) {
            Choice previous = openChoices.get(voter);
            Tally t = previous == null ? tally.plus(choice) : tally.minus(previous).plus(choice);
            return new Open(spec, openedAt, ((VoterSet) voted).with(voter), ((ChoiceMap) openChoices).with(voter, choice), t);
        }

        public Open withVoterMarked(String voter) {
            return new Open(spec, openedAt, ((VoterSet) voted).with(voter), openChoices, tally);
        }

        public Open withBallot(Choice choice) {
            return new Open(spec, openedAt, voted, openChoices, tally.plus(choice));
        }

        /** Closed at {@code at}, when {@code eligible} members present could vote. */
        public Closed close(Instant at, Tally finalTally, PollResult result, int eligible) {
            return new Closed(spec, openedAt, at, voted, openChoices, finalTally, result, false, eligible);
        }
    }

    /**
     * Counted; the result is shown on the room display once the chair says so. {@code eligible}:
     * the members present who could vote when it closed ("9/13 đã biểu quyết" stays what it was).
     */
    record Closed(PollSpec spec, Instant openedAt, Instant closedAt, Set<String> voted,
                  Map<String, Choice> openChoices, Tally tally, PollResult result, boolean shown, int eligible)
            implements Poll {
        public Closed {
            // sorted views, so that copying them again (one vote more) is linear, not a re-sort
            voted = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(voted));
            openChoices = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(openChoices));
        }

        public Closed shownNow() {
            return new Closed(spec, openedAt, closedAt, voted, openChoices, tally, result, true, eligible);
        }
    }
}
