package dev.vestibule.domain.model.rememberme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.rememberme.RememberedBrowser.Recognition;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RememberedBrowserTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(30);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final SecureRandom random = new SecureRandom();
    private final User user = User.registerWithPassword(
            new Username("alice"), new EmailAddress("alice@example.com"), new PasswordHash("$argon2id$test"), NOW);
    private final UserId userId = user.id();

    @Test
    void rememberKeepsOnlyTheHashOfTheSecretUntilTheEndOfTheLifetime() {
        RememberMeToken token = RememberMeToken.generate(random);

        RememberedBrowser device = RememberedBrowser.remember(token, user, Origin.unknown(), NOW, LIFETIME);

        assertThat(device.series()).isEqualTo(token.series());
        assertThat(device.userId()).isEqualTo(userId);
        assertThat(device.secretHash()).isEqualTo(token.secretHash()).isNotEqualTo(token.secret());
        assertThat(device.previousSecretHash()).isNull();
        assertThat(device.rotatedAt()).isEqualTo(NOW);
        assertThat(device.expiresAt()).isEqualTo(NOW.plus(LIFETIME));
    }

    @Test
    void recognizeWhenTheSecretLastGivenThenCurrent() {
        RememberMeToken token = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(token, user, Origin.unknown(), NOW, LIFETIME);

        assertThat(device.recognize(token, NOW.plus(Duration.ofDays(3)), GRACE)).isEqualTo(Recognition.CURRENT);
    }

    @Test
    void recognizeWhenRotatedSecretThenCurrent() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberMeToken second = first.rotate(random);
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(second, NOW.plus(Duration.ofDays(1)));

        assertThat(device.recognize(second, NOW.plus(Duration.ofDays(2)), GRACE))
                .isEqualTo(Recognition.CURRENT);
    }

    @Test
    void recognizeWhenPreviousSecretWithinGracePeriodThenJustRotated() {
        RememberMeToken first = RememberMeToken.generate(random);
        Instant rotatedAt = NOW.plus(Duration.ofDays(1));
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(first.rotate(random), rotatedAt);

        assertThat(device.recognize(first, rotatedAt, GRACE)).isEqualTo(Recognition.JUST_ROTATED);
        assertThat(device.recognize(first, rotatedAt.plus(GRACE).minusNanos(1), GRACE))
                .isEqualTo(Recognition.JUST_ROTATED);
    }

    @Test
    void recognizeWhenPreviousSecretPresentedAfterGracePeriodThenStolen() {
        RememberMeToken first = RememberMeToken.generate(random);
        Instant rotatedAt = NOW.plus(Duration.ofDays(1));
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(first.rotate(random), rotatedAt);

        assertThat(device.recognize(first, rotatedAt.plus(GRACE), GRACE)).isEqualTo(Recognition.STOLEN);
        assertThat(device.recognize(first, rotatedAt.plus(Duration.ofDays(2)), GRACE))
                .isEqualTo(Recognition.STOLEN);
    }

    @Test
    void recognizeWhenAnOlderSecretThanThePreviousThenStolenEvenWithinGracePeriod() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberMeToken second = first.rotate(random);
        Instant lastRotation = NOW.plus(Duration.ofDays(2));
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(second, NOW.plus(Duration.ofDays(1)))
                .rotatedTo(second.rotate(random), lastRotation);

        assertThat(device.recognize(first, lastRotation.plusSeconds(1), GRACE)).isEqualTo(Recognition.STOLEN);
    }

    @Test
    void recognizeWhenNeverRotatedAndSecretDiffersThenStolen() {
        RememberMeToken token = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(token, user, Origin.unknown(), NOW, LIFETIME);

        assertThat(device.recognize(token.rotate(random), NOW.plusSeconds(1), GRACE))
                .isEqualTo(Recognition.STOLEN);
    }

    @Test
    void recognizeWhenGracePeriodZeroThenPreviousSecretIsStolenAtOnce() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(first.rotate(random), NOW);

        assertThat(device.recognize(first, NOW, Duration.ZERO)).isEqualTo(Recognition.STOLEN);
    }

    @Test
    void recognizeJustBeforeExpiryThenCurrent() {
        RememberMeToken token = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(token, user, Origin.unknown(), NOW, LIFETIME);

        assertThat(device.recognize(token, NOW.plus(LIFETIME).minusNanos(1), GRACE))
                .isEqualTo(Recognition.CURRENT);
    }

    @Test
    void recognizeAtExpiresAtThenExpired() {
        RememberMeToken token = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(token, user, Origin.unknown(), NOW, LIFETIME);

        assertThat(device.recognize(token, device.expiresAt(), GRACE)).isEqualTo(Recognition.EXPIRED);
    }

    @Test
    void recognizeAfterExpiresAtThenExpired() {
        RememberMeToken token = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(token, user, Origin.unknown(), NOW, LIFETIME);

        assertThat(device.recognize(token, device.expiresAt().plus(Duration.ofDays(400)), GRACE))
                .isEqualTo(Recognition.EXPIRED);
    }

    @Test
    void rotatedToKeepsExpiresAtSoUseNeverExtendsTheLifetime() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberMeToken second = first.rotate(random);
        RememberedBrowser original = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME);
        Instant later = NOW.plus(Duration.ofDays(29));

        RememberedBrowser rotated = original.rotatedTo(second, later);

        assertThat(rotated.expiresAt()).isEqualTo(original.expiresAt());
        assertThat(rotated.series()).isEqualTo(original.series());
        assertThat(rotated.userId()).isEqualTo(userId);
        assertThat(rotated.secretHash()).isEqualTo(second.secretHash());
        assertThat(rotated.previousSecretHash()).isEqualTo(first.secretHash());
        assertThat(rotated.rotatedAt()).isEqualTo(later);
    }

    @Test
    void recognizeWhenTokenOfAnotherSeriesThenIllegalArgument() {
        RememberedBrowser device =
                RememberedBrowser.remember(RememberMeToken.generate(random), user, Origin.unknown(), NOW, LIFETIME);
        RememberMeToken other = RememberMeToken.generate(random);

        assertThatIllegalArgumentException().isThrownBy(() -> device.recognize(other, NOW, GRACE));
    }

    @Test
    void rememberedUnderTheUsersStampUntilTheStampChanges() {
        RememberedBrowser device = RememberedBrowser.remember(
                RememberMeToken.generate(random), user, new Origin("198.51.100.7", "Firefox"), NOW, LIFETIME);

        assertThat(device.securityStamp()).isEqualTo(user.securityStamp());
        assertThat(device.rememberedAt()).isEqualTo(NOW);
        assertThat(device.origin().clientAddress()).isEqualTo("198.51.100.7");
        assertThat(device.isStampCurrentFor(user)).isTrue();
        assertThat(device.isStampCurrentFor(user.withPasswordHash(new PasswordHash("$argon2id$other"))))
                .as("a password change")
                .isFalse();
        assertThat(device.isStampCurrentFor(user.deactivated())).as("disabling").isFalse();
    }

    @Test
    void restampedKeepsTheBrowserForTheUsersNewStamp() {
        RememberedBrowser device =
                RememberedBrowser.remember(RememberMeToken.generate(random), user, Origin.unknown(), NOW, LIFETIME);
        User renewed = user.withSecurityStamp(SecurityStamp.random());

        RememberedBrowser kept = device.restamped(renewed.securityStamp());

        assertThat(kept.isStampCurrentFor(renewed)).isTrue();
        assertThat(kept.secretHash()).isEqualTo(device.secretHash());
        assertThat(kept.rotatedTo(RememberMeToken.generate(random), NOW).securityStamp())
                .as("rotation keeps the stamp")
                .isEqualTo(renewed.securityStamp());
    }
}
