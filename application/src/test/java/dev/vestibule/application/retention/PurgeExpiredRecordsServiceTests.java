package dev.vestibule.application.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vestibule.application.fakes.InMemoryKnownBrowserRepository;
import dev.vestibule.application.fakes.InMemoryLinkTokens;
import dev.vestibule.application.fakes.InMemoryRememberedBrowserRepository;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.PurgedRecords;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PurgeExpiredRecordsServiceTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(400);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemorySecurityEventLog events = new InMemorySecurityEventLog();
    private final InMemoryKnownBrowserRepository knownBrowsers = new InMemoryKnownBrowserRepository();
    private final InMemoryRememberedBrowserRepository rememberedBrowsers = new InMemoryRememberedBrowserRepository();
    private final InMemoryLinkTokens linkTokens = new InMemoryLinkTokens();
    private final PurgeExpiredRecordsService service =
            new PurgeExpiredRecordsService(events, knownBrowsers, rememberedBrowsers, linkTokens, RETENTION, clock);
    private final UserId alice = UserId.random();

    @Test
    void securityEventsOlderThanTheRetentionGoAndYoungerOnesStay() {
        SecurityEvent tooOld = event(NOW.minus(RETENTION).minusSeconds(1));
        SecurityEvent justKept = event(NOW.minus(RETENTION));
        SecurityEvent recent = event(NOW.minus(Duration.ofDays(1)));

        StepVerifier.create(service.purge())
                .expectNext(new PurgedRecords(1, 0, 0))
                .verifyComplete();

        assertThat(events.all()).containsExactlyInAnyOrder(justKept, recent).doesNotContain(tooOld);
    }

    @Test
    void knownBrowsersGoWhenTheirOwnLifetimeEnds() {
        KnownBrowser expired = knownBrowser(NOW.minus(Duration.ofDays(365)), Duration.ofDays(365));
        KnownBrowser valid = knownBrowser(NOW.minus(Duration.ofDays(364)), Duration.ofDays(365));

        StepVerifier.create(service.purge())
                .expectNext(new PurgedRecords(0, 1, 0))
                .verifyComplete();

        assertThat(knownBrowsers.count()).isEqualTo(1);
        StepVerifier.create(knownBrowsers.isKnown(valid.id(), alice, NOW))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(knownBrowsers.isKnown(expired.id(), alice, NOW.minusSeconds(1)))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void rememberedBrowsersGoWhenTheirLifetimeEnds() {
        remembered(NOW.minus(Duration.ofDays(14)), Duration.ofDays(14));
        RememberedBrowser valid = remembered(NOW.minus(Duration.ofDays(13)), Duration.ofDays(14));

        StepVerifier.create(service.purge())
                .expectNext(new PurgedRecords(0, 0, 1))
                .verifyComplete();

        assertThat(rememberedBrowsers.count()).isEqualTo(1);
        StepVerifier.create(rememberedBrowsers.findBySeries(valid.series()))
                .expectNext(valid)
                .verifyComplete();
    }

    @Test
    void mailedLinksGoWhenTheirLifetimeEndsSpentOrNot() {
        IssuedLink expired = link(NOW.minus(Duration.ofHours(1)), Duration.ofHours(1));
        IssuedLink spentButAlive = link(NOW.minus(Duration.ofMinutes(59)), Duration.ofHours(1));
        StepVerifier.create(linkTokens.spend(spentButAlive.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .expectNext(true)
                .verifyComplete();
        IssuedLink valid = link(NOW.minus(Duration.ofHours(23)), Duration.ofHours(24));

        StepVerifier.create(service.purge())
                .expectNext(new PurgedRecords(0, 0, 0, 1))
                .verifyComplete();

        assertThat(linkTokens.count()).isEqualTo(2);
        StepVerifier.create(linkTokens.findValid(valid.tokenHash(), LinkPurpose.PASSWORD_RESET, NOW))
                .expectNext(valid)
                .verifyComplete();
        assertThat(expired.isExpiredAt(NOW)).isTrue();
    }

    @Test
    void purgingAgainRemovesNothingMore() {
        event(NOW.minus(RETENTION).minus(Duration.ofDays(1)));
        knownBrowser(NOW.minus(Duration.ofDays(400)), Duration.ofDays(365));
        remembered(NOW.minus(Duration.ofDays(30)), Duration.ofDays(14));
        link(NOW.minus(Duration.ofDays(2)), Duration.ofDays(1));

        StepVerifier.create(service.purge())
                .expectNext(new PurgedRecords(1, 1, 1, 1))
                .verifyComplete();
        StepVerifier.create(service.purge())
                .expectNext(new PurgedRecords(0, 0, 0, 0))
                .verifyComplete();
    }

    @Test
    void theCutoffIsTakenWhenThePurgeRunsNotWhenItWasAssembled() {
        var purge = service.purge();
        event(NOW.minus(RETENTION).plus(Duration.ofHours(1)));
        clock.advance(Duration.ofHours(2));

        StepVerifier.create(purge).expectNext(new PurgedRecords(1, 0, 0)).verifyComplete();
    }

    @Test
    void aRetentionThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new PurgeExpiredRecordsService(
                        events, knownBrowsers, rememberedBrowsers, linkTokens, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PurgeExpiredRecordsService(
                        events, knownBrowsers, rememberedBrowsers, linkTokens, Duration.ofDays(-1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private SecurityEvent event(Instant at) {
        SecurityEvent event =
                new SecurityEvent(SecurityEventType.LOGIN_FAILED, at, Optional.of(alice), Origin.unknown());
        StepVerifier.create(events.record(event)).verifyComplete();
        return event;
    }

    private KnownBrowser knownBrowser(Instant createdAt, Duration lifetime) {
        KnownBrowser device = KnownBrowser.newFor(alice, createdAt, lifetime, RANDOM);
        StepVerifier.create(knownBrowsers.add(device)).verifyComplete();
        return device;
    }

    private RememberedBrowser remembered(Instant createdAt, Duration lifetime) {
        RememberMeToken token = RememberMeToken.generate(RANDOM);
        RememberedBrowser device = new RememberedBrowser(
                token.series(),
                alice,
                token.secretHash(),
                null,
                createdAt,
                createdAt.plus(lifetime),
                SecurityStamp.random(),
                createdAt,
                Origin.unknown());
        StepVerifier.create(rememberedBrowsers.add(device)).verifyComplete();
        return device;
    }

    private IssuedLink link(Instant issuedAt, Duration lifetime) {
        IssuedLink link = IssuedLink.issue(
                LinkToken.generate(RANDOM),
                LinkPurpose.PASSWORD_RESET,
                alice,
                new EmailAddress("alice@example.com"),
                issuedAt,
                lifetime);
        StepVerifier.create(linkTokens.issue(link)).verifyComplete();
        return link;
    }
}
