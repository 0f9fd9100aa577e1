package dev.vestibule.domain.model.event;

/** Every change of authentication state that is recorded (OWASP ASVS V16 security logging). */
public enum SecurityEventType {
    REGISTERED("Account created"),
    LOGIN_SUCCEEDED("Logged in"),
    LOGIN_FAILED("Failed login attempt"),
    LOGIN_THROTTLED("Login attempt refused: too many failures"),
    REMEMBER_ME_USED("Signed in by a remembered browser"),
    REMEMBER_ME_THEFT_DETECTED("Remembered login used from elsewhere: cancelled"),
    LOGGED_OUT("Logged out"),
    SESSION_EXPIRED("Session ended: maximum lifetime reached");

    private final String description;

    SecurityEventType(String description) {
        this.description = description;
    }

    /** What the account activity page says. */
    public String description() {
        return description;
    }
}
