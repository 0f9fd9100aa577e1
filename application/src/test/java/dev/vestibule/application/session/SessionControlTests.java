package dev.vestibule.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.fakes.FakeSignedInSessions;
import dev.vestibule.application.fakes.InMemoryRememberedBrowserRepository;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryTransactions;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.session.SessionAttributes;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.SignIn;
import dev.vestibule.domain.port.in.ThisBrowser;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sessions page's use cases: listing, revoking one, and logging out everywhere else. */
class SessionControlTests {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final Origin ORIGIN = new Origin("198.51.100.7", "Firefox");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryRememberedBrowserRepository remembered = new InMemoryRememberedBrowserRepository();
    private final FakeSignedInSessions sessions = new FakeSignedInSessions();
    private final InMemorySecurityEventLog log = new InMemorySecurityEventLog();
    private final SecurityEvents events = new SecurityEvents(log, clock);
    private final Containment containment = new Containment(remembered, sessions);
    private final ViewSignInsService view = new ViewSignInsService(users, sessions, remembered, clock);
    private final RevokeSignInService revoke = new RevokeSignInService(sessions, remembered, containment, events);
    private final LogOutEverywhereElseService everywhereElse =
            new LogOutEverywhereElseService(users, new InMemoryTransactions(), containment, events);

    private final User alice = stored("alice");
    private final User mallory = stored("mallory");

    @Test
    void viewListsSessionsAndRememberedBrowsersUnderTheCurrentStampThisBrowserFirst() {
        String here = signIn(alice, alice.securityStamp(), null);
        String there = signIn(alice, alice.securityStamp(), null);
        signIn(alice, SecurityStamp.random(), null); // under an older stamp: can no longer be used
        signIn(mallory, mallory.securityStamp(), null);
        RememberedBrowser laptop = remember(alice);

        List<SignIn> signIns = view.view(alice.id(), thisBrowser(here, null)).block();

        assertThat(signIns).hasSize(3);
        assertThat(signIns.get(0).handle()).isEqualTo(Handle.of(here));
        assertThat(signIns.get(0).thisBrowser()).isTrue();
        assertThat(signIns)
                .extracting(SignIn::handle)
                .containsExactlyInAnyOrder(Handle.of(here), Handle.of(there), Handle.of(laptop.series()));
        assertThat(signIns).filteredOn(SignIn::thisBrowser).hasSize(1);
    }

    // issue 14: how each session signed in

    @Test
    void viewSaysHowEachSessionSignedInAndThatARememberedBrowserSignsInWithItsCookie() {
        SignInFactors passkey = SignInFactors.of(Factor.PASSKEY, NOW.minusSeconds(60));
        var attributes = new HashMap<String, String>();
        attributes.put(SessionAttributes.SECURITY_STAMP, alice.securityStamp().value());
        attributes.put(SessionAttributes.SIGN_IN_FACTORS, passkey.serialized());
        String here = sessions.signIn(alice.id(), Map.copyOf(attributes));
        String older = signIn(alice, alice.securityStamp(), null);
        RememberedBrowser laptop = remember(alice);

        List<SignIn> signIns = view.view(alice.id(), thisBrowser(here, null)).block();

        assertThat(signIns)
                .filteredOn(signIn -> signIn.handle().equals(Handle.of(here)))
                .singleElement()
                .satisfies(signIn -> assertThat(signIn.factors()).isEqualTo(passkey));
        assertThat(signIns)
                .filteredOn(signIn -> signIn.handle().equals(Handle.of(older)))
                .singleElement()
                .satisfies(signIn -> assertThat(signIn.factors().factors()).containsExactly(Factor.PASSWORD));
        assertThat(signIns)
                .filteredOn(signIn -> signIn.handle().equals(Handle.of(laptop.series())))
                .singleElement()
                .satisfies(signIn -> assertThat(signIn.factors().factors()).containsExactly(Factor.REMEMBERED_BROWSER));
    }

    @Test
    void revokeASessionEndsItAndRecordsIt() {
        String here = signIn(alice, alice.securityStamp(), null);
        String there = signIn(alice, alice.securityStamp(), null);

        assertThat(revoke.revoke(alice.id(), Handle.of(there), ORIGIN).block()).isTrue();

        assertThat(sessions.isLive(there)).isFalse();
        assertThat(sessions.isLive(here)).isTrue();
        assertThat(log.types()).containsExactly(SecurityEventType.SESSION_ENDED);
    }

