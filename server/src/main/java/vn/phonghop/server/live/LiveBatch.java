package vn.phonghop.server.live;

import java.util.List;

/** The live messages of one committed command, in seq order. */
public record LiveBatch(List<LiveMessage> messages) {
    public LiveBatch {
        messages = List.copyOf(messages);
    }
}
