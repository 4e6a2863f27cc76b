package dev.strata.server;

/** A request the API refuses: HTTP status, a stable machine-readable code and a one-line message. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final Integer retryAfterSeconds;

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiError(int status, String code, String message, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Seconds for the {@code Retry-After} header, or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiError notFound(String what) {
        return new ApiError(404, "not_found", what);
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }
}
