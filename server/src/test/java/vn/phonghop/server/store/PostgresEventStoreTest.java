package vn.phonghop.server.store;

/**
 * The same event-store contract as on H2, on a real PostgreSQL (loopback, from Debian's
 * packages). Each test (a new instance) gets its own database; reopening it finds the same one.
 */
class PostgresEventStoreTest extends EventStoreContract {
    private String url;

    @Override
    Database openDatabase() {
        if (url == null) url = PostgresServer.get().newDatabase();
        return Database.open(url, "phonghop", "");
    }
}
