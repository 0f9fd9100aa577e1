package dev.vestibule.adapters.web.flash;

/** The kind of a flash message, also its CSS class. */
public enum FlashCategory {
    SUCCESS,
    INFO,
    WARNING,
    DANGER;

    String cssClass() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
