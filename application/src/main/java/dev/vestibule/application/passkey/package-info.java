/** Passkeys: adding (after re-authentication), renaming and removing them, and signing in with one. */
package dev.vestibule.application.passkey;
