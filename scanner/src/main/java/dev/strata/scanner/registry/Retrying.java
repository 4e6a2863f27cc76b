package dev.strata.scanner.registry;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Runs a registry request under a {@link RetryPolicy}: connection failures and retryable statuses again. */
final class Retrying {
    private Retrying() {
    }

    /** One attempt: answers a response, or throws on a connection failure. */
    @FunctionalInterface
    interface Attempt {
        RegistryResponse send() throws IOException;
    }

    /**
     * Calls {@code attempt} until it answers a status that is not retryable, or the policy gives up: then
     * the last response is returned (the caller turns it into an error) or the last failure thrown.
     */
    static RegistryResponse call(RetryPolicy policy, String what, Attempt attempt) throws IOException {
        for (int n = 1; ; n++) {
            RegistryResponse response;
            try {
                response = attempt.send();
            } catch (RegistryException | RegistryHostRefusedException | InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (!policy.mayRetry(n) || e.getCause() instanceof javax.net.ssl.SSLException || unknownHost(e)) {
                    throw n > 1 ? new IOException(e.getMessage() + " (after " + n + " attempts)", e) : e;
                }
                sleep(policy.delay(n, null, Instant.now(), ThreadLocalRandom.current()), what);
                continue;
            }
            if (!RetryPolicy.retryableStatus(response.status()) || !policy.mayRetry(n)) {
                return response;
            }
            String retryAfter = response.header("retry-after");
            response.close();
            sleep(policy.delay(n, retryAfter, Instant.now(), ThreadLocalRandom.current()), what);
        }
    }

    /** A name that does not resolve will not resolve a moment later either. */
    static boolean unknownHost(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    static void sleep(Duration d, String what) throws InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry " + what);
        }
    }
}
