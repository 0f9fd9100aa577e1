package dev.vestibule.adapters.mail;

import java.net.URI;
import java.util.Objects;

/**
 * What the mail adapter needs to know of the configuration, handed over by bootstrap.
 *
 * @param from      the sender, e.g. {@code Vestibule <no-reply@example.com>} ({@code vestibule.mail.from})
 * @param publicUrl the site's address as users reach it, for the links a notice carries ({@code vestibule.public-url})
 * @param threads   SMTP conversations at once: each holds a thread of the adapter's own pool
 * @param queueSize mails that may wait for one of those threads; beyond it a send fails, and the outbox retries it
 */
public record MailSettings(String from, String publicUrl, int threads, int queueSize) {

    public MailSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(publicUrl, "publicUrl");
        URI uri = URI.create(publicUrl);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "vestibule.public-url must be an absolute http(s) URL, was " + publicUrl);
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        if (threads < 1 || queueSize < 1) {
            throw new IllegalArgumentException("the mail pool needs at least one thread and one place in its queue");
        }
    }
}
