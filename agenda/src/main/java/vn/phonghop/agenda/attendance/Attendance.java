package vn.phonghop.agenda.attendance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Who has checked in, out, or been marked absent, by person id. */
public record Attendance(Map<String, Presence> byPerson) {
    public static final Attendance NONE = new Attendance(Map.of());

    public Attendance {
        byPerson = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPerson));
    }

    public Optional<Presence> of(String personId) {
        return Optional.ofNullable(byPerson.get(personId));
    }

    public boolean present(String personId) {
        return of(personId).map(Presence::present).orElse(false);
    }

    public boolean attended(String personId) {
        return of(personId).map(Presence::attended).orElse(false);
    }

    public Attendance checkedIn(String personId, Instant at, boolean late) {
        var p = byPerson.get(personId);
        return with(personId, p != null && p.attended() ? p.returned() : Presence.arrived(at, late));
    }

    public Attendance checkedOut(String personId) {
        return with(personId, byPerson.get(personId).leftAt());
    }

    public Attendance markedAbsent(String personId, String reason) {
        return with(personId, Presence.absent(reason));
    }

    private Attendance with(String personId, Presence p) {
        var m = new LinkedHashMap<>(byPerson);
        m.put(personId, p);
        return new Attendance(m);
    }
}
