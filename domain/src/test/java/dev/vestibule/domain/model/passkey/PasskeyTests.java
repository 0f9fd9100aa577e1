package dev.vestibule.domain.model.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vestibule.domain.model.user.UserId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasskeyTests {

    private static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");

    private static Passkey passkey(long signCount, boolean backupEligible) {
        return Passkey.register(
                UserId.random(),
                new NewCredential(
                        CredentialId.of(new byte[] {1, 2, 3}),
                        "key",
                        signCount,
                        List.of("internal"),
                        backupEligible,
                        false),
                "Laptop",
                NOW);
    }

    @Test
    void useWhenCounterIncreasesThenAcceptedWithTheNewCounterBackupStateAndLastUse() {
        PasskeyUse use = passkey(3, true).use(4, true, true, NOW.plusSeconds(1));

        assertThat(use).isInstanceOfSatisfying(PasskeyUse.Accepted.class, accepted -> {
            assertThat(accepted.updated().signCount()).isEqualTo(4);
            assertThat(accepted.updated().backedUp()).isTrue();
            assertThat(accepted.updated().lastUsedAt()).contains(NOW.plusSeconds(1));
        });
    }

    @Test
    void useWhenCounterDoesNotIncreaseThenACloneIsSuspected() {
        assertThat(passkey(3, false).use(3, false, false, NOW)).isEqualTo(new PasskeyUse.CounterNotIncreased(3, 3));
        assertThat(passkey(3, false).use(0, false, false, NOW)).isEqualTo(new PasskeyUse.CounterNotIncreased(3, 0));
    }

    @Test
    void useWhenBothCountersAreZeroThenAccepted() {
        // Authenticators that keep no counter (synced passkeys) always send zero: that is no sign of a clone.
        assertThat(passkey(0, true).use(0, true, true, NOW)).isInstanceOf(PasskeyUse.Accepted.class);
    }

    @Test
    void useWhenBackupEligibilityChangesThenRefused() {
        assertThat(passkey(0, false).use(1, true, true, NOW)).isInstanceOf(PasskeyUse.BackupEligibilityChanged.class);
    }

    @Test
    void relyingPartyComesFromThePublicUrl() {
        assertThat(RelyingParty.forPublicUrl("https://Login.Example.com/", "V"))
                .isEqualTo(new RelyingParty("login.example.com", "V", java.util.Set.of("https://login.example.com")));
        assertThat(RelyingParty.forPublicUrl("http://localhost:8123", "V").origins())
                .containsExactly("http://localhost:8123");
        assertThatThrownBy(() -> RelyingParty.forPublicUrl("localhost", "V"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChallengeIsRandomShortLivedAndBoundToItsUserUnlessItIsASignIn() {
        SecureRandom random = new SecureRandom();
        UserId user = UserId.random();
        PasskeyChallenge challenge =
                PasskeyChallenge.issue(random, CeremonyPurpose.REGISTRATION, Optional.of(user), NOW);

        assertThat(Base64Url.decode(challenge.value())).hasSize(32);
        assertThat(challenge.isExpiredAt(NOW.plus(PasskeyChallenge.LIFETIME))).isTrue();
        assertThat(challenge.toString()).doesNotContain(challenge.value());
        assertThatThrownBy(() -> PasskeyChallenge.issue(random, CeremonyPurpose.SIGN_IN, Optional.of(user), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasskeyChallenge.issue(random, CeremonyPurpose.REGISTRATION, Optional.empty(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreTrimmedAndBounded() {
        assertThat(PasskeyName.parse("  Phone ")).contains("Phone");
        assertThat(PasskeyName.parse("   ")).isEmpty();
        assertThat(PasskeyName.parse("x".repeat(65))).isEmpty();
        assertThat(PasskeyName.parse("a\u0000b")).isEmpty();
    }
}
