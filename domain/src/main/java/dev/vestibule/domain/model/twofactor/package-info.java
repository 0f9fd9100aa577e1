/**
 * Second factors: what a user has set up (authenticator app, recovery codes, passkeys) and the sign-in that waits for
 * its second step.
 */
package dev.vestibule.domain.model.twofactor;
