package vn.phonghop.server.store;

/** The event store could not do what was asked for a reason other than a typed refusal (a database failure). */
public final class EventStoreException extends RuntimeException {

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
