package dev.vestibule.application.rememberme;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.RememberBrowser;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Starts a new remembered series for the browser a user just logged in from, under the user's current stamp. */
public final class RememberBrowserService implements RememberBrowser {

    private final RememberedBrowserRepository devices;
    private final UserRepository users;
    private final RememberMeSettings settings;
    private final Clock clock;
    private final SecureRandom random;

    public RememberBrowserService(
            RememberedBrowserRepository devices,
            UserRepository users,
            RememberMeSettings settings,
            Clock clock,
            SecureRandom random) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.users = Objects.requireNonNull(users, "users");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Mono<RememberMeToken> remember(UserId userId, Origin origin) {
        Objects.requireNonNull(origin, "origin");
        return users.findById(userId).filter(User::isActive).flatMap(user -> {
            RememberMeToken token = RememberMeToken.generate(random);
            RememberedBrowser device =
                    RememberedBrowser.remember(token, user, origin, clock.instant(), settings.lifetime());
            return devices.add(device).thenReturn(token);
        });
    }
}
