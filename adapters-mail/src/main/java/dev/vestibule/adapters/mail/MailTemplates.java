package dev.vestibule.adapters.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.vestibule.domain.model.mail.EmailConfirmationLink;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.model.mail.SecurityNotice;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Writes mails from the Mustache templates in {@code mail/} and the texts in {@code mail/mail-messages*.properties}
 * (English, German). The templates are compiled once; rendering is cheap and thread-safe. Each notice names what
 * happened, when, from which browser and address, and what to do if it was not the user.
 */
final class MailTemplates {

    static final String BUNDLE = "mail.mail-messages";

    private final String publicUrl;
    private final Template linkText;
    private final Template linkHtml;
    private final Template noticeText;
    private final Template noticeHtml;
    /** Loaded once: reading a bundle is file I/O, which no event loop may wait for. */
    private final Map<String, ResourceBundle> bundles = new LinkedHashMap<>();

    MailTemplates(String publicUrl) {
        this.publicUrl = publicUrl;
        Mustache.Compiler text = Mustache.compiler().escapeHTML(false).defaultValue("");
        Mustache.Compiler html = Mustache.compiler().defaultValue("");
        this.linkText = text.compile(read("mail/link.txt.mustache"));
        this.linkHtml = html.compile(read("mail/link.html.mustache"));
        this.noticeText = text.compile(read("mail/notice.txt.mustache"));
        this.noticeHtml = html.compile(read("mail/notice.html.mustache"));
        for (String language : Mail.LANGUAGES) {
            bundles.put(
                    language,
                    ResourceBundle.getBundle(
                            BUNDLE,
                            Locale.forLanguageTag(language),
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
    }

    RenderedMail render(Mail mail) {
        Locale locale = Locale.forLanguageTag(mail.languageTag());
        ResourceBundle messages = bundles.get(mail.languageTag());
        Map<String, Object> model = new LinkedHashMap<>();
        String kind = mail.kind().name();
        String subject = messages.getString("subject." + kind);
        model.put("lang", mail.languageTag());
        model.put("subject", subject);
        model.put(
                "greeting",
                messages.getString("greeting")
                        .replace("{username}", mail.username().value()));
        model.put(
                "footer", messages.getString("footer").replace("{to}", mail.to().value()));
        if (mail instanceof SecurityNotice notice) {
            model.put("what", messages.getString("notice." + kind + ".what"));
            model.put("advice", messages.getString("notice." + kind + ".advice"));
            model.put("whenLabel", messages.getString("notice.when"));
            model.put(
                    "when",
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                                    .withLocale(locale)
                                    .format(notice.at().atZone(ZoneOffset.UTC))
                            + " UTC");
            model.put("browserLabel", messages.getString("notice.browser"));
            model.put(
                    "browser",
                    notice.origin().userAgent().isBlank()
                            ? messages.getString("notice.unknown")
                            : notice.origin().userAgent());
            model.put("addressLabel", messages.getString("notice.address"));
            model.put("address", notice.origin().clientAddress());
            if (notice.notice() != SecurityNotice.Notice.ACCOUNT_DELETED) {
                model.put(
                        "sessions",
                        Map.of("label", messages.getString("notice.sessions"), "url", publicUrl + "/account/sessions"));
            }
            return new RenderedMail(subject, noticeText.execute(model), noticeHtml.execute(model));
        }
        String link;
        Duration validFor;
        if (mail instanceof PasswordResetLink reset) {
            link = reset.link();
            validFor = reset.validFor();
        } else {
            EmailConfirmationLink confirmation = (EmailConfirmationLink) mail;
            link = confirmation.link();
            validFor = confirmation.validFor();
        }
        model.put(
                "intro",
                messages.getString("link." + kind + ".intro")
                        .replace("{to}", mail.to().value()));
        model.put("action", messages.getString("link." + kind + ".action"));
        model.put("link", link);
        model.put("validity", messages.getString("link.valid").replace("{validFor}", duration(validFor, messages)));
        model.put("ignore", messages.getString("link." + kind + ".ignore"));
        return new RenderedMail(subject, linkText.execute(model), linkHtml.execute(model));
    }

    /** "1 hour", "24 hours", "30 minutes": links live whole hours or minutes. */
    static String duration(Duration duration, ResourceBundle messages) {
        long minutes = Math.max(1, duration.toMinutes());
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours == 1
                    ? messages.getString("duration.hour")
                    : messages.getString("duration.hours").replace("{n}", String.valueOf(hours));
        }
        return minutes == 1
                ? messages.getString("duration.minute")
                : messages.getString("duration.minutes").replace("{n}", String.valueOf(minutes));
    }

    private static String read(String resource) {
        InputStream stream = MailTemplates.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("mail template missing: " + resource);
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            StringBuilder content = new StringBuilder();
            char[] buffer = new char[4096];
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                content.append(buffer, 0, read);
            }
            return content.toString();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
