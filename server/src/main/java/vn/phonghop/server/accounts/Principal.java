package vn.phonghop.server.accounts;

import java.util.Objects;

/** Who a session acts for: a person's account, or a paired device bound to one meeting. */
public sealed interface Principal permits Principal.User, Principal.Device {

    /** A person logged in with username and password. */
    record User(String accountId) implements Principal {
        public User {
            Objects.requireNonNull(accountId, "accountId");
        }
    }

    /** A device paired to one meeting with a one-time code; it can act in that meeting only. */
    sealed interface Device extends Principal permits Seat, RoomDisplay {
        /** The meeting the device was paired to. */
        String meetingId();
    }

    /** A delegate's tablet at a seat, acting for one member in one meeting. */
    record Seat(String meetingId, String memberId) implements Device {
        public Seat {
            Objects.requireNonNull(meetingId, "meetingId");
            Objects.requireNonNull(memberId, "memberId");
        }
    }

    /** The room's big screen for one meeting. */
    record RoomDisplay(String meetingId) implements Device {
        public RoomDisplay {
            Objects.requireNonNull(meetingId, "meetingId");
        }
    }
}
