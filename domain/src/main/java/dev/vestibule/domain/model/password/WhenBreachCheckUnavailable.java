package dev.vestibule.domain.model.password;

/** What a new password gets when the breach check cannot answer: the deployment's fail-open or fail-closed choice. */
public enum WhenBreachCheckUnavailable {
    /** Fail open: the password is judged by the rest of the policy alone. */
    ACCEPT,
    /** Fail closed: the password is refused for now, and the user asked to try again in a moment. */
    REFUSE
}
