package dev.vestibule.adapters.persistence.user;

import dev.vestibule.domain.port.out.AddUserResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells which uniqueness rule a failed insert broke, from the constraint name in the driver's message.
 * PostgreSQL names the index ({@code unique constraint "users_username_key"}); H2 names the constraint
 * and then quotes the offending value ({@code "PUBLIC.USERS_USERNAME_KEY INDEX ... VALUES ( 'x' )"}),
 * which may itself contain the other constraint's name: so the name that appears first wins.
 */
final class UniqueViolations {

    static final String USERNAME_CONSTRAINT = "users_username_key";
    static final String EMAIL_CONSTRAINT = "users_email_key";

    private UniqueViolations() {}

    /** The result the violation stands for, or empty when it is not about the username or email. */
    static Optional<AddUserResult> resultOf(Throwable failure) {
        // The driver's own exception, the innermost cause, first: wrappers add text of their own (the SQL).
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<AddUserResult> result = resultOf(chain.get(i).getMessage());
            if (result.isPresent()) {
                return result;
            }
        }
        return Optional.empty();
    }

    static Optional<AddUserResult> resultOf(String message) {
        if (message == null) {
            return Optional.empty();
        }
        String lowerCased = message.toLowerCase(Locale.ROOT);
        int username = lowerCased.indexOf(USERNAME_CONSTRAINT);
        int email = lowerCased.indexOf(EMAIL_CONSTRAINT);
        if (username >= 0 && (email < 0 || username < email)) {
            return Optional.of(new AddUserResult.UsernameTaken());
        }
        if (email >= 0) {
            return Optional.of(new AddUserResult.EmailTaken());
        }
        return Optional.empty();
    }
}
