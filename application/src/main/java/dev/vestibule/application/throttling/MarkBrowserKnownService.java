package dev.vestibule.application.throttling;

import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.MarkBrowserKnown;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Keeps a browser's known-browser id valid for the user, or hands it a new one. */
public final class MarkBrowserKnownService implements MarkBrowserKnown {

    private final KnownBrowserRepository devices;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random;

    public MarkBrowserKnownService(
            KnownBrowserRepository devices, Duration lifetime, Clock clock, SecureRandom random) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Mono<String> trust(UserId userId, List<String> presentedDeviceIds) {
        return knownIdAmong(devices, userId, presentedDeviceIds, clock).switchIfEmpty(Mono.defer(() -> {
            KnownBrowser device = KnownBrowser.newFor(userId, clock.instant(), lifetime, random);
            return devices.add(device).thenReturn(device.id());
        }));
    }

    /** The first of the presented ids that the user knows; one lookup per well-formed id, a handful at most. */
    static Mono<String> knownIdAmong(KnownBrowserRepository devices, UserId userId, List<String> ids, Clock clock) {
        return Flux.fromIterable(ids)
                .filter(KnownBrowser::isWellFormedId)
                .distinct()
                .concatMap(id -> devices.isKnown(id, userId, clock.instant())
                        .filter(Boolean::booleanValue)
                        .map(known -> id))
                .next();
    }
}
