package dev.vestibule.application.session;

import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.session.SignedInSession;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.SignIn;
import dev.vestibule.domain.port.in.ThisBrowser;
import dev.vestibule.domain.port.in.ViewSignIns;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.SignedInSessions;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * Lists the sign-ins that still count: sessions and unexpired remembered browsers under the user's current
 * security stamp. Those under an older stamp can no longer be used (they end at their next use), so they
 * are not shown.
 */
public final class ViewSignInsService implements ViewSignIns {

    private final UserRepository users;
    private final SignedInSessions signedInSessions;
    private final RememberedBrowserRepository rememberedBrowsers;
    private final Clock clock;

    public ViewSignInsService(
            UserRepository users,
            SignedInSessions signedInSessions,
            RememberedBrowserRepository rememberedBrowsers,
            Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.signedInSessions = Objects.requireNonNull(signedInSessions, "signedInSessions");
        this.rememberedBrowsers = Objects.requireNonNull(rememberedBrowsers, "rememberedBrowsers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<List<SignIn>> view(UserId userId, ThisBrowser thisBrowser) {
        return users.findById(userId)
                .filter(User::isActive)
                .flatMap(user -> Mono.zip(
                                signedInSessions
                                        .of(userId)
                                        .filter(session -> session.securityStamp()
                                                .filter(stamp ->
                                                        user.securityStamp().matches(stamp))
                                                .isPresent())
                                        .map(session -> session(session, thisBrowser))
                                        .collectList(),
                                rememberedBrowsers
                                        .findByUser(userId)
                                        .filter(device -> device.isStampCurrentFor(user)
                                                && clock.instant().isBefore(device.expiresAt()))
                                        .map(device -> rememberedBrowser(device, thisBrowser))
                                        .collectList())
                        .map(both -> Stream.concat(both.getT1().stream(), both.getT2().stream())
                                .sorted(Comparator.comparing(SignIn::thisBrowser)
                                        .reversed()
                                        .thenComparing(SignIn::lastSeen, Comparator.reverseOrder()))
                                .toList()))
                .defaultIfEmpty(List.of());
    }

    private static SignIn session(SignedInSession session, ThisBrowser thisBrowser) {
        return new SignIn(
                SignIn.Kind.SESSION,
                session.handle(),
                session.origin(),
                session.signedInAt(),
                session.lastSeen(),
                session.handle().equals(thisBrowser.session()),
                // issue 14: how each session signed in
                session.factors());
    }

    private static SignIn rememberedBrowser(RememberedBrowser device, ThisBrowser thisBrowser) {
        Handle handle = Handle.of(device.series());
        return new SignIn(
                SignIn.Kind.REMEMBERED_BROWSER,
                handle,
                device.origin(),
                device.rememberedAt(),
                device.rotatedAt(),
                thisBrowser.rememberedBrowser().filter(handle::equals).isPresent(),
                // issue 14: a remembered browser signs in with its cookie
                SignInFactors.of(Factor.REMEMBERED_BROWSER, device.rememberedAt()));
    }
}
