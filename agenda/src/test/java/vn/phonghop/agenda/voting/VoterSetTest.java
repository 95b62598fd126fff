package vn.phonghop.agenda.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Who has voted, as immutable versions sharing one log: every version keeps exactly its own members. */
class VoterSetTest {

    @Test
    @DisplayName("Each version is exactly the voters it was made with, whatever later versions add")
    void versions_are_immutable() {
        VoterSet none = VoterSet.of(Set.of());
        VoterSet one = none.with("m07");
        VoterSet two = one.with("m02");
        assertEquals(Set.of(), none);
        assertEquals(Set.of("m07"), one);
        assertEquals(Set.of("m02", "m07"), two);
        assertFalse(one.contains("m02"));
        assertEquals(List.of("m02", "m07"), List.copyOf(two), "iterated in sorted order");
        assertSame(two, two.with("m07"), "voting twice adds no one");
    }

    @Test
    @DisplayName("The durable state replaying what the decided state added shares it; a different branch gets its own")
    void branches() {
        VoterSet base = VoterSet.of(Set.of("m01"));
        VoterSet decided = base.with("m03").with("m04");
        VoterSet durable = base.with("m03");
        assertEquals(Set.of("m01", "m03"), durable);
        VoterSet other = durable.with("m09");
        assertEquals(Set.of("m01", "m03", "m09"), other);
        assertEquals(Set.of("m01", "m03", "m04"), decided, "the other branch did not change this one");
        assertFalse(decided.contains("m09"));
        assertTrue(other.contains("m03"));
        assertFalse(other.contains("m04"));
        assertEquals(Set.of("m01", "m03", "m09", "m04"), other.with("m04"));
        assertEquals(Set.of("m01", "m03", "m04", "m09"), decided.with("m09"));
    }

    @Test
    @DisplayName("A poll copies a set made elsewhere once, and never keeps the caller's set")
    void copies_foreign_sets() {
        var mine = new java.util.HashSet<>(Set.of("m05"));
        var poll = new Poll.Draft(null).open(java.time.Instant.EPOCH);
        var open = new Poll.Open(null, java.time.Instant.EPOCH, mine, java.util.Map.of(), Tally.EMPTY);
        mine.add("m06");
        assertEquals(Set.of("m05"), open.voted());
        assertEquals(Set.of("m05", "m08"), open.withVoterMarked("m08").voted());
        assertEquals(Set.of(), poll.voted());
    }

    @Test
    @DisplayName("Who has voted since an earlier version: the difference, sorted, on one log or across branches; null when someone left")
    void added_since() {
        VoterSet base = VoterSet.of(Set.of("m01"));
        VoterSet later = base.with("m09").with("m03");
        assertEquals(List.of("m03", "m09"), VoterSet.added(base, later));
        assertEquals(List.of(), VoterSet.added(later, later));
        VoterSet branch = base.with("m05");
        assertEquals(List.of("m05"), VoterSet.added(base, branch));
        assertEquals(List.of("m03", "m09"), VoterSet.added(branch, branch.with("m09").with("m03")),
                "a branch with its own log");
        assertEquals(null, VoterSet.added(later, base), "m03 and m09 are not in the earlier one");
        assertEquals(null, VoterSet.added(branch, later), "m05 is not in the other branch");
        assertEquals(List.of("m02"), VoterSet.added(Set.of("m01"), VoterSet.of(Set.of("m01", "m02"))));
    }

    @Test
    @DisplayName("A poll says who has voted since an earlier moment of the same opening, and nothing for another opening")
    void voted_since() {
        var spec = new PollSpec("p1", "a1", "Nội dung", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SECRET, List.of(), 0, List.of(), false, null);
        var opened = new Poll.Draft(spec).open(java.time.Instant.EPOCH);
        var two = opened.withVoterMarked("m04").withVoterMarked("m02");
        assertEquals(java.util.Optional.of(List.of("m02", "m04")), two.votedSince(opened));
        assertEquals(java.util.Optional.of(List.of("m02")), two.votedSince(opened.withVoterMarked("m04")));
        var reopened = new Poll.Draft(spec).open(java.time.Instant.EPOCH.plusSeconds(1)).withVoterMarked("m02");
        assertEquals(java.util.Optional.empty(), reopened.votedSince(opened), "another opening");
        assertEquals(java.util.Optional.empty(), opened.votedSince(two), "voters left");
    }
}
