package vn.phonghop.server.json;

/** Malformed input: JSON that does not fit the record it should be; the message names the path. */
public final class JsonMappingException extends RuntimeException {
    public JsonMappingException(String message) {
        super(message);
    }
}
