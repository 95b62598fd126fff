package vn.phonghop.agenda.voting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a tally into a result under a rule set. Every comparison is an integer inequality
 * ({@link Threshold#reachedBy}); nothing here uses floating point.
 */
public final class Counting {

    private Counting() {
    }

    public static PollResult count(PollSpec spec, RuleSet rules, Tally tally, int majorityBase, int officialMembers) {
        return switch (spec.kind().shape()) {
            case MOTION -> motion(rules.rule(spec.kind()).threshold(), tally, majorityBase, officialMembers);
            case ELECTION -> election(spec, rules.rule(spec.kind()).threshold(), tally, majorityBase, officialMembers);
            case DISCIPLINE -> discipline(spec, rules, tally, majorityBase, officialMembers);
        };
    }

    static PollResult.Motion motion(Threshold t, Tally tally, int base, int officials) {
        int yes = tally.count(Answer.FOR.name());
        boolean passed = t.reachedBy(yes, t.basisValue(base, officials));
        return new PollResult.Motion(t, base, officials, tally.ballots(), yes, tally.count(Answer.AGAINST.name()),
                tally.count(Answer.ABSTAIN.name()), passed);
    }

    static PollResult.Election election(PollSpec spec, Threshold t, Tally tally, int base, int officials) {
        long basis = t.basisValue(base, officials);
        var reached = new ArrayList<Candidate>();
        for (var c : spec.candidates()) if (t.reachedBy(tally.count(c.id()), basis)) reached.add(c);
        // most votes first; equal votes keep the ballot's order
        reached.sort(Comparator.comparingInt((Candidate c) -> tally.count(c.id())).reversed());
        var elected = new java.util.HashSet<String>();
        boolean tie = false;
        if (reached.size() <= spec.seats()) {
            reached.forEach(c -> elected.add(c.id()));
        } else {
            int last = tally.count(reached.get(spec.seats() - 1).id());
            int firstOut = tally.count(reached.get(spec.seats()).id());
            tie = last == firstOut;
            for (var c : reached.subList(0, spec.seats())) {
                if (!tie || tally.count(c.id()) > last) elected.add(c.id());
            }
        }
        var outcomes = new ArrayList<PollResult.CandidateOutcome>();
        for (var c : spec.candidates()) {
            int v = tally.count(c.id());
            outcomes.add(new PollResult.CandidateOutcome(c.id(), c.name(), v, t.reachedBy(v, basis), elected.contains(c.id())));
        }
        return new PollResult.Election(t, base, officials, tally.ballots(), spec.seats(), outcomes, tie);
    }

    /**
     * Cumulative rule for discipline: walk the offered forms from the harshest down; votes for a
     * harsher form count toward each milder one; the first form whose cumulative votes reach its
     * own threshold is decided.
     */
    static PollResult.Discipline discipline(PollSpec spec, RuleSet rules, Tally tally, int base, int officials) {
        List<DisciplineForm> harshFirst = spec.forms().stream().distinct()
                .sorted(Comparator.reverseOrder()).toList();
        int cumulative = 0;
        DisciplineForm decided = null;
        var outcomes = new ArrayList<PollResult.FormOutcome>();
        for (var form : harshFirst) {
            Threshold t = rules.disciplineThresholds().get(form);
            int own = tally.count(form.name());
            cumulative += own;
            boolean reached = t.reachedBy(cumulative, t.basisValue(base, officials));
            if (reached && decided == null) decided = form;
            outcomes.add(new PollResult.FormOutcome(form, t, own, cumulative, reached));
        }
        return new PollResult.Discipline(base, officials, tally.ballots(), outcomes,
                tally.count(Choice.Discipline.NONE), decided);
    }
}
