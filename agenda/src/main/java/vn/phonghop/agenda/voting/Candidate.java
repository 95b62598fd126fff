package vn.phonghop.agenda.voting;

import java.util.Objects;

/** A person standing in an election: a member id (when on the roster) and a name. */
public record Candidate(String id, String name) {
    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
