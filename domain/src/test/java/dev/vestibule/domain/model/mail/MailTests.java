package dev.vestibule.domain.model.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.mail.SecurityNotice.Notice;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailTests {

    private static final UserId USER = UserId.random();
    private static final EmailAddress TO = new EmailAddress("alice@example.com");
    private static final Username NAME = new Username("alice");
    private static final String LINK = "https://vestibule.example/password-reset/c2VjcmV0LXRva2VuLXZhbHVl";

    @Test
    void passwordResetLinkToStringNeverShowsTheLink() {
        var mail = new PasswordResetLink(USER, TO, NAME, "en", LINK, Duration.ofHours(1));

        assertThat(mail.toString())
                .doesNotContain("c2VjcmV0")
                .doesNotContain("password-reset/")
                .contains("link=<redacted>")
                .contains("alice@example.com")
                .contains("PT1H");
        assertThat(mail.link()).isEqualTo(LINK);
    }

    @Test
    void emailConfirmationLinkToStringNeverShowsTheLink() {
        var mail = new EmailConfirmationLink(USER, TO, NAME, "de", LINK, Duration.ofHours(24));

        assertThat(mail.toString()).doesNotContain("c2VjcmV0").contains("link=<redacted>");
    }

    @Test
    void linksAreCompared() {
        assertThat(new PasswordResetLink(USER, TO, NAME, "en", LINK, Duration.ofHours(1)))
                .isEqualTo(new PasswordResetLink(USER, TO, NAME, "en", LINK, Duration.ofHours(1)))
                .isNotEqualTo(new PasswordResetLink(USER, TO, NAME, "en", LINK + "x", Duration.ofHours(1)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/password-reset/abc", "javascript:alert(1)", "ftp://example.com/x", "https://", "not a uri"})
    void linkWhenNotAbsoluteHttpThenRefusedWithoutEchoingIt(String link) {
        assertThatThrownBy(() -> new PasswordResetLink(USER, TO, NAME, "en", link, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(link));
    }

    @Test
    void linkWhenValidForNotPositiveThenRefused() {
        assertThatThrownBy(() -> new EmailConfirmationLink(USER, TO, NAME, "en", LINK, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailConfirmationLink(USER, TO, NAME, "en", LINK, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "EN", "de-DE", ""})
    void languageWhenNotOneOfTheMailLanguagesThenRefused(String languageTag) {
        assertThatThrownBy(() -> new PasswordResetLink(USER, TO, NAME, languageTag, LINK, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void languagePicksTheClosestMailLanguageOrEnglish() {
        assertThat(Mail.language("de-CH")).isEqualTo("de");
        assertThat(Mail.language("DE")).isEqualTo("de");
        assertThat(Mail.language("en-GB")).isEqualTo("en");
        assertThat(Mail.language("fr")).isEqualTo("en");
        assertThat(Mail.language(null)).isEqualTo("en");
        assertThat(Mail.language("!!")).isEqualTo("en");
    }

    @Test
    void everyPartIsRequired() {
        Origin origin = new Origin("203.0.113.7", "Firefox");
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        assertThatThrownBy(() -> new SecurityNotice(null, TO, NAME, "en", Notice.PASSWORD_CHANGED, at, origin))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SecurityNotice(USER, null, NAME, "en", Notice.PASSWORD_CHANGED, at, origin))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SecurityNotice(USER, TO, null, "en", Notice.PASSWORD_CHANGED, at, origin))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SecurityNotice(USER, TO, NAME, "en", null, at, origin))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SecurityNotice(USER, TO, NAME, "en", Notice.PASSWORD_CHANGED, null, origin))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SecurityNotice(USER, TO, NAME, "en", Notice.PASSWORD_CHANGED, at, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PasswordResetLink(USER, TO, NAME, "en", null, Duration.ofHours(1)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void everyNoticeHasAKindOfItsOwnAndEveryKindBelongsToOneMail() {
        Set<MailKind> noticeKinds = Arrays.stream(Notice.values())
                .map(MailKind::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(MailKind.class)));

        assertThat(noticeKinds)
                .hasSize(Notice.values().length)
                .doesNotContain(MailKind.PASSWORD_RESET_LINK, MailKind.EMAIL_CONFIRMATION_LINK);
        assertThat(noticeKinds.size() + 2).isEqualTo(MailKind.values().length);
        assertThat(new PasswordResetLink(USER, TO, NAME, "en", LINK, Duration.ofHours(1)).kind())
                .isEqualTo(MailKind.PASSWORD_RESET_LINK);
        assertThat(new EmailConfirmationLink(USER, TO, NAME, "en", LINK, Duration.ofHours(1)).kind())
                .isEqualTo(MailKind.EMAIL_CONFIRMATION_LINK);
        assertThat(new SecurityNotice(USER, TO, NAME, "de", Notice.ACCOUNT_DELETED, Instant.EPOCH, Origin.unknown())
                        .kind())
                .isEqualTo(MailKind.ACCOUNT_DELETED_NOTICE);
    }
}
