package vn.phonghop.server.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one decided command writes, in one transaction: its events, the secret ballots it
 * carries, and the command id with the response to repeat if the same command comes again.
 *
 * @param expectedLastSeq the seq the writer believes is the meeting's last (0 for a new meeting);
 *     the append is refused with {@link AppendResult.SeqConflict} when the log says otherwise
 */
public record AppendRequest(
        String meetingId,
        long expectedLastSeq,
        List<NewEvent> events,
        Optional<CommandReceipt> command,
        List<SecretBallot> ballots) {

    /** The client-chosen command id and the JSON response acknowledged for it. */
    public record CommandReceipt(String commandId, String responseJson) {

        public CommandReceipt {
            Checks.text("commandId", commandId, 100);
            Objects.requireNonNull(responseJson, "responseJson");
        }
    }

    public AppendRequest {
        Checks.text("meetingId", meetingId, 64);
        if (expectedLastSeq < 0) {
            throw new IllegalArgumentException("expectedLastSeq must not be negative");
        }
        events = List.copyOf(events);
        ballots = List.copyOf(ballots);
        Objects.requireNonNull(command, "command");
    }

    /** A request that appends events only. */
    public static AppendRequest of(String meetingId, long expectedLastSeq, List<NewEvent> events) {
        return new AppendRequest(meetingId, expectedLastSeq, events, Optional.empty(), List.of());
    }

    /** The same request, remembered under a command id with the response to repeat. */
    public AppendRequest withCommand(String commandId, String responseJson) {
        return new AppendRequest(meetingId, expectedLastSeq, events,
                Optional.of(new CommandReceipt(commandId, responseJson)), ballots);
    }

    /** The same request, carrying secret ballots into the ballot box. */
    public AppendRequest withBallots(List<SecretBallot> newBallots) {
        return new AppendRequest(meetingId, expectedLastSeq, events, command, newBallots);
    }
}
