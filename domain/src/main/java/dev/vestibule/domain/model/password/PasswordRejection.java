package dev.vestibule.domain.model.password;

/** Why a chosen password was refused; each says so in words a user can act on. */
public sealed interface PasswordRejection {

    String message();

    record TooShort(int minimumLength) implements PasswordRejection {
        @Override
        public String message() {
            return "Password must be at least " + minimumLength + " characters long.";
        }
    }

    record TooLong(int maximumLength) implements PasswordRejection {
        @Override
        public String message() {
            return "Password must be at most " + maximumLength + " characters long.";
        }
    }

    record Common() implements PasswordRejection {
        @Override
        public String message() {
            return "This password is too common: it is on lists that attackers try first. Please choose another.";
        }
    }

    record ContainsUsername() implements PasswordRejection {
        @Override
        public String message() {
            return "Password must not contain your username.";
        }
    }

    record ContainsEmail() implements PasswordRejection {
        @Override
        public String message() {
            return "Password must not contain your email address.";
        }
    }

    /** NIST SP 800-63B accepts every printing character and space; control characters are neither. */
    record ControlCharacters() implements PasswordRejection {
        @Override
        public String message() {
            return "Password must not contain control characters (such as tab, line breaks or escape). "
                    + "Letters, digits, spaces, punctuation and symbols of any language are all fine.";
        }
    }
}
