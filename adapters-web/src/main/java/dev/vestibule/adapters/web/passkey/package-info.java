/**
 * Passkeys on the web: the account's passkeys page (rename, remove, add), and the JSON endpoints of the WebAuthn
 * ceremonies that the self-hosted script {@code /js/passkeys.js} drives (adding one, signing in without a password,
 * the second step after a password).
 */
package dev.vestibule.adapters.web.passkey;
