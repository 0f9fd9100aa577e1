package dev.vestibule.application.rememberme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemoryRememberedBrowserRepository;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class RememberBrowserServiceTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final RememberMeSettings SETTINGS =
            new RememberMeSettings(Duration.ofDays(14), Duration.ofSeconds(20), 3);
    private static final Origin ORIGIN = new Origin("198.51.100.7", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
    private static final String BASE64URL_256_BITS = "[A-Za-z0-9_-]{43}";

    private final InMemoryRememberedBrowserRepository devices = new InMemoryRememberedBrowserRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final RememberBrowserService service =
            new RememberBrowserService(devices, users, SETTINGS, clock, new SecureRandom());

    @Test
    void rememberGivesATokenOfTwo43CharacterBase64UrlParts() {
        StepVerifier.create(service.remember(storedUser("alice"), ORIGIN))
                .assertNext(token -> {
                    assertThat(token.series()).matches(BASE64URL_256_BITS);
                    assertThat(token.secret()).matches(BASE64URL_256_BITS);
                })
                .verifyComplete();
    }

    @Test
    void rememberStoresTheSeriesForTheUserWithOnlyAHashOfTheSecretUntilTheLifetimeEnds() {
        UserId alice = storedUser("alice");
        clock.advance(Duration.ofMinutes(5));
        RememberMeToken token = remembered(alice);

        StepVerifier.create(devices.findBySeries(token.series()))
                .assertNext(device -> {
                    assertThat(device.userId()).isEqualTo(alice);
                    assertThat(device.secretHash())
                            .isEqualTo(token.secretHash())
                            .isNotEqualTo(token.secret());
                    assertThat(device.previousSecretHash()).isNull();
                    assertThat(device.securityStamp())
                            .isEqualTo(users.findById(alice).block().securityStamp());
                    assertThat(device.origin()).isEqualTo(ORIGIN);
                    assertThat(device.rememberedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
                    assertThat(device.rotatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
                    assertThat(device.expiresAt())
                            .isEqualTo(NOW.plus(Duration.ofMinutes(5)).plus(Duration.ofDays(14)));
                })
                .verifyComplete();
    }

    @Test
    void rememberTwiceForOneUserGivesTwoSeries() {
        UserId alice = storedUser("alice");

        RememberMeToken laptop = remembered(alice);
        RememberMeToken phone = remembered(alice);

        assertThat(phone.series()).isNotEqualTo(laptop.series());
        assertThat(devices.count()).isEqualTo(2);
    }

    @Test
    void rememberStoresNothingUntilSubscribed() {
        service.remember(storedUser("alice"), ORIGIN);

        assertThat(devices.count()).isZero();
    }

    @Test
    void rememberForAUserWhoIsGoneOrDisabledThenNothing() {
        UserId alice = storedUser("alice");
        users.replace(users.findById(alice).block().deactivated());

        StepVerifier.create(service.remember(alice, ORIGIN)).verifyComplete();
        StepVerifier.create(service.remember(UserId.random(), ORIGIN)).verifyComplete();
        assertThat(devices.count()).isZero();
    }

    private UserId storedUser(String name) {
        User user = User.registerWithPassword(
                new Username(name), new EmailAddress(name + "@example.com"), new PasswordHash("{test}secret"), NOW);
        users.replace(user);
        return user.id();
    }

    private RememberMeToken remembered(UserId userId) {
        AtomicReference<RememberMeToken> token = new AtomicReference<>();
        StepVerifier.create(service.remember(userId, ORIGIN))
                .consumeNextWith(token::set)
                .verifyComplete();
        return token.get();
    }
}
