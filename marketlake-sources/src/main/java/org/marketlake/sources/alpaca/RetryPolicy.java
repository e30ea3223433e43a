package org.marketlake.sources.alpaca;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.marketlake.core.error.InvalidRequestException;

/**
 * How the client retries: bounded exponential backoff with jitter for 5xx answers, timeouts, dropped connections
 * and malformed bodies; on 429 the wait the server asks for ({@code Retry-After} seconds, else the
 * {@code X-RateLimit-Reset} epoch second), never longer than {@code maxWait}. Tests make every wait tiny.
 *
 * @param attempts tries per request in all (the first one included)
 * @param initialBackoff wait after the first failure; doubled after each further one, up to {@code maxBackoff}
 * @param maxWait the longest single wait, 429 included
 * @param timeout the longest one request may take
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff, Duration maxWait, Duration timeout) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(90), Duration.ofSeconds(60));

    public RetryPolicy {
        if (attempts < 1) {
            throw new InvalidRequestException("retry attempts must be at least 1 [value=" + attempts + "]");
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxWait.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidRequestException("retry waits must not be negative and the timeout must be positive");
        }
    }

    /** The wait before try {@code failures + 1}: exponential, capped, with jitter in [50%, 100%]. */
    Duration backoff(int failures) {
        long base = initialBackoff.toNanos();
        long capped = Math.min(maxBackoff.toNanos(), base << Math.min(failures - 1, 30));
        long jittered = (long) (capped * (0.5 + 0.5 * ThreadLocalRandom.current().nextDouble()));
        return cap(Duration.ofNanos(Math.max(0, jittered)));
    }

    /**
     * The wait a 429 answer asks for: {@code Retry-After} (seconds) if present, else the {@code X-RateLimit-Reset}
     * epoch second minus {@code nowEpochMillis}, else the backoff of {@code failures}; always capped by {@code maxWait}.
     */
    Duration rateLimitWait(HttpHeaders headers, long nowEpochMillis, int failures) {
        var retryAfter = headers.firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            try {
                return cap(Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.get().strip()))));
            } catch (NumberFormatException e) {
                // An HTTP date instead of seconds: fall through to the other hints.
            }
        }
        var reset = headers.firstValue("X-RateLimit-Reset");
        if (reset.isPresent()) {
            try {
                return cap(Duration.ofMillis(Math.max(0, Long.parseLong(reset.get().strip()) * 1000 - nowEpochMillis)));
            } catch (NumberFormatException e) {
                // Not a number: use the backoff.
            }
        }
        return backoff(failures);
    }

    private Duration cap(Duration wait) {
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
