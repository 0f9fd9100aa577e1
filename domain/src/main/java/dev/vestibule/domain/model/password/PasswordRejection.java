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
}
