package dev.vestibule.application.rememberme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemoryRememberedBrowserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class RememberBrowserServiceTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final RememberMeSettings SETTINGS =
            new RememberMeSettings(Duration.ofDays(14), Duration.ofSeconds(20));
    private static final String BASE64URL_256_BITS = "[A-Za-z0-9_-]{43}";

    private final InMemoryRememberedBrowserRepository devices = new InMemoryRememberedBrowserRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final RememberBrowserService service =
            new RememberBrowserService(devices, SETTINGS, clock, new SecureRandom());

    @Test
    void rememberGivesATokenOfTwo43CharacterBase64UrlParts() {
        StepVerifier.create(service.remember(UserId.random()))
                .assertNext(token -> {
                    assertThat(token.series()).matches(BASE64URL_256_BITS);
                    assertThat(token.secret()).matches(BASE64URL_256_BITS);
                })
                .verifyComplete();
    }

    @Test
    void rememberStoresTheSeriesForTheUserWithOnlyAHashOfTheSecretUntilTheLifetimeEnds() {
        UserId alice = UserId.random();
        clock.advance(Duration.ofMinutes(5));
        RememberMeToken token = remembered(alice);

        StepVerifier.create(devices.findBySeries(token.series()))
                .assertNext(device -> {
                    assertThat(device.userId()).isEqualTo(alice);
                    assertThat(device.secretHash())
                            .isEqualTo(token.secretHash())
                            .isNotEqualTo(token.secret());
                    assertThat(device.previousSecretHash()).isNull();
                    assertThat(device.rotatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
                    assertThat(device.expiresAt())
                            .isEqualTo(NOW.plus(Duration.ofMinutes(5)).plus(Duration.ofDays(14)));
                })
                .verifyComplete();
    }

    @Test
    void rememberTwiceForOneUserGivesTwoSeries() {
        UserId alice = UserId.random();

        RememberMeToken laptop = remembered(alice);
        RememberMeToken phone = remembered(alice);

        assertThat(phone.series()).isNotEqualTo(laptop.series());
        assertThat(devices.count()).isEqualTo(2);
    }

    @Test
    void rememberStoresNothingUntilSubscribed() {
        service.remember(UserId.random());

        assertThat(devices.count()).isZero();
    }

    private RememberMeToken remembered(UserId userId) {
        AtomicReference<RememberMeToken> token = new AtomicReference<>();
        StepVerifier.create(service.remember(userId))
                .consumeNextWith(token::set)
                .verifyComplete();
        return token.get();
    }
}
