package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import java.util.List;

/**
 * The current-password field of a page that needs re-authentication, as its template sees it: whether it is
 * asked for (no open window) and what was wrong with the last try. The password itself never goes back.
 */
public record CurrentPasswordField(boolean asked, List<String> errors) {

    public static CurrentPasswordField forWindow(boolean windowOpen) {
        return new CurrentPasswordField(!windowOpen, List.of());
    }

    /** After a refusal the field is always asked for: the window is closed, or a wrong password was typed. */
    public static CurrentPasswordField refused(ReauthenticationOutcome refusal, Texts texts) {
        if (refusal instanceof ReauthenticationOutcome.WrongPassword) {
            return new CurrentPasswordField(true, List.of(texts.get("account.reauthentication.wrong")));
        }
        if (refusal instanceof ReauthenticationOutcome.PasswordRequired) {
            return new CurrentPasswordField(true, List.of(texts.get("account.reauthentication.required")));
        }
        return new CurrentPasswordField(true, List.of());
    }

    public boolean invalid() {
        return !errors.isEmpty();
    }
}
