package dev.vestibule.domain.model.mail;

/** The kinds of mail, one per link and one per security notice: what the outbox stores beside each mail. */
public enum MailKind {
    PASSWORD_RESET_LINK,
    EMAIL_CONFIRMATION_LINK,
    PASSWORD_CHANGED_NOTICE,
    PASSWORD_RESET_NOTICE,
    EMAIL_CHANGE_REQUESTED_NOTICE,
    ACCOUNT_DELETED_NOTICE,
    REMEMBERED_BROWSER_THEFT_NOTICE,
    RECOVERY_CODE_USED_NOTICE,
    SECOND_FACTOR_CHANGED_NOTICE;

    /** The kind of a security notice. */
    public static MailKind of(SecurityNotice.Notice notice) {
        return switch (notice) {
            case PASSWORD_CHANGED -> PASSWORD_CHANGED_NOTICE;
            case PASSWORD_RESET -> PASSWORD_RESET_NOTICE;
            case EMAIL_CHANGE_REQUESTED -> EMAIL_CHANGE_REQUESTED_NOTICE;
            case ACCOUNT_DELETED -> ACCOUNT_DELETED_NOTICE;
            case REMEMBERED_BROWSER_THEFT -> REMEMBERED_BROWSER_THEFT_NOTICE;
            case RECOVERY_CODE_USED -> RECOVERY_CODE_USED_NOTICE;
            case SECOND_FACTOR_CHANGED -> SECOND_FACTOR_CHANGED_NOTICE;
        };
    }
}
