package vn.phonghop.server.live;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import vn.phonghop.agenda.meeting.MeetingCommand;
import vn.phonghop.agenda.meeting.MeetingEvent;

/**
 * How a meeting's writer works with the other nodes: whether this node decides the meeting, how a
 * command reaches the node that does, and how durable events reach every node's replica (each node
 * projects them for its own sockets). One node: decides everything, forwards and replicates nothing.
 */
public interface Routing {
    boolean local(String meetingId);

    /** When this node sees fewer cluster members than its quorum: the answer to every command; else null. */
    default Reply.NoQuorum minority() {
        return null;
    }

    /** Sends a command to the meeting's owner; completes with its answer, or a retry when it cannot be reached. */
    CompletableFuture<Reply> forward(String meetingId, String commandId, MeetingCommand command);

    /** Tells the other nodes of a command's durable events, in seq order (never the ballots' choices). */
    void replicate(String meetingId, long firstSeqBefore, List<MeetingEvent> events);

    /** A writer was made on this node (a clustered node subscribes it to the meeting's replicated events). */
    void attach(MeetingRuntime runtime);

    Routing SINGLE = new Routing() {
        @Override
        public boolean local(String meetingId) {
            return true;
        }

        @Override
        public CompletableFuture<Reply> forward(String meetingId, String commandId, MeetingCommand command) {
            throw new IllegalStateException("a single node decides every meeting itself");
        }

        @Override
        public void replicate(String meetingId, long firstSeqBefore, List<MeetingEvent> events) {
        }

        @Override
        public void attach(MeetingRuntime runtime) {
        }
    };
}
