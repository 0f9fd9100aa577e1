/**
 * WebAuthn: the passkey ceremonies' responses verified with webauthn4j for the relying party of the public URL, on a
 * bounded scheduler of their own (webauthn4j is synchronous and CPU-bound).
 */
package dev.vestibule.adapters.webauthn;
