package dev.vestibule.domain.port.in;

/** The fields of a sign-up, for attaching each problem to the field it concerns. */
public enum RegistrationField {
    USERNAME,
    EMAIL,
    PASSWORD,
    PASSWORD_REPEAT
}
