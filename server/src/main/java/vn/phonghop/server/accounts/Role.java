package vn.phonghop.server.accounts;

/**
 * What a person's account may do across meetings. Who chairs or takes the minutes of a given
 * meeting is the meeting's own business (the domain), not an account role.
 */
public enum Role {
    /** Manages accounts and the server. */
    ADMIN,
    /** Prepares meetings: roster, agenda, documents, pairing codes for seats and the room display. */
    SECRETARY,
    /** A party member: joins meetings on a tablet, reads, asks for the floor, votes. */
    MEMBER,
    /** A committee reader of the archive of minutes. */
    COMMITTEE
}
