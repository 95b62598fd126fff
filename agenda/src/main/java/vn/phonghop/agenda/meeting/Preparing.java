package vn.phonghop.agenda.meeting;

import static vn.phonghop.agenda.meeting.Guards.first;
import static vn.phonghop.agenda.meeting.Guards.item;
import static vn.phonghop.agenda.meeting.Guards.phase;
import static vn.phonghop.agenda.meeting.Guards.text;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import vn.phonghop.agenda.items.AgendaItem;
import vn.phonghop.agenda.items.ItemStatus;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.meeting.MeetingEvent.*;
import vn.phonghop.agenda.meeting.Rejection.Reason;
import vn.phonghop.agenda.roster.MeetingRole;
import vn.phonghop.agenda.voting.RuleSet;
import vn.phonghop.agenda.voting.RuleSets;

/** Deciding the commands that prepare a meeting: scheduling, roster, agenda, documents, publishing. */
final class Preparing {
    static final String DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

    private Preparing() {
    }

    static Decision schedule(MeetingState s, ScheduleMeeting c) {
        if (s.phase() != Phase.NONE) return Decision.reject(Reason.MEETING_ALREADY_EXISTS, c.meetingId());
        var bad = first(text(c.meetingId(), 200, "meeting id"), text(c.title(), Guards.MAX_TITLE, "title"));
        if (bad != null) return bad;
        if (c.organisation() == null || c.kind() == null || c.plannedStart() == null) {
            return Decision.reject(Reason.EMPTY_TEXT, "organisation, kind and planned start are required");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(c.zoneId() == null ? DEFAULT_ZONE : c.zoneId());
        } catch (DateTimeException e) {
            return Decision.reject(Reason.INVALID_ZONE, c.zoneId());
        }
        RuleSet rules = c.ruleSetId() == null
                ? RuleSets.inForceOn(c.plannedStart().atZone(zone).toLocalDate()).orElse(null)
                : RuleSets.byId(c.ruleSetId()).orElse(null);
        if (rules == null) return Decision.reject(Reason.UNKNOWN_RULE_SET, String.valueOf(c.ruleSetId()));
        return Decision.accept(new MeetingScheduled(c.meetingId(), c.organisation(), c.kind(), c.title().strip(),
                c.venue() == null ? "" : c.venue().strip(), c.place() == null ? "" : c.place().strip(), zone.getId(),
                c.plannedStart(), rules.id(), c.by(), c.at()));
    }

    static Decision registerMember(MeetingState s, RegisterMember c) {
        var bad = first(phase(s, Guards.BEFORE_START), c.member() == null ? text(null, 1, "member") : null);
        if (bad != null) return bad;
        bad = text(c.member().name(), Guards.MAX_TITLE, "name");
        if (bad != null) return bad;
        if (s.roster().knows(c.member().id())) return Decision.reject(Reason.MEMBER_ALREADY_REGISTERED, c.member().id());
        return Decision.accept(new MemberRegistered(c.member(), c.at()));
    }

    /** All the members or none: the first bad or repeated one refuses the whole list. */
    static Decision registerMembers(MeetingState s, RegisterMembers c) {
        var bad = phase(s, Guards.BEFORE_START);
        if (bad != null) return bad;
        if (c.members().isEmpty()) return Decision.reject(Reason.EMPTY_TEXT, "no members");
        var seen = new java.util.HashSet<String>();
        var events = new ArrayList<MeetingEvent>();
        for (var m : c.members()) {
            bad = m == null ? text(null, 1, "member") : text(m.name(), Guards.MAX_TITLE, "name of " + m.id());
            if (bad != null) return bad;
            if (s.roster().knows(m.id()) || !seen.add(m.id())) {
                return Decision.reject(Reason.MEMBER_ALREADY_REGISTERED, m.id());
            }
            events.add(new MemberRegistered(m, c.at()));
        }
        return Decision.accept(events);
    }

