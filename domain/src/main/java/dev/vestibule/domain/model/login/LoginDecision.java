package dev.vestibule.domain.model.login;

import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.user.User;

/** Decides a password login from what was found: who the user is and whether the password matched. */
public final class LoginDecision {

    private LoginDecision() {}

    public static LoginOutcome forUnknownUser() {
        return new LoginOutcome.Rejected(LoginOutcome.Reason.UNKNOWN_USER);
    }

    public static LoginOutcome forUserWithoutPassword() {
        return new LoginOutcome.Rejected(LoginOutcome.Reason.NO_LOCAL_PASSWORD);
    }

    /**
     * The password is judged before the account state, so that "disabled" is only ever reported (in logs)
     * to someone who knew the password; the user-facing message is the same either way.
     */
    public static LoginOutcome forPassword(User user, PasswordCheck check) {
        if (!check.matches()) {
            return new LoginOutcome.Rejected(LoginOutcome.Reason.WRONG_PASSWORD);
        }
        if (!user.isActive()) {
            return new LoginOutcome.Rejected(LoginOutcome.Reason.DISABLED);
        }
        return new LoginOutcome.Succeeded(user);
    }
}
