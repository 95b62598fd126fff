package vn.phonghop.server;

import java.time.Clock;
import vn.phonghop.server.accounts.Accounts;
import vn.phonghop.server.accounts.PairingCodes;
import vn.phonghop.server.accounts.Sessions;
import vn.phonghop.server.archive.Archiver;
import vn.phonghop.server.config.Config;
import vn.phonghop.server.documents.DocumentStore;
import vn.phonghop.server.documents.Watermarker;
import vn.phonghop.server.live.Connections;
import vn.phonghop.server.live.Meetings;
import vn.phonghop.server.ops.Metrics;
import vn.phonghop.server.store.Database;
import vn.phonghop.server.store.EventStore;

/** Everything a node's verticles share, built once by {@link Server}. */
public record Services(Config config, Clock clock, Database database, EventStore store, Accounts accounts,
                       Sessions sessions, PairingCodes pairing, DocumentStore documents, Watermarker watermarker,
                       Meetings meetings, Connections connections, Metrics metrics,
                       vn.phonghop.server.notes.Notes notes, Archiver archiver) {
}
