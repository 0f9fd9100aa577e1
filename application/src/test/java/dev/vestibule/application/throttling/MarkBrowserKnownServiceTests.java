package dev.vestibule.application.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemoryKnownBrowserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class MarkBrowserKnownServiceTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(365);

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryKnownBrowserRepository devices = new InMemoryKnownBrowserRepository();
    private final MarkBrowserKnownService service =
            new MarkBrowserKnownService(devices, LIFETIME, clock, new SecureRandom());
    private final UserId alice = UserId.random();

    @Test
    void browserWithoutAnIdGetsANewWellFormedOneKnownForTheUser() {
        String id = service.trust(alice, List.of()).block();

        assertThat(KnownBrowser.isWellFormedId(id)).as(id).isTrue();
        assertKnown(id, alice, NOW, true);
        assertThat(devices.count()).isEqualTo(1);
    }

    @Test
    void newIdIsKnownForTheConfiguredLifetimeAndNotAnInstantLonger() {
        String id = service.trust(alice, List.of()).block();

        assertKnown(id, alice, NOW.plus(LIFETIME).minusNanos(1_000), true);
        assertKnown(id, alice, NOW.plus(LIFETIME), false);
    }

    @Test
    void browserPresentingItsStillValidIdKeepsItAndNothingNewIsStored() {
        String id = service.trust(alice, List.of()).block();
        clock.advance(Duration.ofDays(30));

        StepVerifier.create(service.trust(alice, List.of(id))).expectNext(id).verifyComplete();
        assertThat(devices.count()).isEqualTo(1);
    }

    @Test
    void browserPresentingAnExpiredIdGetsANewOne() {
        String old = service.trust(alice, List.of()).block();
        clock.advance(LIFETIME);

        String renewed = service.trust(alice, List.of(old)).block();

        assertThat(renewed).isNotEqualTo(old);
        assertKnown(renewed, alice, clock.instant(), true);
    }

    @Test
    void browserPresentingAnotherUsersIdGetsANewOneAndTheOtherUserKeepsTheirs() {
        UserId bob = UserId.random();
        String bobsId = service.trust(bob, List.of()).block();

        String alicesId = service.trust(alice, List.of(bobsId)).block();

        assertThat(alicesId).isNotEqualTo(bobsId);
        assertKnown(alicesId, alice, NOW, true);
        assertKnown(bobsId, alice, NOW, false);
        assertKnown(bobsId, bob, NOW, true);
    }

    @Test
    void browserPresentingAMadeUpIdGetsANewOne() {
        String forged = "A".repeat(32);

        String id = service.trust(alice, List.of(forged)).block();

        assertThat(id).isNotEqualTo(forged);
        assertKnown(id, alice, NOW, true);
        assertKnown(forged, alice, NOW, false);
    }

    @Test
    void browserPresentingAMalformedIdGetsANewOne() {
        String id = service.trust(alice, List.of("<script>")).block();

        assertThat(KnownBrowser.isWellFormedId(id)).isTrue();
        assertKnown(id, alice, NOW, true);
    }

    @Test
    void everyNewIdIsDifferent() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(service.trust(alice, List.of()).block());
        }

        assertThat(ids).hasSize(200);
    }

    @Test
    void nothingIsStoredUntilSubscribed() {
        service.trust(alice, List.of());

        assertThat(devices.count()).isZero();
    }

    private void assertKnown(String id, UserId user, Instant at, boolean known) {
        StepVerifier.create(devices.isKnown(id, user, at)).expectNext(known).verifyComplete();
    }
}
