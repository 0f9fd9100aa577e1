package dev.vestibule.domain.model.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A denial says how long to wait in whole seconds, never zero: Retry-After speaks seconds. */
class PermitTests {

    @Test
    void aWaitOfPartOfASecondIsOneSecond() {
        assertThat(Permit.deniedFor(Duration.ofMillis(1)).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Permit.deniedFor(Duration.ZERO).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aWaitIsRoundedUpToTheNextWholeSecond() {
        assertThat(Permit.deniedFor(Duration.ofMillis(12_001)).retryAfter()).isEqualTo(Duration.ofSeconds(13));
        assertThat(Permit.deniedFor(Duration.ofSeconds(12)).retryAfter()).isEqualTo(Duration.ofSeconds(12));
    }
}
