package dev.vestibule.domain.model.user;

/** Why a typed email address was refused. */
public sealed interface EmailRejection {

    /** Nothing but blanks. */
    record Missing() implements EmailRejection {}

    /** Not a dot-atom address at a DNS host name (see {@link EmailAddress}). */
    record Malformed() implements EmailRejection {}
}
