/** Two-factor secrets at rest: AES-256-GCM with a key from configuration, rotated by key id. */
package dev.vestibule.adapters.crypto.twofactor;
