package vn.phonghop.server.cluster;

/**
 * Which node decides a meeting. On one node, this one, always. In a cluster, the Hazelcast owner
 * of the partition the meeting id falls in: exactly one member at a time while the cluster is
 * whole; while ownership moves two nodes may briefly both believe they own it, and the store's
 * (meeting, seq) key lets only one of them write.
 */
public interface Ownership {
    /** True when this node decides the meeting's commands. */
    boolean local(String meetingId);

    /** The node that decides the meeting (its event-bus node id). */
    String owner(String meetingId);

    /** This node's id. */
    String self();

    Ownership SINGLE = new Ownership() {
        @Override
        public boolean local(String meetingId) {
            return true;
        }

        @Override
        public String owner(String meetingId) {
            return "single";
        }

        @Override
        public String self() {
            return "single";
        }
    };
}
