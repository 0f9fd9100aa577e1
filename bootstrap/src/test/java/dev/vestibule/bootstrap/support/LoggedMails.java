package dev.vestibule.bootstrap.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The mails that instances without an SMTP server write to the log (the embedded default's mail), captured from
 * the mail adapter's logger, for journeys that must follow a mailed link. Whichever instance of the shared
 * database delivers a mail, it logs in this JVM. Create it after the instances started: Spring Boot's logging
 * set-up resets every logger's appenders.
 */
public final class LoggedMails implements AutoCloseable {

    private static final String LOGGER = "dev.vestibule.adapters.mail.LoggingMailSender";

    private final Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    public LoggedMails() {
        lines.start();
        logger.addAppender(lines);
    }

    /** The first link under {@code path} (e.g. "/password-reset/") in a mail to {@code recipient}, waiting for it. */
    public String awaitLink(String recipient, String path, Duration within) {
        Pattern link = Pattern.compile("https?://[^\\s]*" + Pattern.quote(path) + "[A-Za-z0-9_-]+");
        return Eventually.within(
                        within,
                        System.nanoTime(),
                        "a mail to " + recipient + " with a link under " + path + " is logged",
                        () -> find(recipient, link),
                        Optional::isPresent)
                .answer()
                .orElseThrow();
    }

    private Optional<String> find(String recipient, Pattern link) {
        List<ILoggingEvent> logged;
        synchronized (lines) {
            logged = List.copyOf(lines.list);
        }
        for (ILoggingEvent line : logged) {
            String text = line.getFormattedMessage();
            if (text.startsWith("Mail to " + recipient + " ")) {
                Matcher found = link.matcher(text);
                if (found.find()) {
                    return Optional.of(found.group());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        logger.detachAppender(lines);
    }
}
