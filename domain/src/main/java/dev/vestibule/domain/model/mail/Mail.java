package dev.vestibule.domain.model.mail;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A mail the service owes a user: what to tell whom, in which language. The wording (subject, text and HTML
 * parts) is the mail adapter's; the core decides only that a mail is due and what it must say.
 */
public sealed interface Mail permits PasswordResetLink, EmailConfirmationLink, SecurityNotice {

    /** The languages mails are written in; the first is the fallback. */
    List<String> LANGUAGES = List.of("en", "de");

    /** The user the mail is about (kept after the user is deleted, for the deletion notice). */
    UserId userId();

    /** Where the mail goes. */
    EmailAddress to();

    /** How the mail addresses the user. */
    Username username();

    /** One of {@link #LANGUAGES}. */
    String languageTag();

    /** What kind of mail this is, for the outbox (discarding a deleted user's mails but one kind). */
    MailKind kind();

    /**
     * The supported language closest to {@code requested} (a BCP 47 tag such as "de-CH"), or the fallback:
     * what a caller turns a browser's preference into.
     */
    static String language(String requested) {
        if (requested != null) {
            String primary = Locale.forLanguageTag(requested.strip()).getLanguage();
            if (LANGUAGES.contains(primary)) {
                return primary;
            }
        }
        return LANGUAGES.get(0);
    }

    /** Checks the parts every mail has; the records call it from their compact constructors. */
    static void requireValid(UserId userId, EmailAddress to, Username username, String languageTag) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(languageTag, "languageTag");
        if (!LANGUAGES.contains(languageTag)) {
            throw new IllegalArgumentException("mails are written in " + LANGUAGES + ", not " + languageTag);
        }
    }

    /** A link in a mail is absolute http(s) (built from the public URL, never from a request's Host). */
    static void requireLink(String link, Duration validFor) {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(validFor, "validFor");
        URI uri;
        try {
            uri = new URI(link);
        } catch (java.net.URISyntaxException malformed) {
            // Not the link itself: it carries a token.
            throw new IllegalArgumentException("the link is not a URI");
        }
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("a link in a mail must be an absolute http(s) URL");
        }
        if (validFor.isNegative() || validFor.isZero()) {
            throw new IllegalArgumentException("a link must be valid for a positive time");
        }
    }

    /** What {@code toString} prints instead of a link, which carries a token. */
    String REDACTED = "<redacted>";
}
