package vn.phonghop.server.store;

import java.security.SecureRandom;

/**
 * One secret ballot's choice for the unordered ballot box: a random id, the poll and the choice,
 * and deliberately nothing that could name the voter or the moment of the vote.
 */
public record SecretBallot(String pollId, long ballotId, String choiceJson) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public SecretBallot {
        Checks.text("pollId", pollId, 64);
        Checks.text("choiceJson", choiceJson, 1000);
    }

    /**
     * A ballot with a fresh random id. The id must never be derived from the voter, a counter or
     * the clock: it is the ballot box's primary key, so any order in it would be the order of votes.
     */
    public static SecretBallot cast(String pollId, String choiceJson) {
        return new SecretBallot(pollId, RANDOM.nextLong() & Long.MAX_VALUE, choiceJson);
    }
}