    static Decision changeStanding(MeetingState s, ChangeStanding c) {
        var bad = first(phase(s, Guards.BEFORE_START), member(s, c.memberId()));
        if (bad != null) return bad;
        if (c.membership() == null || c.standing() == null) return Decision.reject(Reason.EMPTY_TEXT, "standing");
        return Decision.accept(new MemberStandingChanged(c.memberId(), c.membership(), c.standing(), c.at()));
    }

    static Decision removeMember(MeetingState s, RemoveMember c) {
        var bad = first(phase(s, Guards.BEFORE_START), member(s, c.memberId()));
        return bad != null ? bad : Decision.accept(new MemberRemoved(c.memberId(), c.at()));
    }

    static Decision inviteGuest(MeetingState s, InviteGuest c) {
        var bad = first(phase(s, Guards.UNTIL_CLOSE), c.guest() == null ? text(null, 1, "guest") : null);
        if (bad != null) return bad;
        bad = text(c.guest().name(), Guards.MAX_TITLE, "name");
        if (bad != null) return bad;
        if (s.roster().knows(c.guest().id())) {
            return Decision.reject(Reason.MEMBER_ALREADY_REGISTERED, c.guest().id());
        }
        return Decision.accept(new GuestInvited(c.guest(), c.at()));
    }

    static Decision assignRole(MeetingState s, AssignRole c) {
        var bad = phase(s, Guards.UNTIL_CLOSE);
        if (bad != null) return bad;
        if (c.role() != MeetingRole.CHAIR && c.role() != MeetingRole.MINUTE_TAKER) {
            return Decision.reject(Reason.ROLE_NOT_ASSIGNABLE, String.valueOf(c.role()));
        }
        if (s.roster().guest(c.memberId()).isPresent()) return Decision.reject(Reason.GUEST_CANNOT_HOLD_ROLE, c.memberId());
        bad = member(s, c.memberId());
        if (bad != null) return bad;
        var m = s.roster().member(c.memberId()).get();
        if (c.role() == MeetingRole.CHAIR && !(m.official() && m.standing() == vn.phonghop.agenda.roster.Standing.ACTIVE)) {
            // the chair is the cell's secretary or deputy: an official member in good standing
            return Decision.reject(Reason.ROLE_NOT_ASSIGNABLE, "the chair must be an active official member");
        }
        return Decision.accept(new RoleAssigned(c.memberId(), c.role(), c.at()));
    }

    static Decision setQuorumRule(MeetingState s, SetQuorumRule c) {
        var bad = phase(s, Guards.UNTIL_CLOSE);
        if (bad != null) return bad;
        if (c.rule() == null) return Decision.reject(Reason.EMPTY_TEXT, "quorum rule");
        return Decision.accept(new QuorumRuleSet(c.rule(), c.at()));
    }

    static Decision addItem(MeetingState s, AddAgendaItem c) {
        var bad = first(phase(s, Guards.UNTIL_CLOSE), text(c.itemId(), 200, "item id"),
                text(c.title(), Guards.MAX_TITLE, "title"), duration(c.plannedMinutes()));
        if (bad != null) return bad;
        if (s.agenda().item(c.itemId()).isPresent()) return Decision.reject(Reason.ITEM_ALREADY_EXISTS, c.itemId());
        if (c.parentId() != null) {
            bad = item(s, c.parentId());
            if (bad != null) return bad;
            if (!s.agenda().item(c.parentId()).get().topLevel()) {
                return Decision.reject(Reason.NESTING_TOO_DEEP, "sub-items have no sub-items");
            }
        }
        return Decision.accept(new AgendaItemAdded(c.itemId(), c.parentId(), c.title().strip(), c.plannedMinutes(), c.at()));
    }

    static Decision applyTemplate(MeetingState s, ApplyTemplate c) {
        var bad = first(phase(s, Guards.UNTIL_CLOSE), text(c.idPrefix(), 100, "id prefix"));
        if (bad != null) return bad;
        if (c.template() == null) return Decision.reject(Reason.EMPTY_TEXT, "template");
        var events = new ArrayList<MeetingEvent>();
        for (AgendaItem i : c.template().items(c.idPrefix())) {
            if (s.agenda().item(i.id()).isPresent()) return Decision.reject(Reason.ITEM_ALREADY_EXISTS, i.id());
            events.add(new AgendaItemAdded(i.id(), i.parentId(), i.title(), i.plannedMinutes(), c.at()));
        }
        return Decision.accept(events);
    }

