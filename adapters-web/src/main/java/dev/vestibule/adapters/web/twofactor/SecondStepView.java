package dev.vestibule.adapters.web.twofactor;

/**
 * What the second step's page sees: the error of the last try (empty if none) and whether to offer the passkey
 * (the user has one).
 */
record SecondStepView(String error, boolean passkeyOffered) {

    boolean invalid() {
        return !error.isEmpty();
    }
}
