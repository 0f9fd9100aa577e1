package dev.vestibule.domain.model.linktoken;

import java.time.Duration;
import java.util.Objects;

/** How long a mailed link works, per purpose: short, because a link is as good as a password while it lives. */
public record LinkLifetimes(Duration passwordReset, Duration emailConfirmation) {

    /** One hour to reset a password, a day to confirm an address. */
    public static final LinkLifetimes DEFAULT = new LinkLifetimes(Duration.ofHours(1), Duration.ofHours(24));

    public LinkLifetimes {
        requirePositive(passwordReset, "passwordReset");
        requirePositive(emailConfirmation, "emailConfirmation");
    }

    public Duration of(LinkPurpose purpose) {
        return switch (Objects.requireNonNull(purpose, "purpose")) {
            case PASSWORD_RESET -> passwordReset;
            case EMAIL_CONFIRMATION -> emailConfirmation;
        };
    }

    private static void requirePositive(Duration lifetime, String name) {
        Objects.requireNonNull(lifetime, name);
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive time");
        }
    }
}
