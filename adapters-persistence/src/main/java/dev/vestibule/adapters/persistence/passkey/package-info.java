/** Passkeys, their users' WebAuthn handles and the ceremonies' challenges, on R2DBC. */
package dev.vestibule.adapters.persistence.passkey;
