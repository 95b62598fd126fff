package vn.phonghop.agenda.voting;

import java.util.Objects;

/**
 * A secret ballot as it goes into the ballot box: poll, a random id chosen outside the domain,
 * and the choice. No voter, no time, no sequence: nothing that could link it to a member.
 */
public record SecretBallot(String pollId, String ballotId, Choice choice) {
    public SecretBallot {
        Objects.requireNonNull(pollId, "pollId");
        Objects.requireNonNull(ballotId, "ballotId");
        Objects.requireNonNull(choice, "choice");
    }
}
