package vn.phonghop.server.live;

/**
 * Who watches a meeting through a socket: the person they act as (null for the room display or
 * an administrator without a seat) and the audience they belong to.
 */
public record Viewer(String personId, Audience audience, boolean mayCommand) {

    public static Viewer display() {
        return new Viewer(null, Audience.DISPLAY, false);
    }
}
