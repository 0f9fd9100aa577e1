package dev.vestibule.adapters.web.wellknown;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code /.well-known/security.txt} says (RFC 9116): whom to tell about a vulnerability, until when the file
 * holds, in which languages, and where its canonical copy is. Without a contact there is no file: a made-up
 * contact would send reports nowhere.
 *
 * @param contacts  the {@code vestibule.security-contact} setting: one or more URIs (mailto:, https:, tel:) or email
 *                  addresses, comma-separated; empty when unset
 * @param publicUrl the site's address as users reach it, for the Canonical field
 * @param validFor  how far in the future Expires lies, counted from the start of the current UTC day
 */
public record SecurityTxt(List<URI> contacts, URI publicUrl, Duration validFor) {

    /** RFC 9116 recommends less than a year; a quarter keeps the file fresh without daily churn. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(90);

    public SecurityTxt {
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(validFor, "validFor");
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("security.txt should expire within a year (RFC 9116 2.5.5)");
        }
    }

    /** Reads the setting: blank means no contact; an address without a scheme is a mailto: URI. */
    public static SecurityTxt of(String contactSetting, String publicUrl) {
        List<URI> contacts = contactSetting == null
                ? List.of()
                : Arrays.stream(contactSetting.split(","))
                        .map(String::strip)
                        .filter(contact -> !contact.isEmpty())
                        .map(SecurityTxt::contactUri)
                        .toList();
        return new SecurityTxt(contacts, URI.create(publicUrl), DEFAULT_VALIDITY);
    }

    private static URI contactUri(String contact) {
        String lower = contact.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mailto:") || lower.startsWith("https://") || lower.startsWith("tel:")) {
            return URI.create(contact);
        }
        if (!lower.contains(":") && contact.indexOf('@') > 0) {
            return URI.create("mailto:" + contact);
        }
        // RFC 9116 2.5.3: a web contact must use https.
        throw new IllegalArgumentException(
                "vestibule.security-contact takes mailto:, https: or tel: URIs or email addresses, was " + contact);
    }

    /** The file as of now, or empty when no contact is configured. */
    public Optional<String> render(Clock clock) {
        if (contacts.isEmpty()) {
            return Optional.empty();
        }
        Instant expires = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(validFor);
        StringBuilder text = new StringBuilder();
        contacts.forEach(contact -> text.append("Contact: ").append(contact).append('\n'));
        text.append("Expires: ").append(expires).append('\n');
        text.append("Preferred-Languages: en, de\n");
        text.append("Canonical: ")
                .append(publicUrl.resolve("/.well-known/security.txt"))
                .append('\n');
        return Optional.of(text.toString());
    }
}
