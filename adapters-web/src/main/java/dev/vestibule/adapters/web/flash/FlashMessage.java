package dev.vestibule.adapters.web.flash;

import java.util.Objects;
import java.util.Optional;

/**
 * A message for the next page a browser sees. Stored in the session as plain text ("category:text"),
 * not as an object, so that any instance and any later release reads it without class-aware
 * deserialization.
 */
public record FlashMessage(FlashCategory category, String text) {

    private static final char SEPARATOR = ':';

    public FlashMessage {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(text, "text");
    }

    String encode() {
        return category.name() + SEPARATOR + text;
    }

    static Optional<FlashMessage> decode(Object stored) {
        if (!(stored instanceof String encoded) || encoded.indexOf(SEPARATOR) < 0) {
            return Optional.empty();
        }
        String name = encoded.substring(0, encoded.indexOf(SEPARATOR));
        for (FlashCategory category : FlashCategory.values()) {
            if (category.name().equals(name)) {
                return Optional.of(new FlashMessage(category, encoded.substring(name.length() + 1)));
            }
        }
        return Optional.empty();
    }

    /** For templates: problems interrupt a screen reader ("alert"), news waits its turn ("status"). */
    public String ariaRole() {
        return category == FlashCategory.DANGER || category == FlashCategory.WARNING ? "alert" : "status";
    }

    /** For templates: the CSS class of the category. */
    public String cssClass() {
        return category.cssClass();
    }
}
