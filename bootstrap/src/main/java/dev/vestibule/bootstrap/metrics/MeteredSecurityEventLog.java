package dev.vestibule.bootstrap.metrics;

import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SecurityEventLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts logins and sign-ups from the security events the use cases already record for every change of
 * authentication state, so the use cases stay free of metrics and every path that logs someone in is
 * counted exactly once. A count moves only once its event is stored: a login that failed half-way
 * through an outage is not counted as anything.
 */
public final class MeteredSecurityEventLog implements SecurityEventLog {

    public static final String LOGINS = "vestibule.logins";
    public static final String REGISTRATIONS = "vestibule.registrations";
    // Password reset.
    public static final String PASSWORD_RESETS = "vestibule.password.resets";

    private final SecurityEventLog delegate;
    private final Counter loginsSucceeded;
    private final Counter loginsFailed;
    private final Counter loginsThrottled;
    private final Counter registrations;
    private final Counter passwordResetsRequested;
    private final Counter passwordResetsCompleted;

    public MeteredSecurityEventLog(SecurityEventLog delegate, MeterRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.loginsSucceeded = logins(registry, "succeeded");
        this.loginsFailed = logins(registry, "failed");
        this.loginsThrottled = logins(registry, "throttled");
        this.registrations =
                Counter.builder(REGISTRATIONS).description("Accounts created").register(registry);
        this.passwordResetsRequested = passwordResets(registry, "requested");
        this.passwordResetsCompleted = passwordResets(registry, "completed");
    }

    private static Counter passwordResets(MeterRegistry registry, String stage) {
        return Counter.builder(PASSWORD_RESETS)
                .description("Password resets by stage: requested (a well-formed address was asked for, with an "
                        + "account or none, not throttled), completed (a new password was set with a link)")
                .tag("stage", stage)
                .register(registry);
    }

    private static Counter logins(MeterRegistry registry, String outcome) {
        return Counter.builder(LOGINS)
                .description("Password logins by outcome: succeeded, failed (wrong password, unknown or disabled "
                        + "account), throttled (refused unchecked: too many failures)")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public Mono<Void> record(SecurityEvent event) {
        return delegate.record(event).doOnSuccess(recorded -> count(event));
    }

    private void count(SecurityEvent event) {
        switch (event.type()) {
            case LOGIN_SUCCEEDED -> loginsSucceeded.increment();
            case LOGIN_FAILED -> loginsFailed.increment();
            case LOGIN_THROTTLED -> loginsThrottled.increment();
            case REGISTERED -> registrations.increment();
            case PASSWORD_RESET_REQUESTED -> passwordResetsRequested.increment();
            case PASSWORD_RESET -> passwordResetsCompleted.increment();
            case REMEMBER_ME_USED, REMEMBER_ME_THEFT_DETECTED, LOGGED_OUT, SESSION_EXPIRED -> {
                // Not logins with a password nor sign-ups; each is still in the security_events table.
            }
            case REAUTHENTICATED,
                    REAUTHENTICATION_FAILED,
                    REAUTHENTICATION_THROTTLED,
                    ACCOUNT_DELETED,
                    EMAIL_CHANGE_REQUESTED,
                    EMAIL_CONFIRMED -> {
                // Not logins with a password nor sign-ups; each is still in the security_events table.
            }
        }
    }

    @Override
    public Flux<SecurityEvent> recentFor(UserId userId, int skip, int limit) {
        return delegate.recentFor(userId, skip, limit);
    }

    // issue 13 finding 3: throttled bursts (each throttled attempt is still counted once)
    @Override
    public Mono<Void> recordBurst(SecurityEvent event, String burstKey) {
        return delegate.recordBurst(event, burstKey).doOnSuccess(recorded -> count(event));
    }

    // account deletion
    @Override
    public Mono<Long> anonymise(UserId userId, UserId pseudonym) {
        return delegate.anonymise(userId, pseudonym);
    }

    @Override
    public Mono<Long> removeOlderThan(Instant cutoff) {
        return delegate.removeOlderThan(cutoff);
    }
}
