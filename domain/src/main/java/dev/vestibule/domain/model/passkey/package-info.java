/**
 * Passkeys (WebAuthn Level 3 public-key credentials): the stored credential with its sign counter and backup flags,
 * the per-user WebAuthn user handle, the single-use ceremony challenges and the relying party they are bound to.
 */
package dev.vestibule.domain.model.passkey;
