package vn.phonghop.server.live;

/**
 * The three ways a meeting is seen. Each event is projected and serialized once per audience,
 * and the same text goes to every socket of that audience.
 */
public enum Audience {
    /** The chair, the minute-taker and the convenor: everything but a secret ballot's choices. */
    CONSOLE,
    /** Delegates and guests: the meeting, counts of who has voted, results once shown. */
    DELEGATE,
    /** The room's big screen: like a delegate, read-only, no names of who has voted. */
    DISPLAY
}
