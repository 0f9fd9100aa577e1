package dev.vestibule.application.rememberme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.fakes.FakeSignedInSessions;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryRememberedBrowserRepository;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryTransactions;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.session.SessionAttributes;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.RememberedBrowserRecognition;
import dev.vestibule.domain.port.out.AddUserResult;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class RecognizeRememberedBrowserServiceTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(14);
    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final int GRACE_USES = 3;
    private static final RememberMeSettings SETTINGS = new RememberMeSettings(LIFETIME, GRACE, GRACE_USES);

    private final InMemoryRememberedBrowserRepository devices = new InMemoryRememberedBrowserRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final FakeSignedInSessions sessions = new FakeSignedInSessions();
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final InMemorySecurityEventLog log = new InMemorySecurityEventLog();
    private final MutableClock clock = new MutableClock(NOW);
    private final SecureRandom random = new SecureRandom();
    private final RememberBrowserService remember = new RememberBrowserService(devices, users, SETTINGS, clock, random);
    private final RecognizeRememberedBrowserService service = recognizing(devices);

    private RecognizeRememberedBrowserService recognizing(RememberedBrowserRepository repository) {
        return new RecognizeRememberedBrowserService(
                repository,
                users,
                SETTINGS,
                clock,
                random,
                new SecurityEvents(log, clock),
                new RecognizeRememberedBrowserService.TheftResponse(
                        sessions, new InMemoryTransactions(outbox), outbox));
    }

    @Test
    void recognizeIssuedTokenThenRecognizedWithNewSecretInTheSameSeries() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);

        StepVerifier.create(service.recognize(issued, Origin.unknown()))
                .assertNext(recognition -> assertThat(recognition)
                        .isInstanceOfSatisfying(RememberedBrowserRecognition.Recognized.class, recognized -> {
                            assertThat(recognized.user()).isEqualTo(alice);
                            assertThat(recognized.nextToken()).hasValueSatisfying(next -> {
                                assertThat(next.series()).isEqualTo(issued.series());
                                assertThat(next.secret()).isNotEqualTo(issued.secret());
                            });
                        }))
                .verifyComplete();
    }

    @Test
    void recognizeStoresOnlyTheHashOfTheNextSecret() {
        RememberMeToken issued = remembered(storedUser("alice"));

        RememberMeToken next = nextTokenAfterRecognizing(issued);

        StepVerifier.create(devices.findBySeries(issued.series()))
                .assertNext(device -> {
                    assertThat(device.secretHash()).isEqualTo(next.secretHash());
                    assertThat(device.previousSecretHash()).isEqualTo(issued.secretHash());
                })
                .verifyComplete();
    }

    @Test
    void recognizeEachNextTokenInTurnThenRecognizedEveryTime() {
        User alice = storedUser("alice");
        RememberMeToken token = remembered(alice);

        for (int day = 0; day < 5; day++) {
            clock.advance(Duration.ofDays(1));
            token = nextTokenAfterRecognizing(token);
        }

        StepVerifier.create(service.recognize(token, Origin.unknown()))
                .expectNextMatches(
                        recognition -> recognition instanceof RememberedBrowserRecognition.Recognized recognized
                                && recognized.user().equals(alice)
                                && recognized.nextToken().isPresent())
                .verifyComplete();
    }

    @Test
    void recognizeOldTokenWithinGracePeriodThenRecognizedWithoutNextToken() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);
        RememberMeToken next = nextTokenAfterRecognizing(issued);
        clock.advance(GRACE.minusMillis(1));

        StepVerifier.create(service.recognize(issued, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.Recognized(alice, Optional.empty()))
                .verifyComplete();

        assertThat(nextTokenAfterRecognizing(next))
                .as("the token handed out stays current")
                .isNotNull();
    }

    // issue 13 finding 1: the grace is for the browser that rotated, a few times, for a few seconds

    private static final Origin LAPTOP = new Origin("203.0.113.5", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");

    @Test
    void recognizeOldTokenFromTheRotatingBrowserWithinGraceThenSignedInAsAGraceUseUpToTheAllowance() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);
        StepVerifier.create(service.recognize(issued, LAPTOP))
                .expectNextMatches(recognition -> recognition instanceof RememberedBrowserRecognition.Recognized r
                        && r.nextToken().isPresent())
                .verifyComplete();

        for (int use = 0; use < GRACE_USES; use++) {
            StepVerifier.create(service.recognize(issued, LAPTOP))
                    .expectNext(new RememberedBrowserRecognition.Recognized(alice, Optional.empty()))
                    .verifyComplete();
        }

        assertThat(log.types())
                .containsExactly(
                        SecurityEventType.REMEMBER_ME_USED,
                        SecurityEventType.REMEMBER_ME_GRACE_USED,
                        SecurityEventType.REMEMBER_ME_GRACE_USED,
                        SecurityEventType.REMEMBER_ME_GRACE_USED);
        assertThat(devices.findBySeries(issued.series()).block().graceUses()).isEqualTo(GRACE_USES);
    }

    @Test
    void recognizeOldTokenOnceMoreThanTheGraceAllowsThenTheftDetectedAndSeriesRevoked() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);
        service.recognize(issued, LAPTOP).block();
        for (int use = 0; use < GRACE_USES; use++) {
            service.recognize(issued, LAPTOP).block();
        }

        StepVerifier.create(service.recognize(issued, LAPTOP))
                .expectNext(new RememberedBrowserRecognition.TheftDetected(alice.id()))
                .verifyComplete();

        assertThat(devices.count()).isZero();
        assertThat(log.types()).endsWith(SecurityEventType.REMEMBER_ME_THEFT_DETECTED);
        assertThat(outbox.entries()).hasSize(1);
    }

    @Test
    void recognizeOldTokenFromAnotherBrowserWithinGraceThenTheftDetectedTheSeriesRevokedAndItsSessionsEnded() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);
        String series = Handle.of(issued.series()).value();
        String laptops = sessions.signIn(alice.id(), Map.of(SessionAttributes.REMEMBERED_BROWSER, series));
        service.recognize(issued, LAPTOP).block();
        clock.advance(Duration.ofMillis(100));

        StepVerifier.create(service.recognize(issued, new Origin("198.51.100.66", LAPTOP.userAgent())))
                .expectNext(new RememberedBrowserRecognition.TheftDetected(alice.id()))
                .verifyComplete();

        assertThat(devices.count()).isZero();
        assertThat(log.types())
                .containsExactly(SecurityEventType.REMEMBER_ME_USED, SecurityEventType.REMEMBER_ME_THEFT_DETECTED);
        assertThat(sessions.isLive(laptops))
                .as("the sessions the series opened")
                .isFalse();
    }

    @Test
    void recognizeOldTokenAfterGracePeriodThenTheftDetectedAndSeriesRevoked() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);
        RememberMeToken next = nextTokenAfterRecognizing(issued);
        clock.advance(GRACE);

        StepVerifier.create(service.recognize(issued, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.TheftDetected(alice.id()))
                .verifyComplete();

        assertThat(devices.count()).isZero();
        StepVerifier.create(service.recognize(next, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();
    }

    @Test
    void theftDetectedThenEverySessionThatSeriesOpenedEndsAndTheUserIsMailedInTheSameTransaction() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);
        String series = Handle.of(issued.series()).value();
        String victims = sessions.signIn(alice.id(), Map.of(SessionAttributes.REMEMBERED_BROWSER, series));
        RememberMeToken next = nextTokenAfterRecognizing(issued);
        String thiefs = sessions.signIn(alice.id(), Map.of(SessionAttributes.REMEMBERED_BROWSER, series));
        String unrelated = sessions.signIn(alice.id(), Map.of());
        clock.advance(GRACE);

        StepVerifier.create(service.recognize(next.rotate(random), Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.TheftDetected(alice.id()))
                .verifyComplete();

        assertThat(sessions.isLive(victims)).isFalse();
        assertThat(sessions.isLive(thiefs))
                .as("the thief's session ends at detection")
                .isFalse();
        assertThat(sessions.isLive(unrelated)).isTrue();
        assertThat(outbox.entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.mail()).isInstanceOfSatisfying(SecurityNotice.class, notice -> {
                    assertThat(notice.notice()).isEqualTo(SecurityNotice.Notice.REMEMBERED_BROWSER_THEFT);
                    assertThat(notice.to()).isEqualTo(alice.email());
                }));
        assertThat(log.types()).contains(SecurityEventType.REMEMBER_ME_THEFT_DETECTED);
    }

    @Test
    void recognizeSecretNeverIssuedForALiveSeriesThenTheftDetected() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);

        StepVerifier.create(service.recognize(issued.rotate(random), Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.TheftDetected(alice.id()))
                .verifyComplete();

        StepVerifier.create(service.recognize(issued, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();
    }

    @Test
    void recognizeWhenLifetimeOverThenNotRecognizedAndRemoved() {
        RememberMeToken issued = remembered(storedUser("alice"));
        clock.advance(LIFETIME);

        StepVerifier.create(service.recognize(issued, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();

        assertThat(devices.count()).isZero();
    }

    @Test
    void recognizeDoesNotExtendTheLifetime() {
        RememberMeToken issued = remembered(storedUser("alice"));
        clock.advance(LIFETIME.minusDays(1));
        RememberMeToken next = nextTokenAfterRecognizing(issued);
        clock.advance(Duration.ofDays(1));

        StepVerifier.create(service.recognize(next, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();

        assertThat(devices.count()).isZero();
    }

    @Test
    void recognizeUnknownSeriesThenNotRecognizedAndOtherDevicesKept() {
        remembered(storedUser("alice"));

        StepVerifier.create(service.recognize(RememberMeToken.generate(random), Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();

        assertThat(devices.count()).isEqualTo(1);
    }

    @Test
    void recognizeWhenUserDeactivatedThenNotRecognizedAndRemoved() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);
        users.replace(alice.deactivated());

        StepVerifier.create(service.recognize(issued, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();

        assertThat(devices.count()).isZero();
    }

    @Test
    void recognizeOldTokenWithinGracePeriodWhenUserDeactivatedThenNotRecognizedAndRemoved() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);
        nextTokenAfterRecognizing(issued);
        users.replace(alice.deactivated());

        StepVerifier.create(service.recognize(issued, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();

        assertThat(devices.count()).isZero();
    }

    @Test
    void recognizeAfterThePasswordChangedThenNotRecognizedAndRemoved() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);
        StepVerifier.create(users.changePasswordHash(alice.id(), new PasswordHash("{test}new")))
                .verifyComplete();

        StepVerifier.create(service.recognize(issued, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();

        assertThat(devices.count()).isZero();
    }

    @Test
    void recognizeAfterTheAccountWasDisabledAndEnabledAgainThenNotRecognized() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);
        User disabled = alice.deactivated();
        users.replace(disabled);
        users.replace(User.restore(
                alice.id(),
                alice.username(),
                alice.email(),
                alice.passwordHash().orElseThrow(),
                List.of(),
                true,
                alice.registeredAt(),
                disabled.securityStamp(),
                false));

        StepVerifier.create(service.recognize(issued, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();

        assertThat(devices.count()).isZero();
    }

    @Test
    void recognizeWhenUserNoLongerExistsThenNotRecognizedAndRemoved() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);
        users.remove(alice.id()).block();

        StepVerifier.create(service.recognize(issued, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();

        assertThat(devices.count()).isZero();
    }

    @Test
    void recognizeSameTokenTwiceAtOnceThenBothRecognizedAndOnlyTheWinnerRotates() {
        User alice = storedUser("alice");
        RememberMeToken issued = remembered(alice);
        LookupsHeldUntilTwoArrive racing = new LookupsHeldUntilTwoArrive(devices);
        RecognizeRememberedBrowserService racingService = recognizing(racing);
        AtomicReference<RememberMeToken> winnersToken = new AtomicReference<>();

        StepVerifier.create(Mono.zip(
                        racingService.recognize(issued, Origin.unknown()),
                        racingService.recognize(issued, Origin.unknown())))
                .assertNext(both -> {
                    List<RememberedBrowserRecognition.Recognized> recognized = Stream.of(both.getT1(), both.getT2())
                            .map(RememberedBrowserRecognition.Recognized.class::cast)
                            .toList();
                    assertThat(recognized)
                            .extracting(RememberedBrowserRecognition.Recognized::user)
                            .containsOnly(alice);
                    assertThat(recognized)
                            .filteredOn(each -> each.nextToken().isPresent())
                            .singleElement()
                            .satisfies(winner ->
                                    winnersToken.set(winner.nextToken().orElseThrow()));
                })
                .expectComplete()
                .verify(Duration.ofSeconds(5)); // a lookup held for a second that never comes must fail, not hang

        assertThat(racing.replaceResults())
                .as("the second rotation lost the compare-and-set")
                .containsExactly(true, false);
        StepVerifier.create(service.recognize(winnersToken.get(), Origin.unknown()))
                .expectNextMatches(
                        recognition -> recognition instanceof RememberedBrowserRecognition.Recognized recognized
                                && recognized.nextToken().isPresent())
                .verifyComplete();
    }

    private User storedUser(String username) {
        User user = User.registerWithPassword(
                new Username(username),
                new EmailAddress(username + "@example.com"),
                new PasswordHash("{test}secret"),
                NOW);
        StepVerifier.create(users.add(user))
                .expectNext(new AddUserResult.Added(user))
                .verifyComplete();
        return user;
    }

    private RememberMeToken remembered(User user) {
        return remembered(user.id());
    }

    private RememberMeToken remembered(UserId userId) {
        AtomicReference<RememberMeToken> token = new AtomicReference<>();
        StepVerifier.create(remember.remember(userId, Origin.unknown()))
                .consumeNextWith(token::set)
                .verifyComplete();
        return token.get();
    }

    /** Recognizes {@code token}, which must be the current one, and returns the token that replaces it. */
    private RememberMeToken nextTokenAfterRecognizing(RememberMeToken token) {
        AtomicReference<RememberMeToken> next = new AtomicReference<>();
        StepVerifier.create(service.recognize(token, Origin.unknown()))
                .assertNext(recognition -> assertThat(recognition)
                        .isInstanceOfSatisfying(
                                RememberedBrowserRecognition.Recognized.class,
                                recognized -> next.set(recognized.nextToken().orElseThrow())))
                .verifyComplete();
        return next.get();
    }

    /**
     * Two requests carrying the same cookie, interleaved as a browser restoring tabs makes them: each
     * lookup is held back until the second has read the record too, so both set out to rotate the same
     * secret and one of them must lose the compare-and-set.
     */
    private static final class LookupsHeldUntilTwoArrive implements RememberedBrowserRepository {

        private final RememberedBrowserRepository delegate;
        private final Sinks.Empty<Void> twoArrived = Sinks.empty();
        private final AtomicInteger lookups = new AtomicInteger();
        private final List<Boolean> replaceResults = new CopyOnWriteArrayList<>();

        LookupsHeldUntilTwoArrive(RememberedBrowserRepository delegate) {
            this.delegate = delegate;
        }

        List<Boolean> replaceResults() {
            return List.copyOf(replaceResults);
        }

        @Override
        public Mono<RememberedBrowser> findBySeries(String series) {
            return delegate.findBySeries(series).flatMap(device -> {
                if (lookups.incrementAndGet() == 2) {
                    twoArrived.tryEmitEmpty().orThrow();
                }
                return twoArrived.asMono().thenReturn(device);
            });
        }

        @Override
        public Mono<Boolean> replace(RememberedBrowser current, RememberedBrowser next) {
            return delegate.replace(current, next).doOnNext(replaceResults::add);
        }

        @Override
        public Mono<Boolean> spendGraceUse(RememberedBrowser device, int allowed) {
            return delegate.spendGraceUse(device, allowed);
        }

        @Override
        public Mono<Void> add(RememberedBrowser device) {
            return delegate.add(device);
        }

        @Override
        public Flux<RememberedBrowser> findByUser(UserId user) {
            return delegate.findByUser(user);
        }

        @Override
        public Mono<Boolean> restamp(UserId user, String series, SecurityStamp newStamp) {
            return delegate.restamp(user, series, newStamp);
        }

        @Override
        public Mono<Long> removeAllOf(UserId user, String keepSeries) {
            return delegate.removeAllOf(user, keepSeries);
        }

        @Override
        public Mono<Void> remove(String series) {
            return delegate.remove(series);
        }

        @Override
        public Mono<Long> removeExpired(Instant now) {
            return delegate.removeExpired(now);
        }
    }
}
