package dev.vestibule.application.rememberme;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.RecognizeRememberedBrowser;
import dev.vestibule.domain.port.in.RememberedBrowserRecognition;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Recognizes a remembered browser: rotates its secret on every use and revokes a series whose old secret reappears. */
public final class RecognizeRememberedBrowserService implements RecognizeRememberedBrowser {

    private static final RememberedBrowserRecognition NOT_RECOGNIZED = new RememberedBrowserRecognition.NotRecognized();

    private final RememberedBrowserRepository devices;
    private final UserRepository users;
    private final RememberMeSettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final SecurityEvents events;

    public RecognizeRememberedBrowserService(
            RememberedBrowserRepository devices,
            UserRepository users,
            RememberMeSettings settings,
            Clock clock,
            SecureRandom random,
            SecurityEvents events) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.users = Objects.requireNonNull(users, "users");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Mono<RememberedBrowserRecognition> recognize(RememberMeToken token, Origin origin) {
        return recognize(token, true).flatMap(recognition -> {
            if (recognition instanceof RememberedBrowserRecognition.Recognized recognized) {
                return events.record(
                                SecurityEventType.REMEMBER_ME_USED,
                                recognized.user().id(),
                                origin)
                        .thenReturn(recognition);
            }
            if (recognition instanceof RememberedBrowserRecognition.TheftDetected theft) {
                return events.record(SecurityEventType.REMEMBER_ME_THEFT_DETECTED, theft.userId(), origin)
                        .thenReturn(recognition);
            }
            return Mono.just(recognition);
        });
    }

    private Mono<RememberedBrowserRecognition> recognize(RememberMeToken token, boolean mayRetry) {
        return devices.findBySeries(token.series())
                .flatMap(device -> {
                    Instant now = clock.instant();
                    return switch (device.recognize(token, now, settings.rotationGracePeriod())) {
                        case CURRENT -> rotate(device, token, now, mayRetry);
                        case JUST_ROTATED -> signIn(device, Optional.empty());
                        case STOLEN ->
                            devices.remove(device.series())
                                    .thenReturn(new RememberedBrowserRecognition.TheftDetected(device.userId()));
                        case EXPIRED -> devices.remove(device.series()).thenReturn(NOT_RECOGNIZED);
                    };
                })
                .defaultIfEmpty(NOT_RECOGNIZED);
    }

    /** Losing the rotation race means a parallel request rotated first: judge the token again, once. */
    private Mono<RememberedBrowserRecognition> rotate(
            RememberedBrowser device, RememberMeToken token, Instant now, boolean mayRetry) {
        RememberMeToken next = token.rotate(random);
        return devices.replace(device, device.rotatedTo(next, now)).flatMap(won -> {
            if (won) {
                return signIn(device, Optional.of(next));
            }
            return mayRetry ? recognize(token, false) : Mono.just(NOT_RECOGNIZED);
        });
    }

    /**
     * Only an active user whose security stamp is still the one the browser was remembered under: after a
     * password change or reset, a "log out everywhere" or the account being disabled (even if enabled again
     * since), the browser is forgotten.
     */
    private Mono<RememberedBrowserRecognition> signIn(RememberedBrowser device, Optional<RememberMeToken> next) {
        return users.findById(device.userId())
                .filter(User::isActive)
                .filter(device::isStampCurrentFor)
                .map(user -> (RememberedBrowserRecognition) new RememberedBrowserRecognition.Recognized(user, next))
                .switchIfEmpty(Mono.defer(() -> devices.remove(device.series()).thenReturn(NOT_RECOGNIZED)));
    }
}
