package vn.phonghop.server.live;

/** Event-bus addresses, dotted lowercase, in one place. None of them reaches a browser. */
public final class Addresses {
    private Addresses() {
    }

    /** Where a meeting's writer publishes its durable events for the nodes' sockets. */
    public static String live(String meetingId) {
        return "meeting." + meetingId + ".live";
    }
}