    @Test
    void revokeARememberedBrowserForgetsItAndEndsTheSessionsItOpened() {
        RememberedBrowser laptop = remember(alice);
        String opened = signIn(alice, alice.securityStamp(), Handle.of(laptop.series()));
        String other = signIn(alice, alice.securityStamp(), null);

        assertThat(revoke.revoke(alice.id(), Handle.of(laptop.series()), ORIGIN).block())
                .isTrue();

        assertThat(remembered.count()).isZero();
        assertThat(sessions.isLive(opened)).isFalse();
        assertThat(sessions.isLive(other)).isTrue();
    }

    @Test
    void revokeAnotherUsersHandleChangesNothing() {
        String alices = signIn(alice, alice.securityStamp(), null);
        RememberedBrowser alicesLaptop = remember(alice);

        assertThat(revoke.revoke(mallory.id(), Handle.of(alices), ORIGIN).block())
                .isFalse();
        assertThat(revoke.revoke(mallory.id(), Handle.of(alicesLaptop.series()), ORIGIN)
                        .block())
                .isFalse();

        assertThat(sessions.isLive(alices)).isTrue();
        assertThat(remembered.count()).isEqualTo(1);
        assertThat(log.types()).isEmpty();
    }

    @Test
    void logOutEverywhereElseRenewsTheStampAndEndsEveryOtherSignInButThisBrowsers() {
        RememberedBrowser laptop = remember(alice);
        RememberedBrowser phone = remember(alice);
        String here = signIn(alice, alice.securityStamp(), Handle.of(laptop.series()));
        String there = signIn(alice, alice.securityStamp(), Handle.of(phone.series()));

        SecurityStamp newStamp = everywhereElse
                .logOutEverywhereElse(alice.id(), thisBrowser(here, laptop.series()), ORIGIN)
                .block();

        User renewed = users.findById(alice.id()).block();
        assertThat(renewed.securityStamp()).isEqualTo(newStamp).isNotEqualTo(alice.securityStamp());
        assertThat(sessions.isLive(here)).isTrue();
        assertThat(sessions.isLive(there)).isFalse();
        assertThat(remembered.findByUser(alice.id()).collectList().block())
                .singleElement()
                .satisfies(kept -> {
                    assertThat(kept.series()).isEqualTo(laptop.series());
                    assertThat(kept.isStampCurrentFor(renewed)).isTrue();
                });
        assertThat(log.types()).containsExactly(SecurityEventType.LOGGED_OUT_EVERYWHERE_ELSE);
    }

    @Test
    void logOutEverywhereElseFromABrowserNotRememberedForgetsEveryRememberedBrowser() {
        remember(alice);
        String here = signIn(alice, alice.securityStamp(), null);

        everywhereElse
                .logOutEverywhereElse(alice.id(), thisBrowser(here, null), ORIGIN)
                .block();

        assertThat(remembered.count()).isZero();
        assertThat(sessions.isLive(here)).isTrue();
    }

    private static ThisBrowser thisBrowser(String session, String series) {
        return new ThisBrowser(Handle.of(session), Optional.ofNullable(series).map(Handle::of));
    }

    private String signIn(User user, SecurityStamp stamp, Handle rememberedBrowser) {
        var attributes = new HashMap<String, String>();
        attributes.put(SessionAttributes.SECURITY_STAMP, stamp.value());
        if (rememberedBrowser != null) {
            attributes.put(SessionAttributes.REMEMBERED_BROWSER, rememberedBrowser.value());
        }
        return sessions.signIn(user.id(), Map.copyOf(attributes));
    }

    private RememberedBrowser remember(User user) {
        RememberedBrowser device = RememberedBrowser.remember(
                RememberMeToken.generate(new SecureRandom()), user, ORIGIN, NOW, Duration.ofDays(14));
        remembered.add(device).block();
        return device;
    }

    private User stored(String name) {
        User user = User.registerWithPassword(
                new Username(name), new EmailAddress(name + "@example.com"), new PasswordHash("{test}x"), NOW);
        users.replace(user);
        return user;
    }
}
