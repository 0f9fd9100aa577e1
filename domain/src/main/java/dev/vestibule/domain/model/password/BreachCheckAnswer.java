package dev.vestibule.domain.model.password;

import java.util.Optional;

/** What the breach check said about one password (see {@code port.out.BreachedPasswords}). */
public enum BreachCheckAnswer {
    /** The password was seen in a breach: attackers try it. */
    BREACHED,
    NOT_BREACHED,
    /** The corpus did not answer (timeout, error, unreadable answer): nobody knows. */
    UNAVAILABLE;

    /**
     * The refusal this answer means, if any. An unavailable check refuses only when the deployment chose to fail
     * closed; failing open (the default) accepts the password, which the bundled common-password list has already
     * judged, so an outage of somebody else's service does not stop sign-ups.
     */
    public Optional<PasswordRejection> rejection(WhenBreachCheckUnavailable whenUnavailable) {
        return switch (this) {
            case BREACHED -> Optional.of(new PasswordRejection.Breached());
            case NOT_BREACHED -> Optional.empty();
            case UNAVAILABLE ->
                whenUnavailable == WhenBreachCheckUnavailable.REFUSE
                        ? Optional.of(new PasswordRejection.BreachCheckUnavailable())
                        : Optional.empty();
        };
    }
}
