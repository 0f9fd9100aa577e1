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
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.RememberedBrowserRecognition;
import dev.vestibule.domain.port.out.AddUserResult;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ForgetRememberedBrowserServiceTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final RememberMeSettings SETTINGS =
            new RememberMeSettings(Duration.ofDays(14), Duration.ofSeconds(20), 3);

    private final InMemoryRememberedBrowserRepository devices = new InMemoryRememberedBrowserRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final MutableClock clock = new MutableClock(NOW);
    private final SecureRandom random = new SecureRandom();
    private final RememberBrowserService remember = new RememberBrowserService(devices, users, SETTINGS, clock, random);
    private final RecognizeRememberedBrowserService recognize = new RecognizeRememberedBrowserService(
            devices,
            users,
            SETTINGS,
            clock,
            random,
            new SecurityEvents(new InMemorySecurityEventLog(), clock),
            new RecognizeRememberedBrowserService.TheftResponse(
                    new FakeSignedInSessions(), new InMemoryTransactions(), new InMemoryMailOutbox()));
    private final ForgetRememberedBrowserService service = new ForgetRememberedBrowserService(devices);

    @Test
    void forgetThenTokenNoLongerRecognized() {
        RememberMeToken token = remembered(storedUser("alice"));

        StepVerifier.create(service.forget(token)).verifyComplete();

        StepVerifier.create(recognize.recognize(token, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();
    }

    @Test
    void forgetAfterRotationThenNeitherTheOldNorTheNewTokenRecognized() {
        RememberMeToken issued = remembered(storedUser("alice"));
        AtomicReference<RememberMeToken> next = new AtomicReference<>();
        StepVerifier.create(recognize.recognize(issued, Origin.unknown()))
                .consumeNextWith(recognition -> next.set(((RememberedBrowserRecognition.Recognized) recognition)
                        .nextToken()
                        .orElseThrow()))
                .verifyComplete();

        StepVerifier.create(service.forget(next.get())).verifyComplete();

        StepVerifier.create(recognize.recognize(next.get(), Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();
        StepVerifier.create(recognize.recognize(issued, Origin.unknown()))
                .expectNext(new RememberedBrowserRecognition.NotRecognized())
                .verifyComplete();
    }

    @Test
    void forgetLeavesTheUsersOtherDevicesRemembered() {
        User alice = storedUser("alice");
        RememberMeToken laptop = remembered(alice);
        RememberMeToken phone = remembered(alice);

        StepVerifier.create(service.forget(laptop)).verifyComplete();

        StepVerifier.create(recognize.recognize(phone, Origin.unknown()))
                .expectNextMatches(
                        recognition -> recognition instanceof RememberedBrowserRecognition.Recognized recognized
                                && recognized.user().equals(alice))
                .verifyComplete();
        assertThat(devices.count()).isEqualTo(1);
    }

    @Test
    void forgetUnknownSeriesThenCompletesQuietly() {
        remembered(storedUser("alice"));

        StepVerifier.create(service.forget(RememberMeToken.generate(random))).verifyComplete();

        assertThat(devices.count()).isEqualTo(1);
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
        AtomicReference<RememberMeToken> token = new AtomicReference<>();
        StepVerifier.create(remember.remember(user.id(), Origin.unknown()))
                .consumeNextWith(token::set)
                .verifyComplete();
        return token.get();
    }
}