    static Decision editItem(MeetingState s, EditAgendaItem c) {
        var bad = first(phase(s, Guards.UNTIL_CLOSE), item(s, c.itemId()), text(c.title(), Guards.MAX_TITLE, "title"),
                duration(c.plannedMinutes()));
        return bad != null ? bad
                : Decision.accept(new AgendaItemEdited(c.itemId(), c.title().strip(), c.plannedMinutes(), c.at()));
    }

    static Decision removeItem(MeetingState s, RemoveAgendaItem c) {
        var bad = first(phase(s, Guards.UNTIL_CLOSE), item(s, c.itemId()));
        if (bad != null) return bad;
        var affected = new ArrayList<AgendaItem>(s.agenda().childrenOf(c.itemId()));
        affected.add(s.agenda().item(c.itemId()).get());
        for (var i : affected) {
            boolean used = i.status() == ItemStatus.CURRENT || i.status() == ItemStatus.DONE
                    || i.spentSeconds() > 0 || !s.queue(i.id()).finished().isEmpty() // discussed, then skipped
                    || s.polls().values().stream().anyMatch(p -> i.id().equals(p.spec().itemId()))
                    || s.remarks().values().stream().anyMatch(r -> i.id().equals(r.itemId()));
            if (used) return Decision.reject(Reason.ITEM_IN_USE, i.id() + " has been discussed or has polls");
        }
        return Decision.accept(new AgendaItemRemoved(c.itemId(), c.at()));
    }

    static Decision moveItem(MeetingState s, MoveAgendaItem c) {
        var bad = first(phase(s, Guards.UNTIL_CLOSE), item(s, c.itemId()));
        if (bad != null) return bad;
        if (c.newIndex() < 0 || c.newIndex() >= s.agenda().siblingCount(c.itemId())) {
            return Decision.reject(Reason.INVALID_POSITION, String.valueOf(c.newIndex()));
        }
        return Decision.accept(new AgendaItemMoved(c.itemId(), c.newIndex(), c.at()));
    }

    static Decision attachDocument(MeetingState s, AttachDocument c) {
        var bad = first(phase(s, Guards.UNTIL_CLOSE), item(s, c.itemId()));
        if (bad != null) return bad;
        if (c.document() == null || !c.document().wellFormed()) {
            return Decision.reject(Reason.INVALID_DOCUMENT, "id, title, SHA-256 and page count are required");
        }
        return Decision.accept(new DocumentAttached(c.itemId(), c.document(), c.at()));
    }

    static Decision detachDocument(MeetingState s, DetachDocument c) {
        var bad = first(phase(s, Guards.UNTIL_CLOSE), item(s, c.itemId()));
        if (bad != null) return bad;
        if (!s.agenda().item(c.itemId()).get().hasDocument(c.documentId())) {
            return Decision.reject(Reason.UNKNOWN_DOCUMENT, c.documentId());
        }
        return Decision.accept(new DocumentDetached(c.itemId(), c.documentId(), c.at()));
    }

    static Decision publish(MeetingState s, PublishMeeting c) {
        if (s.phase() == Phase.PUBLISHED) return Decision.reject(Reason.ALREADY_PUBLISHED, "already published");
        var bad = phase(s, java.util.EnumSet.of(Phase.DRAFT));
        if (bad != null) return bad;
        if (s.agenda().isEmpty()) return Decision.reject(Reason.NO_AGENDA, "the agenda is empty");
        return Decision.accept(new MeetingPublished(c.at()));
    }

    private static Decision member(MeetingState s, String memberId) {
        return memberId != null && s.roster().member(memberId).isPresent() ? null
                : Decision.reject(Reason.UNKNOWN_PERSON, "no member " + memberId);
    }

    private static Decision duration(int minutes) {
        return minutes >= 0 && minutes <= 24 * 60 ? null
                : Decision.reject(Reason.INVALID_DURATION, minutes + " minutes");
    }
}
