package dev.vestibule.adapters.web.text;

import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.login.LoginOutcome;
import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.user.EmailRejection;
import dev.vestibule.domain.model.user.UsernameRejection;
import dev.vestibule.domain.port.in.PasswordResetOutcome;
import dev.vestibule.domain.port.in.RegistrationProblem;

/**
 * The words for every typed reason the core returns: the one place that maps them to keys of the bundles,
 * with the data they carry as the message's arguments (the core itself writes no text).
 */
public final class ReasonTexts {

    private ReasonTexts() {}

    public static Text of(RegistrationProblem problem) {
        if (problem instanceof RegistrationProblem.InvalidUsername invalid) {
            return of(invalid.reason());
        }
        if (problem instanceof RegistrationProblem.UsernameTaken) {
            return Text.of("problem.username.taken");
        }
        if (problem instanceof RegistrationProblem.InvalidEmail invalid) {
            return of(invalid.reason());
        }
        if (problem instanceof RegistrationProblem.EmailTaken) {
            return Text.of("problem.email.taken");
        }
        if (problem instanceof RegistrationProblem.PasswordMissing) {
            return Text.of("problem.password.missing");
        }
        if (problem instanceof RegistrationProblem.WeakPassword weak) {
            return of(weak.reason());
        }
        if (problem instanceof RegistrationProblem.PasswordsDiffer) {
            return Text.of("problem.password.differs");
        }
        throw new IllegalArgumentException("no text for " + problem);
    }

    /** Password reset: what is wrong with a new password (the same words as at sign-up). */
    public static Text of(PasswordResetOutcome.Problem problem) {
        if (problem instanceof PasswordResetOutcome.PasswordMissing) {
            return Text.of("problem.password.missing");
        }
        if (problem instanceof PasswordResetOutcome.WeakPassword weak) {
            return of(weak.reason());
        }
        if (problem instanceof PasswordResetOutcome.PasswordsDiffer) {
            return Text.of("problem.password.differs");
        }
        throw new IllegalArgumentException("no text for " + problem);
    }

    public static Text of(UsernameRejection rejection) {
        if (rejection instanceof UsernameRejection.Missing) {
            return Text.of("problem.username.missing");
        }
        if (rejection instanceof UsernameRejection.WrongLength length) {
            return Text.of("problem.username.wrong-length", length.minimumLength(), length.maximumLength());
        }
        if (rejection instanceof UsernameRejection.ForbiddenCharacters) {
            return Text.of("problem.username.forbidden-characters");
        }
        throw new IllegalArgumentException("no text for " + rejection);
    }

    public static Text of(EmailRejection rejection) {
        if (rejection instanceof EmailRejection.Missing) {
            return Text.of("problem.email.missing");
        }
        if (rejection instanceof EmailRejection.Malformed) {
            return Text.of("problem.email.malformed");
        }
        throw new IllegalArgumentException("no text for " + rejection);
    }

    public static Text of(PasswordRejection rejection) {
        if (rejection instanceof PasswordRejection.TooShort tooShort) {
            return Text.of("problem.password.too-short", tooShort.minimumLength());
        }
        if (rejection instanceof PasswordRejection.TooLong tooLong) {
            return Text.of("problem.password.too-long", tooLong.maximumLength());
        }
        if (rejection instanceof PasswordRejection.Common) {
            return Text.of("problem.password.common");
        }
        if (rejection instanceof PasswordRejection.ContainsUsername) {
            return Text.of("problem.password.contains-username");
        }
        if (rejection instanceof PasswordRejection.ContainsEmail) {
            return Text.of("problem.password.contains-email");
        }
        if (rejection instanceof PasswordRejection.ControlCharacters) {
            return Text.of("problem.password.control-characters");
        }
        // issue 13 finding 8: breached passwords
        if (rejection instanceof PasswordRejection.Breached) {
            return Text.of("problem.password.breached");
        }
        if (rejection instanceof PasswordRejection.BreachCheckUnavailable) {
            return Text.of("problem.password.breach-check-unavailable");
        }
        throw new IllegalArgumentException("no text for " + rejection);
    }

    /** The one message of every rejected login, whatever its reason. */
    public static Text of(LoginOutcome.PublicReason reason) {
        return switch (reason) {
            case INVALID_CREDENTIALS -> Text.of("flash.login-rejected");
        };
    }

    /** What the account activity page calls each event. */
    public static Text of(SecurityEventType type) {
        return switch (type) {
            case REGISTERED -> Text.of("activity.event.registered");
            case LOGIN_SUCCEEDED -> Text.of("activity.event.login-succeeded");
            case LOGIN_FAILED -> Text.of("activity.event.login-failed");
            case LOGIN_THROTTLED -> Text.of("activity.event.login-throttled");
            case REMEMBER_ME_USED -> Text.of("activity.event.remember-me-used");
            case REMEMBER_ME_THEFT_DETECTED -> Text.of("activity.event.remember-me-theft-detected");
            case LOGGED_OUT -> Text.of("activity.event.logged-out");
            case SESSION_EXPIRED -> Text.of("activity.event.session-expired");
            // Password reset.
            case PASSWORD_RESET_REQUESTED -> Text.of("passwordreset.event.requested");
            case PASSWORD_RESET -> Text.of("passwordreset.event.reset");
            case REAUTHENTICATED -> Text.of("account.reauthentication.event.confirmed");
            case REAUTHENTICATION_FAILED -> Text.of("account.reauthentication.event.failed");
            case REAUTHENTICATION_THROTTLED -> Text.of("account.reauthentication.event.throttled");
            case SESSION_REVOKED -> Text.of("activity.event.session-revoked");
            case PASSWORD_CHANGED -> Text.of("activity.event.password-changed");
            case CURRENT_PASSWORD_REJECTED -> Text.of("activity.event.current-password-rejected");
            case SESSION_ENDED -> Text.of("activity.event.session-ended");
            case LOGGED_OUT_EVERYWHERE_ELSE -> Text.of("activity.event.logged-out-everywhere-else");
            case ACCOUNT_DELETED -> Text.of("account.delete.event");
            case EMAIL_CHANGE_REQUESTED -> Text.of("account.email.event");
            case EMAIL_CONFIRMED -> Text.of("emailconfirmation.event");
            // issue 13 finding 1: the remember-me grace window
            case REMEMBER_ME_GRACE_USED -> Text.of("activity.event.remember-me-grace-used");
            // issue 14: twofactor
            case AUTHENTICATOR_APP_ENABLED -> Text.of("activity.event.authenticator-app-enabled");
            case AUTHENTICATOR_APP_DISABLED -> Text.of("activity.event.authenticator-app-disabled");
            case RECOVERY_CODES_REGENERATED -> Text.of("activity.event.recovery-codes-regenerated");
            case RECOVERY_CODE_USED -> Text.of("activity.event.recovery-code-used");
            case SECOND_STEP_FAILED -> Text.of("activity.event.second-step-failed");
            case SECOND_STEP_THROTTLED -> Text.of("activity.event.second-step-throttled");
        };
    }
}
