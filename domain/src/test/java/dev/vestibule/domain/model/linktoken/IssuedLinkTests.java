package dev.vestibule.domain.model.linktoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vestibule.domain.model.linktoken.IssuedLink.Redeemability;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssuedLinkTests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
    private static final EmailAddress OLD = new EmailAddress("old@example.com");
    private static final EmailAddress NEW = new EmailAddress("new@example.com");

    private final User user = User.registerWithPassword(new Username("ada"), OLD, new PasswordHash("{test}x"), NOW);

    @Test
    void issueStoresTheHashOfTheTokenNeverTheToken() {
        LinkToken token = LinkToken.generate(RANDOM);

        IssuedLink link = IssuedLink.issue(token, LinkPurpose.PASSWORD_RESET, user.id(), OLD, NOW, Duration.ofHours(1));

        assertThat(link.tokenHash()).isEqualTo(token.hash()).isNotEqualTo(token.value());
        assertThat(link.toString()).doesNotContain(token.value());
    }

    @Test
    void resetLinkWorksUntilJustBeforeItsLifetimeEnds() {
        IssuedLink link = resetLinkSentTo(OLD, Duration.ofHours(1));

        assertThat(link.redeemableBy(user, NOW)).isEqualTo(Redeemability.REDEEMABLE);
        assertThat(link.redeemableBy(user, NOW.plus(Duration.ofHours(1)).minusNanos(1)))
                .isEqualTo(Redeemability.REDEEMABLE);
        assertThat(link.lifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void resetLinkExpiresAtTheEndOfItsLifetime() {
        IssuedLink link = resetLinkSentTo(OLD, Duration.ofHours(1));

        assertThat(link.isExpiredAt(NOW.plus(Duration.ofHours(1)))).isTrue();
        assertThat(link.redeemableBy(user, NOW.plus(Duration.ofHours(1)))).isEqualTo(Redeemability.EXPIRED);
        assertThat(link.redeemableBy(user, NOW.plus(Duration.ofDays(3)))).isEqualTo(Redeemability.EXPIRED);
    }

    @Test
    void confirmationLinkLivesItsOwnLongerLifetime() {
        Duration lifetime = LinkLifetimes.DEFAULT.of(LinkPurpose.EMAIL_CONFIRMATION);
        IssuedLink link = IssuedLink.issue(
                LinkToken.generate(RANDOM), LinkPurpose.EMAIL_CONFIRMATION, user.id(), OLD, NOW, lifetime);

        assertThat(link.redeemableBy(user, NOW.plus(Duration.ofHours(23)))).isEqualTo(Redeemability.REDEEMABLE);
        assertThat(link.redeemableBy(user, NOW.plus(Duration.ofHours(24)))).isEqualTo(Redeemability.EXPIRED);
    }

    @Test
    void resetLinkSentToTheOldAddressDoesNotWorkOnceTheUsersAddressIsDifferent() {
        IssuedLink link = resetLinkSentTo(OLD, Duration.ofHours(1));
        User moved = User.restore(
                user.id(),
                user.username(),
                NEW,
                user.passwordHash().orElseThrow(),
                List.of(),
                true,
                NOW,
                user.securityStamp(),
                user.isEmailConfirmed());

        assertThat(link.redeemableBy(moved, NOW)).isEqualTo(Redeemability.ADDRESS_CHANGED);
    }

    @Test
    void confirmationLinkSentToANewAddressWorksWhileTheAccountStillHasTheOldOne() {
        // It confirms the address it was sent to: that address is not the account's yet.
        IssuedLink link = IssuedLink.issue(
                LinkToken.generate(RANDOM), LinkPurpose.EMAIL_CONFIRMATION, user.id(), NEW, NOW, Duration.ofHours(24));

        assertThat(link.redeemableBy(user, NOW)).isEqualTo(Redeemability.REDEEMABLE);
        assertThat(link.sentTo()).isEqualTo(NEW);
    }

    @Test
    void linkOfAnotherUserIsNotRedeemable() {
        IssuedLink link = resetLinkSentTo(OLD, Duration.ofHours(1));
        User other = User.registerWithPassword(new Username("eve"), OLD, new PasswordHash("{test}y"), NOW);

        assertThat(link.redeemableBy(other, NOW)).isEqualTo(Redeemability.OTHER_USER);
    }

    @Test
    void linkOfADisabledAccountIsNotRedeemable() {
        IssuedLink link = resetLinkSentTo(OLD, Duration.ofHours(1));

        assertThat(link.redeemableBy(user.deactivated(), NOW)).isEqualTo(Redeemability.ACCOUNT_INACTIVE);
    }

    @Test
    void purposesBindAddressesDifferently() {
        assertThat(LinkPurpose.PASSWORD_RESET.requiresCurrentAddress()).isTrue();
        assertThat(LinkPurpose.EMAIL_CONFIRMATION.requiresCurrentAddress()).isFalse();
    }

    @Test
    void linkMustLiveAPositiveTime() {
        assertThatThrownBy(() -> resetLinkSentTo(OLD, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> resetLinkSentTo(OLD, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lifetimesDefaultToAnHourForResetAndADayForConfirmation() {
        assertThat(LinkLifetimes.DEFAULT.of(LinkPurpose.PASSWORD_RESET)).isEqualTo(Duration.ofHours(1));
        assertThat(LinkLifetimes.DEFAULT.of(LinkPurpose.EMAIL_CONFIRMATION)).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> new LinkLifetimes(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkLifetimes(Duration.ofHours(1), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private IssuedLink resetLinkSentTo(EmailAddress to, Duration lifetime) {
        return IssuedLink.issue(LinkToken.generate(RANDOM), LinkPurpose.PASSWORD_RESET, user.id(), to, NOW, lifetime);
    }
}
