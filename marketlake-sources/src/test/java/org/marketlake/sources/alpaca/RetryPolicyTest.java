package org.marketlake.sources.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {
    private static final RetryPolicy POLICY = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(5));

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
    }

    @Test
    void aRateLimitWaitsAsTheServerSays() {
        long now = 1_700_000_000_000L;
        assertThat(POLICY.rateLimitWait(headers(Map.of("Retry-After", "7")), now, 1)).isEqualTo(Duration.ofSeconds(7));
        assertThat(POLICY.rateLimitWait(headers(Map.of("X-RateLimit-Reset", Long.toString(now / 1000 + 3))), now, 1)).isEqualTo(Duration.ofSeconds(3));
        assertThat(POLICY.rateLimitWait(headers(Map.of("Retry-After", "3600")), now, 1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(POLICY.rateLimitWait(headers(Map.of()), now, 1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    static Stream<Integer> failures() {
        return IntStream.rangeClosed(1, 8).boxed();
    }

    @ParameterizedTest(name = "after {0} failures")
    @MethodSource("failures")
    void backoffDoublesWithJitterUpToTheCap(int failures) {
        double full = Math.min(2000, 100 * Math.pow(2, failures - 1));
        for (int i = 0; i < 50; i++) {
            long millis = POLICY.backoff(failures).toMillis();
            assertThat(millis).isBetween((long) (full / 2) - 1, (long) full);
        }
    }
}
