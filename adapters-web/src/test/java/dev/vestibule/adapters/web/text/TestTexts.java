package dev.vestibule.adapters.web.text;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** The site's bundles as the application reads them, for tests that check a text without a request. */
public final class TestTexts {

    private static final MessageSource MESSAGES = new TextConfiguration().messageSource();

    private TestTexts() {}

    public static Texts in(Locale locale) {
        return new Texts(MESSAGES, locale);
    }

    public static String english(Text text) {
        return in(Locale.ENGLISH).get(text);
    }
}
