package dev.vestibule.application.retention;

import dev.vestibule.domain.port.in.PurgeExpiredRecords;
import dev.vestibule.domain.port.in.PurgedRecords;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import dev.vestibule.domain.port.out.LinkTokens;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.SecurityEventLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Keeps security events for the retention period, and devices and mailed links for their own lifetime, then
 * deletes them. Every deletion is "older than a cutoff", so instances running it concurrently or twice in a row
 * do no harm: the second finds nothing left to delete.
 */
public final class PurgeExpiredRecordsService implements PurgeExpiredRecords {

    private final SecurityEventLog securityEvents;
    private final KnownBrowserRepository knownBrowsers;
    private final RememberedBrowserRepository rememberedBrowsers;
    private final LinkTokens linkTokens;
    private final Duration securityEventRetention;
    private final Clock clock;

    public PurgeExpiredRecordsService(
            SecurityEventLog securityEvents,
            KnownBrowserRepository knownBrowsers,
            RememberedBrowserRepository rememberedBrowsers,
            LinkTokens linkTokens,
            Duration securityEventRetention,
            Clock clock) {
        this.securityEvents = Objects.requireNonNull(securityEvents, "securityEvents");
        this.knownBrowsers = Objects.requireNonNull(knownBrowsers, "knownBrowsers");
        this.rememberedBrowsers = Objects.requireNonNull(rememberedBrowsers, "rememberedBrowsers");
        this.linkTokens = Objects.requireNonNull(linkTokens, "linkTokens");
        this.securityEventRetention = Objects.requireNonNull(securityEventRetention, "securityEventRetention");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (securityEventRetention.isNegative() || securityEventRetention.isZero()) {
            throw new IllegalArgumentException("security events must be kept for a positive period");
        }
    }

    @Override
    public Mono<PurgedRecords> purge() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            // One after the other: four deletions at once would only compete for the same connection pool.
            return securityEvents
                    .removeOlderThan(now.minus(securityEventRetention))
                    .flatMap(events -> knownBrowsers
                            .removeExpired(now)
                            .flatMap(known -> rememberedBrowsers
                                    .removeExpired(now)
                                    .flatMap(remembered -> linkTokens
                                            .removeExpired(now)
                                            .map(links -> new PurgedRecords(events, known, remembered, links)))));
        });
    }
}
