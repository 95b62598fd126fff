package vn.phonghop.server.accounts;

import java.time.Instant;

/** A live session: who it acts for and until when. */
public record Session(Principal principal, Instant createdAt, Instant expiresAt) {
}
