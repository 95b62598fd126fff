package vn.phonghop.server.http;

/** An expected failure of an HTTP request: a status, a stable code, and a detail for the sender. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiError badRequest(String detail) {
        return new ApiError(400, "BAD_REQUEST", detail);
    }

    public static ApiError notFound(String detail) {
        return new ApiError(404, "NOT_FOUND", detail);
    }

    public static ApiError forbidden(String detail) {
        return new ApiError(403, "FORBIDDEN", detail);
    }

    public static ApiError unauthenticated() {
        return new ApiError(401, "NOT_AUTHENTICATED", "sign in first");
    }
}
