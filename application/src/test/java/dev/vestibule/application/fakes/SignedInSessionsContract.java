package dev.vestibule.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.session.SessionAttributes;
import dev.vestibule.domain.model.session.SignedInSession;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SignedInSessions;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * What every {@link SignedInSessions} registry promises, run against the fake, the memory adapter's map
 * and Redis. Each test signs in users of its own, so tests may share a store.
 */
public abstract class SignedInSessionsContract {

    private static final Instant SIGNED_IN_AT = Instant.parse("2026-02-03T04:05:06Z");

    protected abstract SignedInSessions registry();

    /** A session signed in for {@code user} in the store, with these attributes besides the user id; its id. */
    protected abstract String signIn(UserId user, Map<String, String> attributes);

    /** Whether the store still has the session (whatever it holds). */
    protected abstract boolean exists(String sessionId);

    @Test
    void ofListsTheUsersSessionsAsSignedInWithOpaqueHandles() {
        UserId alice = UserId.random();
        String laptop = signIn(alice, attributes("198.51.100.7", "Firefox", null));
        signIn(UserId.random(), attributes("203.0.113.1", "Safari", null));

        StepVerifier.create(registry().of(alice).collectList())
                .assertNext(sessions -> {
                    assertThat(sessions).hasSize(1);
                    SignedInSession session = sessions.get(0);
                    assertThat(session.handle()).isEqualTo(Handle.of(laptop));
                    assertThat(session.handle().value()).doesNotContain(laptop);
                    assertThat(session.userId()).isEqualTo(alice);
                    assertThat(session.origin().clientAddress()).isEqualTo("198.51.100.7");
                    assertThat(session.origin().userAgent()).isEqualTo("Firefox");
                    assertThat(session.signedInAt()).isEqualTo(SIGNED_IN_AT);
                    assertThat(session.securityStamp()).contains("stamp");
                    assertThat(session.rememberedBrowser()).isEmpty();
                })
                .verifyComplete();
        StepVerifier.create(registry().of(UserId.random())).verifyComplete();
    }

    @Test
    void endEndsThatSessionOnly() {
        UserId alice = UserId.random();
        String laptop = signIn(alice, attributes("198.51.100.7", "Firefox", null));
        String phone = signIn(alice, attributes("198.51.100.8", "Safari", null));

        StepVerifier.create(registry().end(alice, Handle.of(laptop)))
                .expectNext(true)
                .verifyComplete();

        assertThat(exists(laptop)).isFalse();
        assertThat(exists(phone)).isTrue();
        StepVerifier.create(registry().end(alice, Handle.of(laptop)))
                .as("already ended")
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void endWithAnotherUsersHandleChangesNothing() {
        UserId alice = UserId.random();
        UserId mallory = UserId.random();
        String alices = signIn(alice, attributes("198.51.100.7", "Firefox", null));
        signIn(mallory, attributes("203.0.113.66", "curl", null));

        StepVerifier.create(registry().end(mallory, Handle.of(alices)))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(registry().endAllBut(mallory, Handle.of("none")))
                .expectNext(1L)
                .verifyComplete();

        assertThat(exists(alices)).isTrue();
    }

    @Test
    void endAllButKeepsTheOneAskingAndEndAllEndsEvery() {
        UserId alice = UserId.random();
        String here = signIn(alice, attributes("198.51.100.7", "Firefox", null));
        String other = signIn(alice, attributes("198.51.100.8", "Safari", null));
        String third = signIn(alice, attributes("198.51.100.9", "Chrome", null));

        StepVerifier.create(registry().endAllBut(alice, Handle.of(here)))
                .expectNext(2L)
                .verifyComplete();
        assertThat(exists(here)).isTrue();
        assertThat(exists(other)).isFalse();
        assertThat(exists(third)).isFalse();

        StepVerifier.create(registry().endAll(alice)).expectNext(1L).verifyComplete();
        assertThat(exists(here)).isFalse();
    }

    @Test
    void endOpenedByEndsOnlyTheSessionsOfThatRememberedBrowser() {
        UserId alice = UserId.random();
        Handle stolen = Handle.of("series-stolen");
        String thief = signIn(alice, attributes("203.0.113.66", "curl", stolen));
        String victim = signIn(alice, attributes("198.51.100.7", "Firefox", stolen));
        String unrelated = signIn(alice, attributes("198.51.100.8", "Safari", Handle.of("series-other")));
        String plain = signIn(alice, attributes("198.51.100.9", "Chrome", null));

        StepVerifier.create(registry().endOpenedBy(alice, stolen))
                .expectNext(2L)
                .verifyComplete();

        assertThat(exists(thief)).isFalse();
        assertThat(exists(victim)).isFalse();
        assertThat(exists(unrelated)).isTrue();
        assertThat(exists(plain)).isTrue();
        StepVerifier.create(registry().of(alice).map(SignedInSession::rememberedBrowser))
                .expectNextMatches(series -> series.equals(Optional.of(Handle.of("series-other"))) || series.isEmpty())
                .expectNextCount(1)
                .verifyComplete();
    }

    // issue 14: how each session signed in

    @Test
    void ofReadsHowEachSessionSignedInAndAnOlderSessionWithoutItSignedInWithItsPassword() {
        UserId alice = UserId.random();
        Instant codeGiven = SIGNED_IN_AT.plusSeconds(20);
        SignInFactors withApp =
                SignInFactors.of(Factor.PASSWORD, SIGNED_IN_AT).plus(Factor.AUTHENTICATOR_APP, codeGiven);
        var paired = attributes("198.51.100.7", "Firefox", null);
        paired.put(SessionAttributes.SIGN_IN_FACTORS, withApp.serialized());
        String twoFactor = signIn(alice, paired);
        String older = signIn(alice, attributes("198.51.100.8", "Safari", null));

        StepVerifier.create(registry().of(alice).collectList())
                .assertNext(sessions -> {
                    assertThat(sessions).hasSize(2);
                    assertThat(sessions)
                            .filteredOn(session -> session.handle().equals(Handle.of(twoFactor)))
                            .singleElement()
                            .satisfies(session -> assertThat(session.factors()).isEqualTo(withApp));
                    assertThat(sessions)
                            .filteredOn(session -> session.handle().equals(Handle.of(older)))
                            .singleElement()
                            .satisfies(session -> assertThat(session.factors())
                                    .isEqualTo(SignInFactors.of(Factor.PASSWORD, SIGNED_IN_AT)));
                })
                .verifyComplete();
    }

    private static Map<String, String> attributes(String address, String userAgent, Handle rememberedBrowser) {
        var attributes = new HashMap<String, String>(Map.of(
                SessionAttributes.SIGNED_IN_AT,
                SIGNED_IN_AT.toString(),
                SessionAttributes.CLIENT_ADDRESS,
                address,
                SessionAttributes.USER_AGENT,
                userAgent,
                SessionAttributes.SECURITY_STAMP,
                "stamp"));
        if (rememberedBrowser != null) {
            attributes.put(SessionAttributes.REMEMBERED_BROWSER, rememberedBrowser.value());
        }
        return attributes;
    }
}
