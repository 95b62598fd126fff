package vn.phonghop.agenda.roster;

import java.util.Objects;

/** An invited guest (đại biểu khách mời): attends and may speak, never votes. */
public record Guest(String id, String name, String affiliation) {
    public Guest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        affiliation = affiliation == null ? "" : affiliation;
    }
}
