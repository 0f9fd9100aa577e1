package dev.vestibule.bootstrap.cluster;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.mail.SmtpServer;
import dev.vestibule.bootstrap.support.Eventually;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Forgot your password?" in a real browser through the local cluster (HAProxy, TLS, three instances, no sticky
 * sessions): the link from the login page, the mail at the cluster's SMTP server (GreenMail), its link opened in
 * the browser, a new password; meanwhile a second browser signed in to the account is signed out, and the new
 * password logs in.
 */
@ExtendWith(LocalClusterExtension.class)
class PasswordResetJourneyIT {

    private static final String NEW_PASSWORD = "marble kettle summit 31";

    private final LocalCluster cluster;

    PasswordResetJourneyIT(LocalCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void forgotPasswordMailLinkNewPasswordTheOtherBrowserIsSignedOutTheNewPasswordLogsIn() throws Exception {
        String username = uniqueUsername("Journey");
        try (HeadlessChromium elsewhere = new HeadlessChromium(cluster.baseUrl());
                HeadlessChromium forgetful = new HeadlessChromium(cluster.baseUrl())) {
            elsewhere.open("/register");
            elsewhere.fillSignUp(username);
            elsewhere.submit("form[action='/register']");
            assertThat(elsewhere.signedInAs()).isEqualTo(username);

            forgetful.open("/login");
            forgetful.clickLink("Forgot your password?");
            assertThat(forgetful.path()).isEqualTo("/password-reset");
            assertThat(forgetful.heading()).isEqualTo("Forgot your password?");
            forgetful.fill("email", emailOf(username));
            forgetful.submit("form[action='/password-reset']");
            assertThat(forgetful.heading()).isEqualTo("Check your mail");

            String link = awaitResetLink(emailOf(username));
            assertThat(link).startsWith(cluster.baseUrl() + "/password-reset/");
            forgetful.openUrl(link);
            assertThat(forgetful.heading()).isEqualTo("Choose a new password");
            forgetful.fill("password", NEW_PASSWORD);
            forgetful.fill("password2", NEW_PASSWORD);
            forgetful.submit("form.stacked");
            assertThat(forgetful.path()).isEqualTo("/login");
            assertThat(forgetful.flashes())
                    .containsExactly(
                            "Your password has been changed and every browser signed in to your account has been signed out. Please log in with your new password.");

            elsewhere.open("/top-secret");
            assertThat(elsewhere.path()).as("the other browser is signed out").isEqualTo("/login");
            assertThat(elsewhere.signedInAs()).isEmpty();

            forgetful.fill("username", username);
            forgetful.fill("password", PASSWORD);
            forgetful.submit("form[action='/login']");
            assertThat(forgetful.flashes()).containsExactly("Invalid username or password.");
            forgetful.fill("username", username);
            forgetful.fill("password", NEW_PASSWORD);
            forgetful.submit("form[action='/login']");
            assertThat(forgetful.flashes()).containsExactly("Welcome back, " + username + "!");
            assertThat(forgetful.signedInAs()).isEqualTo(username);

            forgetful.openUrl(link);
            assertThat(forgetful.heading()).as("the link worked once").isEqualTo("This link no longer works");
        }
    }

    private String awaitResetLink(String recipient) {
        Pattern link = Pattern.compile(Pattern.quote(cluster.baseUrl()) + "/password-reset/[A-Za-z0-9_-]{43}");
        return Eventually.within(
                        Duration.ofSeconds(30),
                        System.nanoTime(),
                        "the reset mail to " + recipient + " arrives at the cluster's SMTP server",
                        () -> Arrays.stream(cluster.smtp().received())
                                .filter(message -> isTo(message, recipient))
                                .map(message -> {
                                    try {
                                        Matcher found = link.matcher(SmtpServer.partText(message, "text/plain"));
                                        return found.find() ? found.group() : null;
                                    } catch (Exception unreadable) {
                                        throw new IllegalStateException(unreadable);
                                    }
                                })
                                .filter(found -> found != null)
                                .findFirst()
                                .orElse(null),
                        found -> found != null)
                .answer();
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> address.toString().equals(recipient));
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
