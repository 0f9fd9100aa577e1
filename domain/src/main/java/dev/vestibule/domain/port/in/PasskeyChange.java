package dev.vestibule.domain.port.in;

/** What renaming or removing a passkey did. */
public enum PasskeyChange {
    DONE,
    /** The user has no passkey with that id (another user's id changes nothing). */
    NOT_FOUND,
    /** The new name is blank, too long or holds control characters. */
    INVALID_NAME,
    /** A removal without a fresh re-authentication: no current password while the window is closed, or a wrong one. */
    NOT_CONFIRMED,
    /** A removal whose current password was not even checked: too many wrong ones. */
    THROTTLED
}
