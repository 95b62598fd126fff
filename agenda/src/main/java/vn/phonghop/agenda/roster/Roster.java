package vn.phonghop.agenda.roster;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The people of one meeting: members of the body, invited guests, and who chairs and takes the minutes. */
public record Roster(Map<String, Member> members, Map<String, Guest> guests, String convenorId,
                     String chairId, String minuteTakerId) {

    public static Roster convenedBy(String convenorId) {
        return new Roster(Map.of(), Map.of(), convenorId, null, null);
    }

    public Roster {
        members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
        guests = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(guests));
    }

    public Optional<Member> member(String id) {
        return Optional.ofNullable(members.get(id));
    }

    public Optional<Guest> guest(String id) {
        return Optional.ofNullable(guests.get(id));
    }

    public boolean knows(String personId) {
        return members.containsKey(personId) || guests.containsKey(personId);
    }

    /** Display name of a member or guest, or the id itself for anyone else. */
    public String nameOf(String personId) {
        if (members.containsKey(personId)) return members.get(personId).name();
        if (guests.containsKey(personId)) return guests.get(personId).name();
        return personId;
    }

    public Set<MeetingRole> rolesOf(String personId) {
        Set<MeetingRole> roles = EnumSet.noneOf(MeetingRole.class);
        if (personId == null) return roles;
        if (personId.equals(convenorId)) roles.add(MeetingRole.CONVENOR);
        if (personId.equals(chairId)) roles.add(MeetingRole.CHAIR);
        if (personId.equals(minuteTakerId)) roles.add(MeetingRole.MINUTE_TAKER);
        if (members.containsKey(personId)) roles.add(MeetingRole.DELEGATE);
        if (guests.containsKey(personId)) roles.add(MeetingRole.GUEST);
        return roles;
    }

    public long countOfficial() {
        return members.values().stream().filter(Member::official).count();
    }

    public Collection<Member> memberList() {
        return members.values();
    }

    public Roster withMember(Member m) {
        var copy = new LinkedHashMap<>(members);
        copy.put(m.id(), m);
        return new Roster(copy, guests, convenorId, chairId, minuteTakerId);
    }

    public Roster withoutMember(String id) {
        var copy = new LinkedHashMap<>(members);
        copy.remove(id);
        return new Roster(copy, guests, convenorId,
                id.equals(chairId) ? null : chairId, id.equals(minuteTakerId) ? null : minuteTakerId);
    }

    public Roster withGuest(Guest g) {
        var copy = new LinkedHashMap<>(guests);
        copy.put(g.id(), g);
        return new Roster(members, copy, convenorId, chairId, minuteTakerId);
    }

    public Roster withChair(String id) {
        return new Roster(members, guests, convenorId, id, minuteTakerId);
    }

    public Roster withMinuteTaker(String id) {
        return new Roster(members, guests, convenorId, chairId, id);
    }
}
