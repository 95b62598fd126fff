package vn.phonghop.agenda.meeting;

import static vn.phonghop.agenda.roster.MeetingRole.CHAIR;
import static vn.phonghop.agenda.roster.MeetingRole.CONVENOR;
import static vn.phonghop.agenda.roster.MeetingRole.MINUTE_TAKER;

import java.util.EnumSet;
import java.util.Set;
import vn.phonghop.agenda.meeting.MeetingCommand.*;
import vn.phonghop.agenda.roster.MeetingRole;

/**
 * Who may send which command. Preparing is for the convenor, the chair and the minute-taker;
 * running the meeting is for the chair and the minute-taker; a person acts for themself when
 * checking in, asking for the floor and voting (the console may check in or queue someone on
 * their behalf, never vote for them).
 */
public final class Permissions {

    static final Set<MeetingRole> PREPARE = EnumSet.of(CONVENOR, CHAIR, MINUTE_TAKER);
    static final Set<MeetingRole> RUN = EnumSet.of(CHAIR, MINUTE_TAKER);

    private Permissions() {
    }

    /** Whether {@code command.by()} may send this command in this state. */
    public static boolean allows(MeetingState state, MeetingCommand command) {
        Set<MeetingRole> roles = state.roster().rolesOf(command.by());
        if (command instanceof ScheduleMeeting) return true;
        if (command instanceof CastVote v) return v.voterId() != null && v.voterId().equals(v.by());
        String self = selfOf(command);
        if (self != null) return self.equals(command.by()) || intersects(roles, RUN);
        return intersects(roles, required(command));
    }

    /** The roles a console command needs. */
    public static Set<MeetingRole> required(MeetingCommand c) {
        if (c instanceof RegisterMember || c instanceof RegisterMembers || c instanceof ChangeStanding || c instanceof RemoveMember
                || c instanceof InviteGuest || c instanceof AssignRole || c instanceof SetQuorumRule
                || c instanceof AddAgendaItem || c instanceof ApplyTemplate || c instanceof EditAgendaItem
                || c instanceof RemoveAgendaItem || c instanceof MoveAgendaItem || c instanceof AttachDocument
                || c instanceof DetachDocument || c instanceof PublishMeeting || c instanceof ArchiveMeeting
                || c instanceof SetSpeakingLimit) {
            return PREPARE;
        }
        return RUN;
    }

    /** The person a self-service command is about, or null when it is not one. */
    static String selfOf(MeetingCommand c) {
        if (c instanceof CheckIn x) return x.personId();
        if (c instanceof CheckOut x) return x.personId();
        if (c instanceof RequestFloor x) return x.personId();
        if (c instanceof WithdrawRequest x) return x.personId();
        return null;
    }

    private static boolean intersects(Set<MeetingRole> a, Set<MeetingRole> b) {
        for (var r : a) if (b.contains(r)) return true;
        return false;
    }
}
