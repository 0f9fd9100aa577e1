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
    private static final RotationGrace GRACE = new RotationGrace(Duration.ofSeconds(5), 3);
    /** The browser whose request rotated the secret. */
    private static final Origin BROWSER = new Origin("203.0.113.5", "Mozilla/5.0 Firefox/140.0");

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

        assertThat(device.recognize(token, BROWSER, NOW.plus(Duration.ofDays(3)), GRACE))
                .isEqualTo(Recognition.CURRENT);
    }

    @Test
    void recognizeWhenRotatedSecretThenCurrent() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberMeToken second = first.rotate(random);
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(second, BROWSER, NOW.plus(Duration.ofDays(1)));

        assertThat(device.recognize(second, BROWSER, NOW.plus(Duration.ofDays(2)), GRACE))
                .isEqualTo(Recognition.CURRENT);
    }

    @Test
    void recognizeWhenPreviousSecretWithinGracePeriodThenJustRotated() {
        RememberMeToken first = RememberMeToken.generate(random);
        Instant rotatedAt = NOW.plus(Duration.ofDays(1));
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(first.rotate(random), BROWSER, rotatedAt);

        assertThat(device.recognize(first, BROWSER, rotatedAt, GRACE)).isEqualTo(Recognition.JUST_ROTATED);
        assertThat(device.recognize(
                        first, BROWSER, rotatedAt.plus(GRACE.period()).minusNanos(1), GRACE))
                .isEqualTo(Recognition.JUST_ROTATED);
    }

    @Test
    void recognizeWhenPreviousSecretPresentedAfterGracePeriodThenStolen() {
        RememberMeToken first = RememberMeToken.generate(random);
        Instant rotatedAt = NOW.plus(Duration.ofDays(1));
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(first.rotate(random), BROWSER, rotatedAt);

        assertThat(device.recognize(first, BROWSER, rotatedAt.plus(GRACE.period()), GRACE))
                .isEqualTo(Recognition.STOLEN);
        assertThat(device.recognize(first, BROWSER, rotatedAt.plus(Duration.ofDays(2)), GRACE))
                .isEqualTo(Recognition.STOLEN);
    }

    // issue 13 finding 1: the grace is for the browser that rotated, a few times, for a few seconds

    @Test
    void recognizeWhenPreviousSecretFromAnotherAddressWithinGracePeriodThenStolen() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(first.rotate(random), BROWSER, NOW);

        assertThat(device.recognize(first, new Origin("198.51.100.9", BROWSER.userAgent()), NOW, GRACE))
                .isEqualTo(Recognition.STOLEN);
    }

    @Test
    void recognizeWhenPreviousSecretFromAnotherUserAgentAtTheSameAddressWithinGracePeriodThenStolen() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(first.rotate(random), BROWSER, NOW);

        assertThat(device.recognize(first, new Origin(BROWSER.clientAddress(), "curl/8.11"), NOW, GRACE))
                .isEqualTo(Recognition.STOLEN);
    }

    @Test
    void recognizeWhenPreviousSecretAfterAllGraceUsesThenStolen() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(first.rotate(random), BROWSER, NOW);
        for (int use = 0; use < GRACE.uses(); use++) {
            assertThat(device.recognize(first, BROWSER, NOW, GRACE))
                    .as("grace use %d", use + 1)
                    .isEqualTo(Recognition.JUST_ROTATED);
            device = device.graceUsed();
        }

        assertThat(device.graceUses()).isEqualTo(GRACE.uses());
        assertThat(device.recognize(first, BROWSER, NOW, GRACE)).isEqualTo(Recognition.STOLEN);
    }

    @Test
    void recognizeWhenPreviousSecretOfARecordFromBeforeTheNarrowGraceThenStolen() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberMeToken second = first.rotate(random);
        RememberedBrowser legacy = new RememberedBrowser(
                first.series(),
                userId,
                second.secretHash(),
                first.secretHash(),
                NOW,
                NOW.plus(LIFETIME),
                user.securityStamp(),
                NOW,
                Origin.unknown());

        assertThat(legacy.graceBrowser()).isNull();
        assertThat(legacy.recognize(first, BROWSER, NOW, GRACE)).isEqualTo(Recognition.STOLEN);
        assertThat(legacy.recognize(second, BROWSER, NOW, GRACE)).isEqualTo(Recognition.CURRENT);
    }

    @Test
    void rotatedToNotesAHashOfTheRotatingBrowserNotItsAddressOrUserAgentAndNoGraceUseYet() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberedBrowser rotated = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(first.rotate(random), BROWSER, NOW)
                .graceUsed()
                .rotatedTo(first.rotate(random), BROWSER, NOW.plusSeconds(60));

        assertThat(rotated.graceUses()).isZero();
        assertThat(rotated.graceBrowser())
                .isEqualTo(rotated.browserHash(BROWSER))
                .hasSize(43)
                .doesNotContain(BROWSER.clientAddress())
                .doesNotContain("Firefox");
        RememberedBrowser otherSeries =
                RememberedBrowser.remember(RememberMeToken.generate(random), user, Origin.unknown(), NOW, LIFETIME);
        assertThat(otherSeries.browserHash(BROWSER))
                .as("the same browser in another series")
                .isNotEqualTo(rotated.browserHash(BROWSER));
    }

    @Test
    void rotationGraceWhenNegativeThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RotationGrace(Duration.ofSeconds(-1), 3));
        assertThatIllegalArgumentException().isThrownBy(() -> new RotationGrace(Duration.ofSeconds(5), -1));
    }

    @Test
    void recognizeWhenAnOlderSecretThanThePreviousThenStolenEvenWithinGracePeriod() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberMeToken second = first.rotate(random);
        Instant lastRotation = NOW.plus(Duration.ofDays(2));
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(second, BROWSER, NOW.plus(Duration.ofDays(1)))
                .rotatedTo(second.rotate(random), BROWSER, lastRotation);

        assertThat(device.recognize(first, BROWSER, lastRotation.plusSeconds(1), GRACE))
                .isEqualTo(Recognition.STOLEN);
    }

    @Test
    void recognizeWhenNeverRotatedAndSecretDiffersThenStolen() {
        RememberMeToken token = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(token, user, Origin.unknown(), NOW, LIFETIME);

        assertThat(device.recognize(token.rotate(random), BROWSER, NOW.plusSeconds(1), GRACE))
                .isEqualTo(Recognition.STOLEN);
    }

    @Test
    void recognizeWhenGracePeriodZeroThenPreviousSecretIsStolenAtOnce() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME)
                .rotatedTo(first.rotate(random), BROWSER, NOW);

        assertThat(device.recognize(first, BROWSER, NOW, RotationGrace.none())).isEqualTo(Recognition.STOLEN);
    }

    @Test
    void recognizeJustBeforeExpiryThenCurrent() {
        RememberMeToken token = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(token, user, Origin.unknown(), NOW, LIFETIME);

        assertThat(device.recognize(token, BROWSER, NOW.plus(LIFETIME).minusNanos(1), GRACE))
                .isEqualTo(Recognition.CURRENT);
    }

    @Test
    void recognizeAtExpiresAtThenExpired() {
        RememberMeToken token = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(token, user, Origin.unknown(), NOW, LIFETIME);

        assertThat(device.recognize(token, BROWSER, device.expiresAt(), GRACE)).isEqualTo(Recognition.EXPIRED);
    }

    @Test
    void recognizeAfterExpiresAtThenExpired() {
        RememberMeToken token = RememberMeToken.generate(random);
        RememberedBrowser device = RememberedBrowser.remember(token, user, Origin.unknown(), NOW, LIFETIME);

        assertThat(device.recognize(token, BROWSER, device.expiresAt().plus(Duration.ofDays(400)), GRACE))
                .isEqualTo(Recognition.EXPIRED);
    }

    @Test
    void rotatedToKeepsExpiresAtSoUseNeverExtendsTheLifetime() {
        RememberMeToken first = RememberMeToken.generate(random);
        RememberMeToken second = first.rotate(random);
        RememberedBrowser original = RememberedBrowser.remember(first, user, Origin.unknown(), NOW, LIFETIME);
        Instant later = NOW.plus(Duration.ofDays(29));

        RememberedBrowser rotated = original.rotatedTo(second, BROWSER, later);

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

        assertThatIllegalArgumentException().isThrownBy(() -> device.recognize(other, BROWSER, NOW, GRACE));
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
        assertThat(kept.rotatedTo(RememberMeToken.generate(random), BROWSER, NOW)
                        .securityStamp())
                .as("rotation keeps the stamp")
                .isEqualTo(renewed.securityStamp());
    }
}
