package dev.vestibule.domain.model.user;

/** Why a typed username was refused, with what the user needs to know to fix it. */
public sealed interface UsernameRejection {

    /** Nothing but blanks. */
    record Missing() implements UsernameRejection {}

    record WrongLength(int minimumLength, int maximumLength) implements UsernameRejection {}

    /** Anything but ASCII letters, digits, '.', '_' and '-'. */
    record ForbiddenCharacters() implements UsernameRejection {}
}
