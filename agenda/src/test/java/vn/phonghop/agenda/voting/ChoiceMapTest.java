package vn.phonghop.agenda.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Who chose what in an open poll, as immutable versions sharing one log: every version keeps exactly its own choices. */
class ChoiceMapTest {
    private static final Choice FOR = new Choice.Motion(Answer.FOR);
    private static final Choice AGAINST = new Choice.Motion(Answer.AGAINST);
    private static final Choice ABSTAIN = new Choice.Motion(Answer.ABSTAIN);

    @Test
    @DisplayName("Each version is exactly the choices it was made with, whatever later versions add")
    void versions_are_immutable() {
        ChoiceMap none = ChoiceMap.of(Map.of());
        ChoiceMap one = none.with("m07", FOR);
        ChoiceMap two = one.with("m02", AGAINST);
        assertEquals(Map.of(), none);
        assertEquals(Map.of("m07", FOR), one);
        assertEquals(Map.of("m02", AGAINST, "m07", FOR), two);
        assertNull(one.get("m02"));
        assertFalse(one.containsKey("m02"));
        assertEquals(List.of("m02", "m07"), List.copyOf(two.keySet()), "iterated in sorted order");
        assertEquals(new TreeMap<>(Map.of("m02", AGAINST, "m07", FOR)).hashCode(), two.hashCode());
        assertThrows(UnsupportedOperationException.class, () -> two.put("m09", FOR));
    }

    @Test
    @DisplayName("A changed vote counts once, with its last choice, and the version before keeps the first")
    void changed_vote() {
        ChoiceMap first = ChoiceMap.of(Map.of()).with("m03", FOR).with("m05", ABSTAIN);
        ChoiceMap changed = first.with("m03", AGAINST);
        assertEquals(2, changed.size());
        assertEquals(AGAINST, changed.get("m03"));
        assertEquals(FOR, first.get("m03"));
        assertEquals(Map.of("m03", AGAINST, "m05", ABSTAIN), changed);
        assertEquals(Map.of("m03", FOR, "m05", ABSTAIN), first);
        assertEquals(Map.of("m03", FOR, "m05", ABSTAIN), changed.with("m03", FOR), "and changed back");
    }

    @Test
    @DisplayName("The durable state replaying what the decided state added shares it; a different branch gets its own")
    void branches() {
        ChoiceMap base = ChoiceMap.of(Map.of("m01", FOR));
        ChoiceMap decided = base.with("m03", FOR).with("m04", AGAINST);
        ChoiceMap durable = base.with("m03", FOR);
        assertEquals(Map.of("m01", FOR, "m03", FOR), durable);
        ChoiceMap other = durable.with("m09", ABSTAIN);
        assertEquals(Map.of("m01", FOR, "m03", FOR, "m09", ABSTAIN), other);
        assertEquals(Map.of("m01", FOR, "m03", FOR, "m04", AGAINST), decided, "the other branch did not change this one");
        ChoiceMap sameVoterOtherChoice = durable.with("m04", FOR);
        assertEquals(FOR, sameVoterOtherChoice.get("m04"), "not the AGAINST that follows in the shared log");
        assertEquals(AGAINST, decided.get("m04"));
        assertEquals(Map.of("m01", FOR, "m03", FOR, "m04", AGAINST, "m09", ABSTAIN), decided.with("m09", ABSTAIN));
    }

    @Test
    @DisplayName("A poll copies a map made elsewhere once, and never keeps the caller's map")
    void copies_foreign_maps() {
        var mine = new HashMap<String, Choice>(Map.of("m05", FOR));
        var open = new Poll.Open(null, Instant.EPOCH, java.util.Set.of("m05"), mine, Tally.EMPTY.plus(FOR));
        mine.put("m06", AGAINST);
        assertEquals(Map.of("m05", FOR), open.openChoices());
        var more = open.withOpenVote("m08", AGAINST);
        assertEquals(Map.of("m05", FOR, "m08", AGAINST), more.openChoices());
        assertEquals(java.util.Set.of("m05", "m08"), more.voted());
    }

    @Test
    @DisplayName("An open poll's tally follows the choices as votes come and change")
    void tally_follows_choices() {
        var spec = new PollSpec("p1", "a1", "Nội dung", DecisionKind.ORDINARY_RESOLUTION, BallotMode.SHOW_OF_HANDS, List.of(), 0, List.of(), true, null);
        var open = new Poll.Draft(spec).open(Instant.EPOCH);
        for (int i = 0; i < 1500; i++) open = open.withOpenVote(String.format("m%04d", i), i % 3 == 0 ? AGAINST : FOR);
        open = open.withOpenVote("m0000", FOR);
        assertEquals(1500, open.openChoices().size());
        assertEquals(1500, open.voted().size());
        assertEquals(FOR, open.openChoices().get("m0000"));
        var tally = Tally.EMPTY;
        for (Choice c : open.openChoices().values()) tally = tally.plus(c);
        assertEquals(tally, open.tally());
        var closed = open.close(Instant.EPOCH, open.tally(), null, 1500);
        assertEquals(open.openChoices(), closed.openChoices());
        assertTrue(closed.openChoices() instanceof java.util.SortedMap);
    }
}
