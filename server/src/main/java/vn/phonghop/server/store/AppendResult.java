package vn.phonghop.server.store;

/** What an append did: written, recognised as a repeated command, or refused on a stale seq. */
public sealed interface AppendResult
        permits AppendResult.Appended, AppendResult.Duplicate, AppendResult.SeqConflict {

    /** The events are durable with seqs {@code firstSeq..lastSeq} (an empty range when there were none). */
    record Appended(long firstSeq, long lastSeq) implements AppendResult {

        /** How many events were written. */
        public long count() {
            return lastSeq - firstSeq + 1;
        }
    }

    /** The command id was processed before: nothing was written; here is the response given then. */
    record Duplicate(String responseJson) implements AppendResult {
    }

    /**
     * The meeting's log does not end where the writer believed: another writer got there first.
     * Nothing was written; the writer must catch up from {@code actualLastSeq} and decide again.
     */
    record SeqConflict(long expectedLastSeq, long actualLastSeq) implements AppendResult {
    }
}
