package dev.vestibule.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.SecurityNotice.Notice;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailTemplatesTests {

    private final MailTemplates templates = new MailTemplates("https://vestibule.example");

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void everyKindRendersASubjectATextAndAnHtmlPartWithNothingLeftUnfilled(String language) {
        for (Mail mail : TestMails.everyKind(language)) {
            RenderedMail rendered = templates.render(mail);

            assertThat(rendered.subject()).as("%s", mail.kind()).isNotBlank().doesNotContain("{");
            assertThat(rendered.text()).contains("alice").doesNotContain("{{").doesNotContain("{username}");
            assertThat(rendered.html())
                    .startsWith("<!DOCTYPE html>")
                    .contains("lang=\"" + language + "\"")
                    .doesNotContain("{{")
                    .doesNotContain("{to}");
        }
    }

    @Test
    void theGermanBundleHasEveryKeyTheEnglishHas() throws Exception {
        Properties english = new Properties();
        Properties german = new Properties();
        try (var in = getClass().getResourceAsStream("/mail/mail-messages.properties");
                var de = getClass().getResourceAsStream("/mail/mail-messages_de.properties")) {
            english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            german.load(new java.io.InputStreamReader(de, java.nio.charset.StandardCharsets.UTF_8));
        }

        assertThat(german.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }

    @Test
    void aResetLinkMailCarriesTheLinkItsLifetimeAndWhatToDoIfItWasNotTheUser() {
        RenderedMail english = templates.render(TestMails.reset("en"));
        RenderedMail german = templates.render(TestMails.reset("de"));

        assertThat(english.subject()).isEqualTo("Reset your Vestibule password");
        assertThat(english.text())
                .contains("Hello alice,")
                .contains(TestMails.RESET_LINK)
                .contains("The link works once, for 1 hour.")
                .contains("If you did not ask for this");
        assertThat(english.html())
                .contains("href=\"https://vestibule.example/password-reset/Zm9vYmFyLXRva2Vu?x&#x3D;1&amp;y&#x3D;2\"");
        assertThat(german.subject()).isEqualTo("Vestibule-Passwort zurücksetzen");
        assertThat(german.text()).contains("Hallo alice,").contains("1 Stunde lang");
    }

    @Test
    void aConfirmationMailNamesTheAddressAndLastsItsHours() {
        RenderedMail rendered = templates.render(TestMails.confirmation("en"));

        assertThat(rendered.text())
                .contains("confirm that alice@example.com is your email address")
                .contains(TestMails.CONFIRMATION_LINK)
                .contains("for 24 hours");
    }

    @Test
    void aNoticeSaysWhatWhenFromWhichBrowserAndAddressAndLinksTheSessionsPage() {
        RenderedMail rendered = templates.render(TestMails.notice("en", Notice.PASSWORD_CHANGED));

        assertThat(rendered.subject()).isEqualTo("Your Vestibule password was changed");
        assertThat(rendered.text())
                .contains("The password of your account was changed.")
                .contains("When: Dec 7, 2026, 10:15:30")
                .contains("UTC")
                .contains("Browser (as it reported itself): Mozilla/5.0 <script>alert(1)</script> Firefox/128.0")
                .contains("Address: 203.0.113.42")
                .contains("If this was not you")
                .contains("https://vestibule.example/account/sessions");
        assertThat(rendered.html())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;")
                .contains("href=\"https://vestibule.example/account/sessions\"");
    }

    @Test
    void theDeletionNoticeLinksNoSessionsPageTheAccountIsGone() {
        RenderedMail rendered = templates.render(TestMails.notice("de", Notice.ACCOUNT_DELETED));

        assertThat(rendered.subject()).isEqualTo("Ihr Vestibule-Konto wurde gelöscht");
        assertThat(rendered.text())
                .doesNotContain("/account/sessions")
                .contains("Wann: ")
                .contains("Adresse: 203.0.113.42");
    }

    @Test
    void renderedMailToStringShowsNoPart() {
        assertThat(templates.render(TestMails.reset("en")).toString()).doesNotContain("Zm9vYmFy");
    }
}
